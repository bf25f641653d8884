package dev.concur.run;

import dev.concur.input.Choices;
import dev.concur.input.Gc;
import dev.concur.input.Profile;
import dev.concur.model.ModelRegistry;
import dev.concur.suite.Suite;
import dev.concur.suite.SuiteRun;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what the user asked for into the benchmarks to run, each resolved once (see
 * {@link Benchmark}). Precedence for every value: the command line, then the suite run, then the
 * default (the workload's own, or the ones below).
 */
public final class Planner {
    public static final int DEFAULT_THREADS = 200;                       // JEP 444's example pool
    public static final Duration DEFAULT_MAX_BATCH = Duration.ofSeconds(30);

    private Planner() {}

    /**
     * @param cli          the command line's choices
     * @param suite        the suite file, or {@code null}
     * @param machineCores the processors forks see without {@code --cores}
     * @param target       the http workload's {@code --target}, or {@code null}
     */
    public static Plan plan(Choices cli, Suite suite, int machineCores, String target) {
        List<SuiteRun> runs = suite != null ? suite.runs() : List.of(new SuiteRun(null, Choices.NONE, 0));
        List<Benchmark> benchmarks = new ArrayList<>();
        for (SuiteRun run : runs) {
            Choices c = cli.over(run.choices());
            List<String> models = c.models() != null ? c.models() : ModelRegistry.names();
            List<String> workloads = c.workloads() != null ? c.workloads() : WorkloadRegistry.names();
            int threads = c.threads() != null ? c.threads() : DEFAULT_THREADS;
            List<Integer> cores = c.cores() != null ? c.cores() : Arrays.asList((Integer) null);
            Profile profile = Profile.named(c.profile() != null ? c.profile() : "quick").with(c.forks(), c.warmup(),
                    c.iterations(), c.timeNanos() == null ? null : Duration.ofNanos(c.timeNanos()), c.precisionPct());
            Gc gc = c.gc() != null ? c.gc() : Gc.DEFAULT;
            long maxBatch = c.maxBatchNanos() != null ? c.maxBatchNanos() : DEFAULT_MAX_BATCH.toNanos();
            for (String w : workloads) {
                WorkloadParams d = WorkloadRegistry.get(w).defaults();
                WorkloadParams p = new WorkloadParams(c.tasks() != null ? c.tasks() : d.tasks(),
                        c.latencyNanos() != null ? c.latencyNanos() : d.latencyNanos(),
                        c.work() != null ? c.work() : d.work());
                for (Integer k : cores) {
                    for (String m : models) {
                        benchmarks.add(Benchmark.resolve(m, w, p, threads, k, machineCores, profile, maxBatch,
                                c.timeoutNanos(), run.description(), target, gc));
                    }
                }
            }
        }
        return new Plan(List.copyOf(benchmarks), suite == null ? null : suite.source(),
                suite == null ? List.of() : cli.given());
    }
}
