package dev.concur.run.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a peer's whole process tree from {@code /proc} every {@value #PERIOD_MILLIS} ms: resident
 * memory (the sum of every process's RSS: multiprocessing, joblib, dask and Celery work in child
 * processes) and OS threads. Between {@link #begin} and {@link #end} it keeps the peak RSS, so
 * {@link #end} returns how much the tree grew during one measured batch: the same measure concur
 * takes inside JVM forks (docs/methodology.md), taken from outside so that it costs the peer nothing.
 */
final class TreeSampler {
    private static final long PERIOD_MILLIS = 5;
    private static final long PAGE = 4096;
    private final ProcessHandle root;
    private volatile boolean stopped;
    private volatile boolean inBatch;
    private volatile long base = -1;
    private volatile long peak = -1;
    private volatile long peakThreads;
    private volatile String cpusAllowed;
    private Thread thread;

    TreeSampler(ProcessHandle root) {
        this.root = root;
    }

    void start() {
        cpusAllowed = field(root.pid(), "Cpus_allowed_list");
        thread = Thread.ofPlatform().daemon(true).name("concur-peer-sampler").start(this::loop);
    }

    private void loop() {
        while (!stopped) {
            sample();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Long> tree() {
        List<Long> pids = new ArrayList<>();
        pids.add(root.pid());
        try {
            root.descendants().forEach(h -> pids.add(h.pid()));
        } catch (RuntimeException gone) {
            // the tree changed while we looked
        }
        return pids;
    }

    private void sample() {
        long rss = 0, threads = 0;
        boolean any = false;
        for (long pid : tree()) {
            long r = rss(pid);
            if (r < 0) continue;
            any = true;
            rss += r;
            String t = field(pid, "Threads");
            if (t != null) threads += Long.parseLong(t.trim());
        }
        if (!any) return;
        if (threads > peakThreads) peakThreads = threads;
        if (inBatch && rss > peak) peak = rss;
    }

    private volatile long idle = -1;

    private long treeRss() {
        long rss = 0;
        for (long pid : tree()) rss += Math.max(0, rss(pid));
        return rss;
    }

    /**
     * The idle program's RSS (it has said hello, no batch has run): the baseline of every batch's
     * figure, as in the JVM's forks. A runtime keeps what earlier batches made resident (Go's stack
     * pool, CPython's arenas), so growth from the batch's start would understate what tasks cost.
     */
    void markIdle() {
        idle = treeRss();
    }

    /** A measured batch starts: its peak is tracked from now. */
    void begin() {
        long rss = treeRss();
        base = idle >= 0 ? idle : rss;
        peak = rss;
        inBatch = true;
    }

    /** The batch ended: peak RSS during it minus the idle baseline, in bytes; -1 when unknown. */
    long end() {
        inBatch = false;
        if (base < 0) return -1;
        long grown = Math.max(0, peak - base);
        base = -1;
        return grown;
    }

    long peakThreads() {
        return peakThreads;
    }

    /**
     * Reads the CPUs the process may run on. At start the process may still be {@code setsid} or
     * {@code taskset} about to apply the affinity, so the runner reads it again once the runtime
     * has said hello.
     */
    void readAffinity() {
        String now = field(root.pid(), "Cpus_allowed_list");
        if (now != null) cpusAllowed = now;
    }

    String cpusAllowed() {
        return cpusAllowed;
    }

    void stop() {
        stopped = true;
        if (thread != null) thread.interrupt();
    }

    private static long rss(long pid) {
        try {
            String[] f = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).trim().split("\\s+");
            return Long.parseLong(f[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name + ":")) return line.substring(name.length() + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
