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
 * @param forks                  JMH forks per benchmark, at least
 * @param warmupIterations       fixed JMH warm-up iterations per fork (0 with the adaptive warm-up)
 * @param warmupMillis           duration of each warm-up iteration
 * @param measurementIterations  JMH measured iterations per fork
 * @param iterationMillis        duration of each measured iteration (at least one batch runs)
 * @param maxBatchMillis         estimated batch times above this are skipped
 * @param forkJvmArgs            JVM flags concur asked JMH to start each fork with (plus, per
 *                               core count, the flags listed in docs/cores-and-scaling.md)
 * @param suite                  the suite file that was run, or {@code null}
 * @param cores                  the core counts of {@code --cores}, or {@code null} when forks were not limited
 * @param pinning                how forks were pinned: {@code taskset}, or {@code none: <reason>}
 * @param overrides              command-line options that overrode suite values
 * @param maxForks               the most forks per benchmark ({@code forks} is the fewest)
 * @param warmupCapMillis        the adaptive warm-up's time cap per fork, {@code null} with a fixed warm-up
 * @param targetCiPct            the precision target: 99.9 % CI half-width in per cent of the mean
 * @param kernel                 the CPU kernel's version (results of different kernels do not compare)
 */
public record RunConfig(List<String> models, List<String> workloads, List<WorkloadConfig> workloadParams,
                        int threads, String profile, String mode, int forks, int warmupIterations,
                        long warmupMillis, int measurementIterations, long iterationMillis,
                        long maxBatchMillis, List<String> forkJvmArgs, String suite, List<Integer> cores,
                        String pinning, List<String> overrides, int maxForks, Long warmupCapMillis,
                        double targetCiPct, String kernel) {

    /**
     * @param workload  the workload
     * @param tasks     tasks per batch
     * @param latencyMs simulated wait per task, or {@code null} when the workload has none
     * @param work      CPU rounds per task, or {@code null} when the workload has none
     */
    public record WorkloadConfig(String workload, int tasks, Double latencyMs, Long work) {}
}
