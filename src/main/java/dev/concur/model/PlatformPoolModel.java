package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of {@code --threads} platform (OS) threads, created in setup and reused by every
 * batch — the classic server design. At most {@code threads} tasks wait at once, so N sleeping
 * tasks take about ceil(N / threads) × latency.
 */
public final class PlatformPoolModel implements ConcurrencyModel {
    /**
     * What keeping one task parked on an OS thread costs at hold's start gate, beyond the 26 µs the
     * workload declares: the task that opens the gate wakes every parked OS thread. Measured as
     * (batch − latency) / tasks for a pool of 10,000 threads on hold, 10,000 tasks of 100 ms, on 2 busy
     * cores: (2,502 − 100) ms / 10,000 ≈ 240 µs in all; a thread per task took (12,582 − 100) ms / 10,000
     * under a load of about 290. With only the virtual threads' 26 µs the pool was estimated at 360 ms.
     * For the estimate only: it sets the skip and the watchdog's first deadline.
     */
    public static final double PARKED_OS_THREAD_NANOS = 214_000;

    @Override
    public double parkedTaskNanos() {
        return PARKED_OS_THREAD_NANOS;
    }

    private final ThreadTracker tracker = new ThreadTracker();
    private ExecutorService pool;
    private int size;

    @Override
    public String name() {
        return "platform";
    }

    @Override
    public String description() {
        return "a fixed pool of --threads platform threads (default 200), created once and reused";
    }

    @Override
    public void open(ModelSettings settings) {
        size = settings.threads();
        pool = Executors.newFixedThreadPool(size,
                tracker.wrap(Thread.ofPlatform().name("concur-platform-", 0).daemon(true).factory()));
        // Start all threads now so thread creation is setup, not part of the first batch.
        ((java.util.concurrent.ThreadPoolExecutor) pool).prestartAllCoreThreads();
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        CountDownLatch done = new CountDownLatch(tasks.size());
        for (Task t : tasks) {
            pool.execute(() -> {
                try {
                    TaskRunners.runOne(t, BlockingContext.PLAIN, batch);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        batch.throwIfFailed();
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        return new Caps(s.threads(), Math.min(s.threads(), s.cores()), s.threads(),
                s.threads() + " pool threads can wait; min(threads, cores) can compute");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(size);
    }

    @Override
    public void close() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
