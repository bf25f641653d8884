package dev.concur.run;

import dev.concur.model.Caps;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.workload.CpuWork;
import dev.concur.workload.WorkloadRegistry;

/**
 * Predicts, before anything runs, how long one batch and one benchmark will take: the ideal time
 * of {@link Ideal} with the CPU kernel's speed calibrated on this host, plus a rough cost for
 * starting platform threads. Used to skip hopeless benchmarks ({@code --max-batch}) and for the
 * progress bar's ETA; never reported as a measurement.
 */
public final class Estimator {
    /** Rough cost of starting and joining one platform thread. */
    private static final double PLATFORM_THREAD_START_NANOS = 60_000;
    /** JVM start, JMH set-up and the reference pass, per fork. */
    private static final double FORK_OVERHEAD_NANOS = 1.5e9;

    private final double nanosPerRound;
    private final int cores;

    public Estimator(double nanosPerRound, int cores) {
        this.nanosPerRound = nanosPerRound;
        this.cores = cores;
    }

    /** Times the CPU kernel on this host for about 60 ms. */
    public static Estimator calibrate() {
        long rounds = 20_000;
        long sink = 0;
        double best = Double.MAX_VALUE;
        long until = System.nanoTime() + 60_000_000L;
        for (int i = 0; System.nanoTime() < until || i < 5; i++) {
            long t0 = System.nanoTime();
            sink += CpuWork.compute(i, rounds);
            best = Math.min(best, (double) (System.nanoTime() - t0) / rounds);
        }
        if (sink == 42) System.out.print(""); // keep the loop alive
        return new Estimator(best, Runtime.getRuntime().availableProcessors());
    }

    public double nanosPerRound() {
        return nanosPerRound;
    }

    /** Estimated milliseconds for one batch of {@code spec}. */
    public double batchMillis(Spec spec) {
        var w = WorkloadRegistry.get(spec.workload());
        long latency = w.usesLatency() ? spec.params().latencyNanos() : 0;
        long work = w.usesWork() ? spec.params().work() : 0;
        int n = spec.params().tasks();
        int k = spec.cores() != null ? spec.cores() : cores;
        Caps caps = ModelRegistry.create(spec.model()).caps(new ModelSettings(spec.threads(), k), n);
        double ideal = Ideal.batchNanos(n, latency, work * nanosPerRound, caps);
        if (spec.model().equals("platform-per-task")) ideal += n * PLATFORM_THREAD_START_NANOS / k;
        return ideal / 1e6;
    }

    /** Estimated seconds for the whole benchmark. */
    public double benchmarkSeconds(Spec spec) {
        Profile profile = spec.profile();
        double batch = batchMillis(spec) * 1e6;
        double warm = profile.warmupIterations() * Math.max(profile.warmupTime().toNanos(), batch);
        double meas = profile.iterations() * Math.max(profile.iterationTime().toNanos(), batch);
        return profile.forks() * (FORK_OVERHEAD_NANOS + warm + meas) / 1e9;
    }
}
