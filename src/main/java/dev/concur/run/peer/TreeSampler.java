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
 * <p>It must also cost the machine almost nothing: it shares the cores the peer is measured on. So
 * the kernel keeps the peak, not a polling thread:
 * <ul>
 *   <li>at a batch's start, {@code 5} is written to each known process's {@code /proc/PID/clear_refs},
 *       which resets its peak RSS ({@code VmHWM}) to its RSS now; at the batch's end, each process's
 *       {@code VmHWM} is read from {@code /proc/PID/status}. The batch's peak is the sum of those
 *       peaks: exact for a single process (Go, Node.js, asyncio), at most the sum of each worker's own
 *       peak for a pool (its workers' peaks need not coincide). A spike shorter than any polling
 *       period is still counted. Nothing wakes up during the batch to read memory;</li>
 *   <li>every {@value #TREE_PERIOD_MILLIS} ms, the tree itself is found again from the peer down, through
 *       {@code /proc/PID/task/TID/children} of each of its threads (a child started mid-batch, a
 *       multiprocessing or dask worker, joins the sum from then on, and its peak covers its whole
 *       life, all inside the batch), and the threads are counted from {@code /proc/PID/task}. That walk
 *       reads a file per thread (a 200-thread Python pool: 200 reads), so it runs rarely;</li>
 *   <li>every {@value #THREADS_PERIOD_MILLIS} ms, the known processes' threads are counted from one
 *       read each of {@code /proc/PID/stat}, kept open and read again at offset 0, and during a batch their
 *       RSS from {@code statm} the same way: a floor under the kernel's peak, because a program that exits
 *       right after its last batch line (Go does, at once) takes its {@code VmHWM} with it before the
 *       batch's end can be read. The batch's peak is the larger of the two.</li>
 * </ul>
 * Where the kernel cannot reset a peak (before Linux 4.0, or {@code clear_refs} not writable), it
 * falls back to reading each process's {@code statm} every {@value #RSS_PERIOD_MILLIS} ms during a
 * batch, from a file kept open: on a virtual machine a timed wake-up alone costs a thread about
 * 75 µs of CPU, so that fallback costs about 1-1.7 % of a core, and can miss a spike shorter than
 * its period. Never {@link ProcessHandle#descendants()} every few ms: it reads the parent of every
 * process on the machine, and cost concur 19-30 % of a core. Where the kernel has no {@code children}
 * files, the tree is found that way, but only every {@value #TREE_PERIOD_MILLIS} ms. A child that lives
 * less than {@value #TREE_PERIOD_MILLIS} ms may be missed.
 */
final class TreeSampler {
    static final long RSS_PERIOD_MILLIS = 10;
    static final long TREE_PERIOD_MILLIS = 1000;
    static final long THREADS_PERIOD_MILLIS = 100;
    private static final int STATM_BYTES = 1024;                // a statm line (7 numbers) and a stat line (52) are well under this
    private static final long PAGE = 4096;
    private static final Path PROC = Path.of("/proc");
    private final ProcessHandle root;
    private final boolean childrenFiles;
    /** Whether the kernel keeps and resets each process's peak RSS: then nothing polls during a batch. */
    private volatile boolean kernelPeaks;
    private volatile boolean stopped;
    private volatile boolean inBatch;
    private volatile long base = -1;
    private volatile long peak = -1;
    private volatile long peakThreads;
    private volatile String cpusAllowed;
    private volatile long[] tree;
    /** The tree's CPU ticks at the measured batch's start ({@link #begin}); -1 when unknown. */
    private volatile long cpuBegin = -1;
    /**
     * A batch shorter than this gives no memory or CPU figure, and after one, the next batch's start is not
     * sampled either: reading a dozen {@code /proc} files costs concur tens of µs, more than a batch of a few µs
     * (a round trip of one task) takes, and a peak or a 10 ms CPU tick over a batch that short means nothing.
     */
    static final long SHORT_BATCH_NANOS = 2_000_000;
    private long batchStart = -1;
    private long lastBatchNanos = -1;
    private boolean sampling;
    /** An open {@code statm} per known process, read again from offset 0 at each sample: one pread, no path lookup. */
    private final Map<Long, FileChannel> statm = new HashMap<>();
    /** An open {@code stat} per known process, for its thread count (field 20). */
    private final Map<Long, FileChannel> stat = new HashMap<>();
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
        kernelPeaks = resetPeak(root.pid()) && peakOf(root.pid()) > 0;
        thread = Thread.ofPlatform().daemon(true).name("concur-peer-sampler").start(this::loop);
    }

    /**
     * Finds the tree again every {@value #TREE_PERIOD_MILLIS} ms and counts its threads every
     * {@value #THREADS_PERIOD_MILLIS} ms (one read of each known process's {@code stat}); where the
     * kernel keeps no peaks, also reads the RSS every {@value #RSS_PERIOD_MILLIS} ms while a measured
     * batch runs. {@link #begin} wakes it at once.
     */
    private void loop() {
        long nextTree = System.nanoTime() + TREE_PERIOD_MILLIS * 1_000_000;
        long nextThreads = System.nanoTime() + THREADS_PERIOD_MILLIS * 1_000_000;
        while (!stopped) {
            long now = System.nanoTime();
            boolean tick = false;
            if (now - nextTree >= 0) {
                refreshTree();
                nextTree = now + TREE_PERIOD_MILLIS * 1_000_000;
                nextThreads = now + THREADS_PERIOD_MILLIS * 1_000_000;
                tick = true;
            } else if (now - nextThreads >= 0) {
                countThreads();
                nextThreads = now + THREADS_PERIOD_MILLIS * 1_000_000;
                tick = true;
            }
            // a floor under the kernel's peak: a program that exits right after its last batch line takes its
            // VmHWM with it before end() can read it (Go does, at once), so the RSS is also read at each tick
            if (tick && inBatch && kernelPeaks) sampleRss();
            boolean polling = inBatch && !kernelPeaks;
            if (polling) sampleRss();
            long next = Math.min(nextTree, nextThreads) - System.nanoTime();
            long nap = polling ? Math.min(RSS_PERIOD_MILLIS * 1_000_000, next) : next;
            LockSupport.parkNanos(this, Math.max(0, nap));
            if (Thread.interrupted()) return;
        }
    }

    /** Finds the tree again, opens {@code statm} and {@code stat} of the processes new to it, and counts its threads. */
    private synchronized void refreshTree() {
        long[] counted = new long[1];
        long[] pids = childrenFiles ? walk(root.pid(), counted) : descendants();
        long threads = counted[0];
        Set<Long> now = new HashSet<>();
        for (long pid : pids) {
            if (!childrenFiles) threads += threads(pid);
            now.add(pid);
            open(statm, pid, "/statm");
            open(stat, pid, "/stat");
        }
        for (Map<Long, FileChannel> files : List.of(statm, stat)) {
            files.entrySet().removeIf(e -> {
                if (now.contains(e.getKey())) return false;
                close(e.getValue());
                return true;
            });
        }
        if (threads > peakThreads) peakThreads = threads;
        tree = pids;
    }

    private static void open(Map<Long, FileChannel> files, long pid, String name) {
        if (files.containsKey(pid)) return;
        try {
            files.put(pid, FileChannel.open(PROC.resolve(pid + name)));
        } catch (IOException | RuntimeException gone) {
            // exited since the walk
        }
    }

    /** The threads of the processes known to be in the tree now: field 20 of each one's {@code stat}. */
    private synchronized void countThreads() {
        long threads = Math.max(0, sumOf(stat, TreeSampler::threadsField));
        if (threads > peakThreads) peakThreads = threads;
    }

    /** How a number is read from one {@code /proc} file's bytes: -1 when it is not there. */
    private interface Field {
        long parse(byte[] b, int n);
    }

    /**
     * Each open file read again from offset 0 into the one buffer (a pread: no path lookup, nothing allocated) and
     * parsed; the sum of what could be read, or -1 when nothing could. A process that exited reads nothing: the next
     * refresh drops it.
     */
    private long sumOf(Map<Long, FileChannel> files, Field field) {
        long sum = 0;
        boolean any = false;
        for (FileChannel c : files.values()) {
            try {
                buffer.clear();
                int n = c.read(buffer, 0);
                long v = n > 0 ? field.parse(buffer.array(), n) : -1;
                if (v >= 0) {
                    sum += v;
                    any = true;
                }
            } catch (IOException | RuntimeException gone) {
                // exited since the last refresh
            }
        }
        return any ? sum : -1;
    }

    /**
     * CPU time of the processes known to be in the tree now, in clock ticks: fields 14-17 of each one's
     * {@code stat} (utime, stime, and cutime, cstime: what its children that it has waited for used, so that a
     * worker which exits during a batch still counts, through its parent). -1 when none could be read.
     */
    synchronized long cpuTicks() {
        return sumOf(stat, TreeSampler::cpuTicksField); // an exited worker's share reaches its parent's cutime once waited for
    }

    /** Fields 14-17 (utime, stime, cutime, cstime) of a {@code /proc/PID/stat} line, summed; -1 when not there. */
    static long cpuTicksField(byte[] b, int n) {
        long sum = 0;
        for (int f = 14; f <= 17; f++) {
            long v = numberField(b, n, f);
            if (v < 0) return -1;
            sum += v;
        }
        return sum;
    }

    /** The CPU ticks the tree used since {@link #begin}; -1 when unknown. Call before {@link #end}. */
    long batchCpuTicks() {
        if (!sampling || batchStart < 0 || System.nanoTime() - batchStart < SHORT_BATCH_NANOS) return -1;
        long now = cpuTicks();
        long then = cpuBegin;
        return now < 0 || then < 0 || now < then ? -1 : now - then;
    }

    /** Ticks per second of {@code /proc/PID/stat}'s CPU fields ({@code getconf CLK_TCK}): 100 on every Linux concur runs on. */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Field {@code want} (3 or more) of a {@code /proc/PID/stat} line; -1 when not a number or missing. */
    static long numberField(byte[] b, int n, int want) {
        int close = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (b[i] == ')') {
                close = i;
                break;
            }
        }
        if (close < 0) return -1;
        int field = 2;
        long v = 0;
        boolean in = false;
        for (int i = close + 1; i < n; i++) {
            if (b[i] == ' ' || b[i] == '\n') {
                if (in && field == want) return v;
                in = false;
                continue;
            }
            if (!in) {
                in = true;
                field++;
                v = 0;
            }
            if (field == want) {
                if (b[i] < '0' || b[i] > '9') return -1;
                v = v * 10 + (b[i] - '0');
            }
        }
        return field == want && in ? v : -1;
    }

    /**
     * Field 20 ({@code num_threads}) of a {@code /proc/PID/stat} line, parsed from its bytes: the fields
     * after the command's closing parenthesis (the command may hold spaces and parentheses) start at 3.
     */
    static long threadsField(byte[] b, int n) {
        return Math.max(0, numberField(b, n, 20));
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
        return Math.max(0, sumOf(statm, TreeSampler::residentPages)) * PAGE;
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
     * A measured batch starts: its peak is tracked from now (each known process's kernel peak is reset).
     * The tree is the one last found (at most {@value #TREE_PERIOD_MILLIS} ms old), not found again:
     * batches can be a few ms apart.
     */
    void begin() {
        batchStart = System.nanoTime();
        sampling = lastBatchNanos < 0 || lastBatchNanos >= SHORT_BATCH_NANOS;
        if (!sampling) return; // the batch before was too short to be worth reading: this one likely is too
        cpuBegin = cpuTicks();
        long rss = knownRss();
        base = idle >= 0 ? idle : rss;
        peak = rss;
        if (kernelPeaks) {
            for (long pid : tree) resetPeak(pid);
        }
        inBatch = true;
        if (thread != null && !kernelPeaks) LockSupport.unpark(thread);
    }

    /** The batch ended: peak RSS during it minus the idle baseline, in bytes; -1 when unknown. */
    long end() {
        lastBatchNanos = batchStart < 0 ? -1 : System.nanoTime() - batchStart;
        batchStart = -1;
        if (!sampling || lastBatchNanos < SHORT_BATCH_NANOS) {
            inBatch = false;
            cpuBegin = -1;
            base = -1;
            return -1; // too short for a figure (SHORT_BATCH_NANOS)
        }
        if (kernelPeaks) {
            long sum = 0;
            for (long pid : tree) sum += Math.max(0, peakOf(pid));
            if (sum > peak) peak = sum;
        } else {
            sampleRss(); // a batch shorter than the period is still read at both ends
        }
        inBatch = false;
        cpuBegin = -1; // a batch line without its begin line is not attributed
        if (base < 0) return -1;
        long grown = Math.max(0, peak - base);
        base = -1;
        return grown;
    }

    /** Whether the kernel keeps this sampler's peaks (for tests and the methodology note). */
    boolean kernelPeaks() {
        return kernelPeaks;
    }

    /** Resets a process's peak RSS to its RSS now ({@code echo 5 > /proc/PID/clear_refs}); false where it cannot. */
    private static boolean resetPeak(long pid) {
        try (var out = new java.io.FileOutputStream("/proc/" + pid + "/clear_refs")) {
            out.write('5');
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A process's peak RSS since its last reset ({@code VmHWM}), in bytes; -1 when gone or not kept. */
    private static long peakOf(long pid) {
        String status = readSmall("/proc/" + pid + "/status");
        if (status == null) return -1;
        int at = status.indexOf("VmHWM:");
        if (at < 0) return -1;
        long kb = 0;
        boolean digits = false;
        for (int i = at + 6; i < status.length(); i++) {
            char c = status.charAt(i);
            if (c >= '0' && c <= '9') {
                kb = kb * 10 + (c - '0');
                digits = true;
            } else if (digits) {
                break;
            }
        }
        return digits ? kb * 1024 : -1;
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
            stat.values().forEach(TreeSampler::close);
            stat.clear();
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
