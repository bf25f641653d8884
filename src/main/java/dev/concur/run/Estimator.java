package dev.concur.run;

import dev.concur.input.Profile;
import dev.concur.workload.CpuWork;

/**
 * Predicts, before anything runs, how long one batch and one benchmark will take: the ideal time
 * of {@link Ideal} with the CPU kernel's speed calibrated on this host (times the runtime's rough
 * slowdown, for a peer), plus what starting each task costs as the model, the workload or the peer's
 * runtime declares it ({@link Benchmark#taskStartNanos}). Used to skip hopeless benchmarks
 * ({@code --max-batch}), for the watchdog's patience before a first batch ends, and for the progress
 * bar's ETA; never reported as a measurement.
 *
 * <p>An over-estimate only skips a benchmark; an under-estimate lets a hopeless one run until the
 * watchdog kills it, so the declared costs are rounded up from what was measured.
 */
public final class Estimator {
    /** JVM start, JMH set-up and the reference pass, per fork. */
    private static final double FORK_OVERHEAD_NANOS = 1.5e9;

    private final double nanosPerRound;

    public Estimator(double nanosPerRound) {
        this.nanosPerRound = nanosPerRound;
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
        return new Estimator(best);
    }

    public double nanosPerRound() {
        return nanosPerRound;
    }

    /** Estimated milliseconds for one batch of {@code b}. */
    public double batchMillis(Benchmark b) {
        int n = b.params().tasks();
        double work = (double) b.params().work() * b.workload().workPassesPerTask();
        double ideal = Ideal.batchNanos(n, b.params().latencyNanos(), work * nanosPerRound * b.cpuSlowdown(), b.caps());
        return (ideal + n * b.taskStartNanos()) / 1e6;
    }

    /** Batches an adaptive warm-up typically needs before its window is steady. */
    private static final int TYPICAL_WARMUP_BATCHES = 6;

    /** Estimated seconds for the whole benchmark, with the fewest forks its profile runs. */
    public double benchmarkSeconds(Benchmark b) {
        Profile profile = b.profile();
        double batch = batchMillis(b) * 1e6;
        double warm = profile.adaptiveWarmup()
                ? Math.max(batch, Math.min(profile.warmupCap().toNanos(), TYPICAL_WARMUP_BATCHES * batch))
                : profile.warmupIterations() * Math.max(profile.warmupTime().toNanos(), batch);
        double meas = profile.iterations() * Math.max(profile.iterationTime().toNanos(), batch);
        return profile.minForks() * (FORK_OVERHEAD_NANOS + warm + meas) / 1e9;
    }
}
