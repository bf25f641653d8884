package dev.concur.run;

import dev.concur.input.Profile;
import dev.concur.workload.CpuWork;

/**
 * Predicts, before anything runs, how long one batch and one benchmark will take: the ideal time
 * of {@link Ideal} with the CPU kernel's speed calibrated on this host, plus a rough cost for
 * starting platform threads. Used to skip hopeless benchmarks ({@code --max-batch}) and for the
 * progress bar's ETA; never reported as a measurement.
 */
public final class Estimator {
    /** Rough cost of starting and joining one platform thread. */
    private static final double PLATFORM_THREAD_START_NANOS = 60_000;
    /**
     * What holding one more task at hold's start gate costs a JVM model, beyond its wait: measured as
     * (batch − latency) / tasks for virtual threads at 100,000 tasks, (3,558 − 1,000) ms / 100,000 ≈ 26 µs
     * (the heap grows with every parked thread). Without it, 1,000,000 gated virtual threads were
     * estimated at 1 s and the watchdog killed them at 23 s.
     */
    private static final double HOLD_TASK_NANOS = 26_000;
    /**
     * The same for a model that parks an OS thread per held task (platform, platform-per-task): the task that
     * opens the gate wakes 10,000 OS threads. Measured as (batch − latency) / tasks for a pool of 10,000
     * threads on hold at 10,000 tasks of 100 ms, on 2 busy cores: (2,502 − 100) ms / 10,000 ≈ 240 µs (a thread
     * per task: (12,582 − 100) ms / 10,000 on the same machine, under a load of about 290; the estimate only
     * sets the skip and the watchdog's first deadline). With the virtual threads' figure the pool was
     * estimated at 360 ms.
     */
    private static final double OS_THREAD_HOLD_TASK_NANOS = 240_000;
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
        if (b.model().equals("platform-per-task")) ideal += n * PLATFORM_THREAD_START_NANOS / b.processors();
        if (b.peer() == null && b.workloadName().equals("hold")) {
            boolean osThreads = b.model().equals("platform") || b.model().equals("platform-per-task");
            ideal += n * (osThreads ? OS_THREAD_HOLD_TASK_NANOS : HOLD_TASK_NANOS);
        }
        if (b.peer() != null) ideal += n * b.peer().runtime().taskOverheadNanos(); // a million coroutines take a while to make
        return ideal / 1e6;
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
