package dev.concur.model;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts threads a model starts and how many are alive at once. Wrapping the model's own
 * {@link ThreadFactory} measures what really happened rather than what the configuration says.
 * Virtual threads are counted too: {@code ThreadMXBean} does not see them.
 */
public final class ThreadTracker {
    private final AtomicLong started = new AtomicLong();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** A factory whose threads are counted from start to end. */
    public ThreadFactory wrap(ThreadFactory factory) {
        return counting(r -> factory.newThread(track(r)));
    }

    /**
     * A factory whose threads are counted when created but not tracked as live: for executors
     * that signal completion from inside the thread's body, the caller tracks the task instead
     * with {@link #track}, so that a batch never "ends" while a thread still counts as live.
     */
    public ThreadFactory counting(ThreadFactory factory) {
        return r -> {
            Thread t = factory.newThread(r);
            started.incrementAndGet();
            return t;
        };
    }

    /** {@code body}, counted as live while it runs. */
    public Runnable track(Runnable body) {
        return () -> {
            enter();
            try {
                body.run();
            } finally {
                exit();
            }
        };
    }

    /** Marks the current thread as running task code (for threads no factory made). */
    public void enter() {
        int now = live.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    public void exit() {
        live.decrementAndGet();
    }

    public void countStarted() {
        started.incrementAndGet();
    }

    public long started() {
        return started.get();
    }

    public int peak() {
        return peak.get();
    }

    public ModelUsage usage(Integer poolSize) {
        return new ModelUsage(poolSize, started(), peak());
    }
}
