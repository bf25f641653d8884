package dev.concur.run;

import java.util.List;

/**
 * The runner concur uses: JVM models go to JMH, peer models to their own programs. Both return
 * the same {@link RunOutcome}, so everything after the runner (validation, statistics, the report,
 * compare) treats them alike.
 *
 * @param jvm   measures JVM models (JMH forks)
 * @param peers measures peer models (separate processes)
 */
public record Runners(BenchmarkRunner jvm, BenchmarkRunner peers) implements BenchmarkRunner {

    private BenchmarkRunner of(Benchmark b) {
        return b.peer() == null ? jvm : peers;
    }

    @Override
    public RunOutcome run(Benchmark b, int index, int iterations, Watchdog.Deadline deadline) throws InterruptedException {
        return of(b).run(b, index, iterations, deadline);
    }

    @Override
    public String whyUnavailable(Benchmark b) {
        return of(b).whyUnavailable(b);
    }

    @Override
    public List<String> forkJvmArgs() {
        return jvm.forkJvmArgs();
    }

    @Override
    public Pinning pinning() {
        return jvm.pinning();
    }
}
