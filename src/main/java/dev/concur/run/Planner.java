package dev.concur.run;

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
 * Expands what the user asked for into the list of benchmarks to run. Precedence for every value:
 * the command line, then the suite run, then the default (the workload's own, or the ones below).
 */
public final class Planner {
    public static final int DEFAULT_THREADS = 200;                       // JEP 444's example pool
    public static final Duration DEFAULT_MAX_BATCH = Duration.ofSeconds(30);

    /**
     * The command line's choices; {@code null} means "not given".
     */
    public record Choices(List<String> models, List<String> workloads, Integer tasks, Long latencyNanos, Long work,
                          Integer threads, List<Integer> cores, String profile, Integer forks, Integer warmup,
                          Integer iterations, Long timeNanos, Long maxBatchNanos, Long timeoutNanos) {

        /** The option names given, for the report's {@code overrides}. */
        public List<String> given() {
            List<String> g = new ArrayList<>();
            Object[] values = {models, workloads, tasks, latencyNanos, work, threads, cores, profile, forks, warmup,
                    iterations, timeNanos, maxBatchNanos, timeoutNanos};
            String[] names = {"--model", "--workload", "--tasks", "--latency", "--work", "--threads", "--cores",
                    "--profile", "--forks", "--warmup", "--iterations", "--time", "--max-batch", "--timeout"};
            for (int i = 0; i < names.length; i++) if (values[i] != null) g.add(names[i]);
            return g;
        }
    }

    private Planner() {}

    public static List<Spec> plan(Choices cli, Suite suite) {
        List<SuiteRun> runs = suite != null ? suite.runs()
                : List.of(new SuiteRun(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0));
        List<Spec> specs = new ArrayList<>();
        for (SuiteRun run : runs) {
            List<String> models = first(cli.models(), run.models(), ModelRegistry.names());
            List<String> workloads = first(cli.workloads(), run.workloads(), WorkloadRegistry.names());
            int threads = first(cli.threads(), run.threads(), DEFAULT_THREADS);
            List<Integer> cores = first(cli.cores(), run.cores(), Arrays.asList((Integer) null));
            Profile profile = Profile.named(first(cli.profile(), run.profile(), "quick")).with(
                    first(cli.forks(), run.forks(), null), first(cli.warmup(), run.warmup(), null),
                    first(cli.iterations(), run.iterations(), null),
                    nanos(first(cli.timeNanos(), run.timeNanos(), null)));
            long maxBatch = first(cli.maxBatchNanos(), run.maxBatchNanos(), DEFAULT_MAX_BATCH.toNanos());
            Long timeout = first(cli.timeoutNanos(), run.timeoutNanos(), null);
            for (String w : workloads) {
                WorkloadParams d = WorkloadRegistry.get(w).defaults();
                WorkloadParams p = new WorkloadParams(first(cli.tasks(), run.tasks(), d.tasks()),
                        first(cli.latencyNanos(), run.latencyNanos(), d.latencyNanos()),
                        first(cli.work(), run.work(), d.work()));
                for (Integer k : cores) {
                    for (String m : models) {
                        specs.add(new Spec(m, w, p, threads, k, profile, maxBatch, timeout, run.description()));
                    }
                }
            }
        }
        return specs;
    }

    private static Duration nanos(Long n) {
        return n == null ? null : Duration.ofNanos(n);
    }

    private static <T> T first(T a, T b, T c) {
        return a != null ? a : b != null ? b : c;
    }
}
