package dev.concur.result;

import java.util.List;

/**
 * The settings of the run, after defaults and profile were applied.
 *
 * @param models                 models asked for, in run order
 * @param workloads              workloads asked for, in run order
 * @param workloadParams         the parameters each workload really ran with
 * @param threads                pool size of {@code platform}
 * @param profile                {@code quick} or {@code precise}
 * @param mode                   JMH mode; always {@code avgt}: one operation is one whole batch
 * @param forks                  JMH forks per benchmark
 * @param warmupIterations       JMH warm-up iterations per fork
 * @param warmupMillis           duration of each warm-up iteration
 * @param measurementIterations  JMH measured iterations per fork
 * @param iterationMillis        duration of each measured iteration (at least one batch runs)
 * @param maxBatchMillis         estimated batch times above this are skipped
 * @param forkJvmArgs            JVM flags concur asked JMH to start each fork with
 */
public record RunConfig(List<String> models, List<String> workloads, List<WorkloadConfig> workloadParams,
                        int threads, String profile, String mode, int forks, int warmupIterations,
                        long warmupMillis, int measurementIterations, long iterationMillis,
                        long maxBatchMillis, List<String> forkJvmArgs) {

    /**
     * @param workload  the workload
     * @param tasks     tasks per batch
     * @param latencyMs simulated wait per task, or {@code null} when the workload has none
     * @param work      CPU rounds per task, or {@code null} when the workload has none
     */
    public record WorkloadConfig(String workload, int tasks, Double latencyMs, Long work) {}
}
