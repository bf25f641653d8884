package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The peer sampler reads only the peer's own tree, and still finds what a pool starts mid-batch
 * (multiprocessing, dask and Celery workers): a child that appears after sampling began joins the
 * sum within a tree refresh, and its memory is counted.
 */
class TreeSamplerTest {
    /** A child this big makes the tree's growth plain above the noise of a shell and an interpreter. */
    private static final int CHILD_BYTES = 60_000_000;

    @Test
    void aChildStartedAfterSamplingBeganIsFoundAndItsMemoryCounted() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc only");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 makes the child's memory");
        // sh waits 0.3 s, then starts python, which fills 60 MB (written, so resident) and holds it
        Process sh = new ProcessBuilder("sh", "-c", "sleep 0.3; /usr/bin/python3 -c \"import time; b = b'x' * "
                + CHILD_BYTES + "; print('ready', flush=True); time.sleep(8)\"; true").start();
        TreeSampler sampler = new TreeSampler(sh.toHandle());
        try {
            sampler.start();
            sampler.markIdle();
            sampler.begin();
            long[] before = sampler.tree();
            assertTrue(before.length <= 2, "only sh (and perhaps its sleep) so far: " + Arrays.toString(before));
            String ready = new String(sh.getInputStream().readNBytes(6));
            assertTrue(ready.startsWith("ready"), ready);
            Thread.sleep(3 * TreeSampler.TREE_PERIOD_MILLIS);
            long python = sh.toHandle().children().mapToLong(ProcessHandle::pid).max().orElseThrow();
            assertTrue(Arrays.stream(sampler.tree()).anyMatch(p -> p == python),
                    "python " + python + " joined the sampled tree " + Arrays.toString(sampler.tree()));
            long grown = sampler.end();
            assertTrue(grown >= CHILD_BYTES * 0.9, "the child's " + CHILD_BYTES + " bytes were counted, grew " + grown);
            assertTrue(grown < CHILD_BYTES * 3L, "and not many times over: " + grown);
            assertTrue(sampler.peakThreads() >= 2, "sh and python have a thread each: " + sampler.peakThreads());
        } finally {
            sampler.stop();
            sh.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            sh.destroyForcibly();
            sh.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * A spike that comes and goes between two reads of memory is still counted: the kernel keeps each
     * process's peak, which {@code begin} resets and {@code end} reads. A polling sampler would see
     * none of it.
     */
    @Test
    void aPeakThatIsGoneBeforeTheBatchEndsIsCounted() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc only");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 makes the spike");
        // python fills 60 MB (written, so resident) for a line on stdin, frees it, and says so
        Process py = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, time\n"
                + "print('idle', flush=True); sys.stdin.readline()\n"
                + "b = b'x' * " + CHILD_BYTES + "\ndel b\nprint('freed', flush=True); time.sleep(5)").start();
        TreeSampler sampler = new TreeSampler(py.toHandle());
        try {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(py.getInputStream()));
            org.junit.jupiter.api.Assertions.assertEquals("idle", in.readLine());
            sampler.start();
            assumeTrue(sampler.kernelPeaks(), "a kernel that resets peaks (/proc/PID/clear_refs, Linux 4.0+)");
            sampler.markIdle();
            // an earlier peak (the interpreter's start-up) must not count: begin resets it
            sampler.begin();
            py.getOutputStream().write('\n');
            py.getOutputStream().flush();
            org.junit.jupiter.api.Assertions.assertEquals("freed", in.readLine());
            long grown = sampler.end();
            assertTrue(grown >= CHILD_BYTES * 0.9, "the freed " + CHILD_BYTES + " bytes were counted, grew " + grown);
            assertTrue(grown < CHILD_BYTES * 2L, "once: " + grown);
            // a second batch with no spike: its peak starts from now, not from the first batch's
            sampler.begin();
            Thread.sleep(2 * TreeSampler.SHORT_BATCH_NANOS / 1_000_000); // long enough to be read
            long quiet = sampler.end();
            assertTrue(quiet < CHILD_BYTES / 10, "the first batch's peak was reset: " + quiet);
        } finally {
            sampler.stop();
            py.destroyForcibly();
            py.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * A program that exits the moment its last batch is done takes its kernel peak with it: by the time
     * {@code end} runs there is no {@code /proc/PID/status} to read. Go's peer does exactly that after its
     * single measured batch (the weight experiment), and its memory per task read as 7 B. The RSS read at
     * each tick during the batch keeps the peak.
     */
    @Test
    void aPeakIsKeptWhenTheProgramExitsBeforeTheBatchEndIsRead() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc only");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 holds the memory");
        Process py = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, time\n"
                + "print('idle', flush=True); sys.stdin.readline()\n"
                + "b = b'x' * " + CHILD_BYTES + "\ntime.sleep(0.6)\nprint('done', flush=True)\nimport os; os._exit(0)").start();
        TreeSampler sampler = new TreeSampler(py.toHandle());
        try {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(py.getInputStream()));
            org.junit.jupiter.api.Assertions.assertEquals("idle", in.readLine());
            sampler.start();
            sampler.markIdle();
            sampler.begin();
            py.getOutputStream().write('\n');
            py.getOutputStream().flush();
            org.junit.jupiter.api.Assertions.assertEquals("done", in.readLine());
            assertTrue(py.waitFor(5, TimeUnit.SECONDS), "it exited");
            assertTrue(Files.notExists(Path.of("/proc/" + py.pid() + "/status")), "and was reaped: no peak left to read");
            long grown = sampler.end();
            assertTrue(grown >= CHILD_BYTES * 0.9, "the " + CHILD_BYTES + " bytes held for 0.6 s were counted, grew " + grown);
        } finally {
            sampler.stop();
            py.destroyForcibly();
            py.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * A batch of a few µs (a round trip of one task) gets no memory or CPU figure, and the batch after it is
     * not read at its start: reading /proc costs concur more than such a batch takes. A batch after a long
     * one is read again.
     */
    @Test
    void batchesTooShortToReadGiveNoFigureAndCostNoReads() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc only");
        Process sh = new ProcessBuilder("sleep", "10").start();
        TreeSampler sampler = new TreeSampler(sh.toHandle());
        long longBatch = 2 * TreeSampler.SHORT_BATCH_NANOS / 1_000_000;
        try {
            sampler.start();
            sampler.markIdle();
            sampler.begin();
            Thread.sleep(longBatch);
            assertTrue(sampler.batchCpuTicks() >= 0, "a long batch has its CPU read");
            assertTrue(sampler.end() >= 0, "and its memory");
            sampler.begin();
            org.junit.jupiter.api.Assertions.assertEquals(-1, sampler.batchCpuTicks(), "a batch of µs: no CPU figure");
            org.junit.jupiter.api.Assertions.assertEquals(-1, sampler.end(), "and no memory figure");
            sampler.begin(); // after a short batch, its start is not read at all
            Thread.sleep(longBatch);
            org.junit.jupiter.api.Assertions.assertEquals(-1, sampler.batchCpuTicks(), "nothing read at its start: no CPU figure");
            org.junit.jupiter.api.Assertions.assertEquals(-1, sampler.end(), "nor memory");
            sampler.begin(); // after a long one it is read again
            Thread.sleep(longBatch);
            assertTrue(sampler.batchCpuTicks() >= 0);
            assertTrue(sampler.end() >= 0);
        } finally {
            sampler.stop();
            sh.destroyForcibly();
            sh.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theThreadCountIsField20EvenWhenTheCommandHoldsSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        // cutime cstime priority nice num_threads ...
        String line = "4242 (a b) (c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 6 0 0 20 0 37 0 12345 1000 200\n";
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.junit.jupiter.api.Assertions.assertEquals(37, TreeSampler.threadsField(b, b.length));
        byte[] cut = "4242 (x) S 1 2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.junit.jupiter.api.Assertions.assertEquals(0, TreeSampler.threadsField(cut, cut.length), "a short line counts nothing");
    }

    @Test
    void cpuTimeIsFields14To17EvenWhenTheCommandHoldsSpacesAndParentheses() {
        // utime 5, stime 6, cutime 7 (a waited-for child's), cstime 8
        String line = "4242 (a b) (c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 6 7 8 20 0 37 0 12345 1000 200\n";
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.junit.jupiter.api.Assertions.assertEquals(26, TreeSampler.cpuTicksField(b, b.length));
        byte[] cut = "4242 (x) S 1 2 3 4 5 6 7 8 9 10 11 12".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        org.junit.jupiter.api.Assertions.assertEquals(-1, TreeSampler.cpuTicksField(cut, cut.length), "a short line is unknown, not 0");
    }

    @Test
    void theThreadCountReadFromStatIsTheTaskDirectorysCount() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux /proc only");
        Process py = new ProcessBuilder("/usr/bin/python3", "-c", "import threading, time\n"
                + "[threading.Thread(target=time.sleep, args=(30,), daemon=True).start() for _ in range(7)]\n"
                + "print('started', flush=True); time.sleep(30)").start();
        TreeSampler sampler = new TreeSampler(py.toHandle());
        try {
            org.junit.jupiter.api.Assertions.assertEquals("started",
                    new java.io.BufferedReader(new java.io.InputStreamReader(py.getInputStream())).readLine());
            sampler.start();
            Thread.sleep(3 * TreeSampler.THREADS_PERIOD_MILLIS);
            long tasks;
            try (var dir = Files.list(Path.of("/proc/" + py.pid() + "/task"))) {
                tasks = dir.count();
            }
            org.junit.jupiter.api.Assertions.assertEquals(8, tasks, "python's main thread and 7 sleepers");
            org.junit.jupiter.api.Assertions.assertEquals(tasks, sampler.peakThreads());
        } finally {
            sampler.stop();
            py.destroyForcibly();
            py.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWalkFollowsGrandchildrenAndOnlyThem() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/task/" + ProcessHandle.current().pid() + "/children")),
                "a kernel with /proc/PID/task/TID/children");
        Process sh = new ProcessBuilder("sh", "-c", "sh -c 'sleep 5; true' & sleep 5; wait").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            long[] tree;
            do {
                Thread.sleep(20);
                tree = TreeSampler.walk(sh.pid());
            } while (tree.length < 4 && System.nanoTime() < deadline);
            long[] expected = java.util.stream.LongStream.concat(java.util.stream.LongStream.of(sh.pid()),
                    sh.toHandle().descendants().mapToLong(ProcessHandle::pid)).sorted().toArray();
            long[] got = tree.clone();
            Arrays.sort(got);
            assertTrue(Arrays.equals(expected, got), "walk " + Arrays.toString(got) + " = descendants " + Arrays.toString(expected));
            assertTrue(got.length == 4, "sh, its sleep, the inner sh and its sleep: " + Arrays.toString(got));
            assertTrue(Arrays.stream(got).noneMatch(p -> p == ProcessHandle.current().pid()), "never the parent");
        } finally {
            sh.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            sh.destroyForcibly();
            sh.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
