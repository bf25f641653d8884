package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * Its own {@link ForkJoinPool} (never the common pool) with parallelism = available cores: the
 * work-stealing design built for CPU-bound work.
 *
 * <p>Blocking waits go through {@link ForkJoinPool#managedBlock}: before a worker blocks, the
 * pool may start a compensating thread so that {@code parallelism} threads stay runnable. This
 * is what its numbers mean on io: the pool grows to at most cores + {@value #MAX_SPARES} threads
 * (the spare limit the JDK gives the common pool), so N sleeping tasks take about
 * ceil(N / (cores + 256)) × latency — a bounded pool, far better than {@code parallelism} alone,
 * far worse than virtual threads. Without managedBlock it would sleep {@code cores} tasks at a
 * time. Compensation is also a cost: each spare is a new OS thread.
 */
public final class ForkJoinModel implements ConcurrencyModel {
    /** Compensation threads allowed beyond parallelism; the common pool's default. */
    public static final int MAX_SPARES = 256;

    private final ThreadTracker tracker = new ThreadTracker();
    private ForkJoinPool pool;
    private int parallelism;

    @Override
    public String name() {
        return "forkjoin";
    }

    @Override
    public String description() {
        return "its own ForkJoinPool, parallelism = cores; blocking waits via managedBlock";
    }

    @Override
    public void open(ModelSettings settings) {
        parallelism = settings.cores();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            tracker.countStarted();
            return new TrackedWorker(p, tracker);
        };
        pool = new ForkJoinPool(parallelism, factory, null, false,
                0, parallelism + MAX_SPARES, 1,
                p -> true, // at the spare limit, keep running with fewer threads instead of throwing
                60, TimeUnit.SECONDS);
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        CountDownLatch done = new CountDownLatch(tasks.size());
        for (Task t : tasks) {
            pool.execute(() -> {
                try {
                    TaskRunners.runOne(t, MANAGED, batch);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        batch.throwIfFailed();
    }

    /** Every blocking wait and call goes through managedBlock, so the pool can compensate. */
    static final dev.concur.workload.BlockingContext MANAGED = new dev.concur.workload.BlockingContext() {
        @Override
        public void sleep(long nanos) throws InterruptedException {
            managedSleep(nanos);
        }

        @Override
        public <T> T block(java.util.concurrent.Callable<T> call) throws Exception {
            Object[] result = new Object[1];
            Exception[] error = new Exception[1];
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                private boolean done;

                @Override
                public boolean block() {
                    try {
                        result[0] = call.call();
                    } catch (Exception e) {
                        error[0] = e;
                    }
                    done = true;
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return done;
                }
            });
            if (error[0] != null) throw error[0];
            @SuppressWarnings("unchecked") T t = (T) result[0];
            return t;
        }
    };

    /** A sleep the pool knows about, so it can compensate for the blocked worker. */
    static void managedSleep(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
            @Override
            public boolean block() throws InterruptedException {
                long left = deadline - System.nanoTime();
                if (left > 0) Thread.sleep(Duration.ofNanos(left));
                return true;
            }

            @Override
            public boolean isReleasable() {
                return deadline - System.nanoTime() <= 0;
            }
        });
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        return new Caps(Math.min(tasks, s.cores() + MAX_SPARES), Math.min(tasks, s.cores()),
                Math.min(tasks, s.cores() + MAX_SPARES),
                "managedBlock compensates up to cores + " + MAX_SPARES + " threads; cores compute");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(parallelism);
    }

    @Override
    public void close() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static final class TrackedWorker extends ForkJoinWorkerThread {
        private final ThreadTracker tracker;

        TrackedWorker(ForkJoinPool pool, ThreadTracker tracker) {
            super(pool);
            this.tracker = tracker;
            setName("concur-forkjoin-starting"); // its pool index is known only once it runs
            setDaemon(true);
        }

        @Override
        protected void onStart() {
            super.onStart();
            setName("concur-forkjoin-" + getPoolIndex()); // in the constructor every worker's index is still 0
            tracker.enter();
        }

        @Override
        protected void onTermination(Throwable exception) {
            tracker.exit();
            super.onTermination(exception);
        }
    }
}
