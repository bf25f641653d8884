package dev.concur.harness;

/**
 * Measures one benchmark. The real one drives JMH ({@link JmhRunner}); tests use a seeded fake so
 * CLI and report tests never start a JVM.
 */
public interface BenchmarkRunner {

    /** Runs {@code spec} under {@code profile}; a benchmark failure is an outcome, not an exception. */
    RunOutcome run(Spec spec, Profile profile) throws InterruptedException;

    /** The JVM flags forks are started with (recorded in the report's config). */
    java.util.List<String> forkJvmArgs();
}
