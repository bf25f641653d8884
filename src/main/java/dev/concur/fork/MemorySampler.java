package dev.concur.fork;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory per task, as docs/methodology.md defines it: during a measured batch, a daemon thread
 * reads the used heap and the process's resident memory (RSS, {@code /proc/self/statm}) every
 * 2 ms.
 *
 * <ul>
 *   <li><b>RSS</b> is measured the same way for every model in every runtime (peer programs are
 *       sampled by the host, from {@code /proc/PID/statm} of their process tree): (peak during the
 *       batch − the idle process's RSS, read once before the first batch) / tasks. It is what the
 *       operating system had to give while the tasks were alive. The baseline is the idle process,
 *       not the batch's start: a runtime keeps what earlier batches made resident (the JVM's heap,
 *       Go's stack pool, CPython's arenas), and growth from the batch's start would call a reused
 *       goroutine stack free.</li>
 *   <li><b>Heap</b> (the JVM only): with tasks that wait 1 s the peak is reached while every task is
 *       alive, so this is what one waiting task costs on the heap (a virtual thread's stack lives
 *       there too; a platform thread's stack does not). It includes garbage made during the batch:
 *       an upper bound.</li>
 * </ul>
 */
final class MemorySampler {
    private static final long PERIOD_MILLIS = 2;
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE = 4096;
    private final MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    private volatile boolean sampling;
    private volatile boolean stopped;
    private volatile long heapBase;
    private volatile long heapPeak;
    private volatile long rssBase;
    private volatile long rssIdle = -1;
    private volatile long rssPeak;
    private Thread thread;

    /**
     * Growth during one batch, in bytes; {@code rss} is -1 where /proc is not readable.
     * {@code heapPeak} is the heap used at its highest sample (not a growth): the JVM's own figure
     * beside RSS, {@code runtimeMemory.heapUsed} in the fork's report.
     */
    record Growth(long heap, long rss, long heapPeak) {}

    void start() {
        thread = new Thread(this::loop, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private long heap() {
        return mx.getHeapMemoryUsage().getUsed();
    }

    /** Resident bytes of this process, or -1. */
    static long rss() {
        try {
            String[] f = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(f[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void loop() {
        while (!stopped) {
            if (sampling) sample();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long h = heap();
        if (h > heapPeak) heapPeak = h;
        long r = rss();
        if (r > rssPeak) rssPeak = r;
    }

    /** The idle process's RSS, the baseline of every batch's RSS figure: call once, before the first batch. */
    void markIdle() {
        rssIdle = rss();
    }

    void begin() {
        heapBase = heap();
        heapPeak = heapBase;
        rssBase = rss();
        rssPeak = rssBase;
        sampling = true;
    }

    /** Heap: peak minus the batch's start; RSS: peak minus the idle process (never negative). */
    Growth end() {
        sampling = false;
        sample();
        long baseline = rssIdle >= 0 ? rssIdle : rssBase;
        return new Growth(Math.max(0, heapPeak - heapBase), baseline < 0 ? -1 : Math.max(0, rssPeak - baseline), heapPeak);
    }

    void stop() {
        stopped = true;
        if (thread != null) thread.interrupt();
    }
}
