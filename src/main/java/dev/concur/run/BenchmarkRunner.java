package dev.concur.run;

import java.util.List;

/**
 * The seam between concur and whatever measures a benchmark. {@link dev.concur.run.jmh.JmhRunner}
 * measures JVM models in JMH forks; tests use a seeded fake so CLI and report tests never start a
 * JVM. A runner for programs in other languages plugs in here too: it gets the same
 * {@link Benchmark}, the same deadline (the caller's {@link Watchdog} semantics) and returns the
 * same {@link RunOutcome}, so validation, statistics and the report do not care who measured.
 */
public interface BenchmarkRunner {

    /**
     * Measures {@code benchmark} in ONE fresh process (a fork): its warm-up, then its measured
     * iterations. {@link BenchRun} calls it again for more forks until the precision target is met.
     * A benchmark failure is an outcome, not an exception. When the process stalls past
     * {@code deadline} (see {@link Watchdog}) it is killed and the outcome says {@code timedOut}.
     *
     * @param index      the benchmark's position in the run, for naming its thread dump
     * @param iterations measured iterations for this fork
     */
    RunOutcome run(Benchmark benchmark, int index, int iterations, Watchdog.Deadline deadline) throws InterruptedException;

    /**
     * Why this runner cannot run {@code benchmark} on this machine (a runtime or package missing),
     * with what would install it; {@code null} when it can. Asked before anything runs.
     */
    default String whyUnavailable(Benchmark benchmark) {
        return null;
    }

    /** The JVM flags forks are started with (recorded in the report's config). */
    List<String> forkJvmArgs();

    /** How processes limited to k cores are pinned to CPUs. */
    Pinning pinning();

    /**
     * Whether forks limited to k cores are really pinned to k CPUs.
     *
     * @param pinned whether {@code taskset} pins them
     * @param why    why not, when not
     */
    record Pinning(boolean pinned, String why) {
        public static final Pinning TASKSET = new Pinning(true, null);

        public static Pinning none(String why) {
            return new Pinning(false, why);
        }

        /** {@code taskset}, or {@code none: <reason>}, as the report's {@code config.pinning} says it. */
        public String describe() {
            return pinned ? "taskset" : "none: " + why;
        }
    }

    /** The flags that limit a fork to {@code k} cores: the processor count and all that is sized by it. */
    static List<String> coreFlags(int k) {
        return List.of("-XX:ActiveProcessorCount=" + k,
                "-XX:ParallelGCThreads=" + k,
                "-XX:ConcGCThreads=" + Math.max(1, (k + 3) / 4),
                "-Djdk.virtualThreadScheduler.parallelism=" + k);
    }
}
