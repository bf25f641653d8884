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
