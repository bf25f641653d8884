package dev.concur.run;

/**
 * Measures one benchmark. The real one drives JMH ({@link JmhRunner}); tests use a seeded fake so
 * CLI and report tests never start a JVM.
 */
public interface BenchmarkRunner {

    /**
     * Runs {@code spec}; a benchmark failure is an outcome, not an exception. After
     * {@code deadlineNanos} the forks are killed and the outcome says {@code timedOut}.
     *
     * @param index the benchmark's position in the run, for naming its thread dump
     */
    RunOutcome run(Spec spec, int index, long deadlineNanos) throws InterruptedException;

    /** The JVM flags forks are started with (recorded in the report's config). */
    java.util.List<String> forkJvmArgs();

    /** How forks limited to k cores are pinned: {@code taskset}, or {@code none: <reason>}. */
    String pinning();

    /** The flags that limit a fork to {@code k} cores: the processor count and all that is sized by it. */
    static java.util.List<String> coreFlags(int k) {
        return java.util.List.of("-XX:ActiveProcessorCount=" + k,
                "-XX:ParallelGCThreads=" + k,
                "-XX:ConcGCThreads=" + Math.max(1, (k + 3) / 4),
                "-Djdk.virtualThreadScheduler.parallelism=" + k);
    }
}
