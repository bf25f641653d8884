package dev.concur.run.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples a peer's own process tree from {@code /proc}: resident memory (the sum of every process's
 * RSS: multiprocessing, joblib, dask and Celery work in child processes) and OS threads. Between
 * {@link #begin} and {@link #end} it keeps the peak RSS, so {@link #end} returns how much the tree
 * grew during one measured batch: the same measure concur takes inside JVM forks
 * (docs/methodology.md), taken from outside so that it costs the peer nothing.
 *
 * <p>It must also cost the machine almost nothing: it shares the cores the peer is measured on.
 * Two rates, so that the expensive part runs rarely:
 * <ul>
 *   <li>while a measured batch runs, every {@value #RSS_PERIOD_MILLIS} ms (and at the batch's start
 *       and end), one small read of {@code /proc/PID/statm} per process already known to be in the
 *       tree, from a file kept open and read again at offset 0: one system call, no path lookup,
 *       nothing allocated;</li>
 *   <li>every {@value #TREE_PERIOD_MILLIS} ms, the tree itself is found again from the peer down, through
 *       {@code /proc/PID/task/TID/children} of each of its threads (a child started mid-batch, a
 *       multiprocessing or dask worker, joins the sum from then on), and the threads are counted
 *       from {@code /proc/PID/task}.</li>
 * </ul>
 * Never {@link ProcessHandle#descendants()} every 5 ms: it reads the parent of every process on the
 * machine, and cost concur 19–30 % of a core. Where the kernel has no {@code children} files, the
 * tree is found that way, but only every {@value #TREE_PERIOD_MILLIS} ms. A child that lives less than
 * {@value #TREE_PERIOD_MILLIS} ms may be missed. Why {@value #RSS_PERIOD_MILLIS} ms and not 5: on a
 * virtual machine a timed wake-up alone costs a thread about 75 µs of CPU (measured on the 2-core
 * machine this was written on), so 200 wake-ups a second are 1.5 % of a core before anything is
 * read; a batch's peak (tasks alive, waiting) lasts far longer than 10 ms. Measured there with a
 * 22 s Go peer: this thread 1-1.7 % of a core, against 18-20 % for the sampler it replaced.
 */
final class TreeSampler {
    static final long RSS_PERIOD_MILLIS = 10;
    static final long TREE_PERIOD_MILLIS = 100;
    private static final int STATM_BYTES = 256;                 // 7 numbers: a statm line is well under this
    private static final long PAGE = 4096;
    private static final Path PROC = Path.of("/proc");
    private final ProcessHandle root;
    private final boolean childrenFiles;
    private volatile boolean stopped;
    private volatile boolean inBatch;
    private volatile long base = -1;
    private volatile long peak = -1;
    private volatile long peakThreads;
    private volatile String cpusAllowed;
    private volatile long[] tree;
    /** An open {@code statm} per known process, read again from offset 0 at each sample: one pread, no path lookup. */
    private final Map<Long, FileChannel> statm = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(STATM_BYTES);
    private Thread thread;

    TreeSampler(ProcessHandle root) {
        this.root = root;
        this.childrenFiles = Files.isReadable(PROC.resolve(root.pid() + "/task/" + root.pid() + "/children"));
        this.tree = new long[] {root.pid()};
    }

    void start() {
        cpusAllowed = field(root.pid(), "Cpus_allowed_list");
        refreshTree();
        thread = Thread.ofPlatform().daemon(true).name("concur-peer-sampler").start(this::loop);
    }

    /**
     * Reads the RSS every {@value #RSS_PERIOD_MILLIS} ms while a measured batch runs, and only finds
     * the tree again (every {@value #TREE_PERIOD_MILLIS} ms) between batches: outside a batch no peak
     * is kept, so there is nothing to read. {@link #begin} wakes it at once.
     */
    private void loop() {
        long nextTree = System.nanoTime() + TREE_PERIOD_MILLIS * 1_000_000;
        while (!stopped) {
            long now = System.nanoTime();
            if (now - nextTree >= 0) {
                refreshTree();
                nextTree = now + TREE_PERIOD_MILLIS * 1_000_000;
            }
            if (inBatch) sampleRss();
            long nap = inBatch ? RSS_PERIOD_MILLIS * 1_000_000 : Math.max(0, nextTree - System.nanoTime());
            LockSupport.parkNanos(this, nap);
            if (Thread.interrupted()) return;
        }
    }

    /** Finds the tree again, opens {@code statm} of the processes new to it, and counts its threads. */
    private synchronized void refreshTree() {
        long[] counted = new long[1];
        long[] pids = childrenFiles ? walk(root.pid(), counted) : descendants();
        long threads = counted[0];
        Set<Long> now = new HashSet<>();
        for (long pid : pids) {
            if (!childrenFiles) threads += threads(pid);
            now.add(pid);
            if (!statm.containsKey(pid)) {
                try {
                    statm.put(pid, FileChannel.open(PROC.resolve(pid + "/statm")));
                } catch (IOException | RuntimeException gone) {
                    // exited since the walk
                }
            }
        }
        statm.entrySet().removeIf(e -> {
            if (now.contains(e.getKey())) return false;
            close(e.getValue());
            return true;
        });
        if (threads > peakThreads) peakThreads = threads;
        tree = pids;
    }

    private static void close(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }

    /** The peer and its descendants, from the {@code children} file of each of their threads. */
    static long[] walk(long rootPid) {
        return walk(rootPid, new long[1]);
    }

    /**
     * The peer and its descendants, from the {@code children} file of each of their threads;
     * {@code threads[0]} gets the number of threads seen on the way.
     */
    static long[] walk(long rootPid, long[] threads) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(rootPid);
        while (!todo.isEmpty()) {
            long pid = todo.poll();
            if (!seen.add(pid)) continue;
            String dir = "/proc/" + pid + "/task/";
            String[] tasks = new java.io.File(dir).list();
            if (tasks == null) continue; // exited while we looked
            threads[0] += tasks.length;
            for (String tid : tasks) {
                String kids = readSmall(dir + tid + "/children");
                if (kids == null || kids.isEmpty()) continue;
                for (String k : kids.trim().split(" ")) if (!k.isEmpty()) todo.add(Long.parseLong(k));
            }
        }
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    /** A small /proc file's text, read in one go; {@code null} when it is gone. */
    private static String readSmall(String path) {
        try (java.io.FileInputStream in = new java.io.FileInputStream(path)) {
            byte[] b = in.readNBytes(4096);
            return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private long[] descendants() {
        List<Long> pids = new ArrayList<>();
        pids.add(root.pid());
        try {
            root.descendants().forEach(h -> pids.add(h.pid()));
        } catch (RuntimeException gone) {
            // the tree changed while we looked
        }
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The pids the sampler reads now (for tests). */
    long[] tree() {
        return tree.clone();
    }

    private void sampleRss() {
        long rss = knownRss();
        if (rss > 0 && inBatch && rss > peak) peak = rss;
    }

    private volatile long idle = -1;

    /** The RSS of the processes known to be in the tree now (0 for one that has exited). */
    private synchronized long knownRss() {
        long rss = 0;
        for (FileChannel c : statm.values()) {
            try {
                buffer.clear();
                int n = c.read(buffer, 0);
                if (n > 0) rss += residentPages(buffer.array(), n) * PAGE;
            } catch (IOException | RuntimeException gone) {
                // exited: the next refresh drops it
            }
        }
        return rss;
    }

    /** The second number of a statm line (resident pages), parsed from its bytes without a String. */
    static long residentPages(byte[] b, int n) {
        int i = 0;
        while (i < n && b[i] != ' ') i++;
        long v = 0;
        for (i++; i < n && b[i] >= '0' && b[i] <= '9'; i++) v = v * 10 + (b[i] - '0');
        return v;
    }

    /**
     * The idle program's RSS (it has said hello, no batch has run): the baseline of every batch's
     * figure, as in the JVM's forks. A runtime keeps what earlier batches made resident (Go's stack
     * pool, CPython's arenas), so growth from the batch's start would understate what tasks cost.
     */
    void markIdle() {
        refreshTree();
        idle = knownRss();
    }

    /**
     * A measured batch starts: its peak is tracked from now. The tree is the one last found (at most
     * {@value #TREE_PERIOD_MILLIS} ms old), not found again: batches can be a few ms apart.
     */
    void begin() {
        long rss = knownRss();
        base = idle >= 0 ? idle : rss;
        peak = rss;
        inBatch = true;
        if (thread != null) LockSupport.unpark(thread);
    }

    /** The batch ended: peak RSS during it minus the idle baseline, in bytes; -1 when unknown. */
    long end() {
        sampleRss(); // a batch shorter than the period is still read at both ends
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
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            statm.values().forEach(TreeSampler::close);
            statm.clear();
        }
    }

    /** A process's thread count: the entries of {@code /proc/PID/task}; 0 when it is gone. */
    private static long threads(long pid) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
            long n = 0;
            for (Path ignored : tasks) n++;
            return n;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
                if (line.startsWith(name + ":")) return line.substring(name.length() + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
