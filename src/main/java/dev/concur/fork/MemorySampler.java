package dev.concur.fork;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Memory per task, as docs/methodology.md defines it: during a measured batch, a daemon thread reads the
 * used heap every 2 ms; (peak − used at the batch's start) / tasks. With tasks that wait 1 s, the
 * peak is reached while every task is alive, so this is what one waiting task costs on the heap
 * (a virtual thread's stack lives there too; a platform thread's stack does not, so the figure
 * understates thread-per-task models). It includes garbage made during the batch: an upper bound.
 */
final class MemorySampler {
    private static final long PERIOD_MILLIS = 2;
    private final MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    private volatile boolean sampling;
    private volatile boolean stopped;
    private volatile long base;
    private volatile long peak;
    private Thread thread;

    void start() {
        thread = new Thread(this::loop, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private long used() {
        return mx.getHeapMemoryUsage().getUsed();
    }

    private void loop() {
        while (!stopped) {
            if (sampling) {
                long u = used();
                if (u > peak) peak = u;
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void begin() {
        base = used();
        peak = base;
        sampling = true;
    }

    /** Bytes: peak used during the batch minus used at its start (never negative). */
    long end() {
        sampling = false;
        long u = used();
        if (u > peak) peak = u;
        return Math.max(0, peak - base);
    }

    void stop() {
        stopped = true;
        if (thread != null) thread.interrupt();
    }
}
