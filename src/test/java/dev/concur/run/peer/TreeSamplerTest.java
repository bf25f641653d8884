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
                + CHILD_BYTES + "; print('ready', flush=True); time.sleep(3)\"; true").start();
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
