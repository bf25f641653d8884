package dev.concur.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The emit workloads on the JVM: an event's value is its listeners' sum (what the Node peer computes), and the
 * async form runs the listeners inside the call (emit) or as a step queued on the loop (emit-deferred).
 */
class EmitWorkloadTest {

    /** A loop that runs nothing until told: what was queued, and when. */
    private static final class ManualLoop implements AsyncContext {
        final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable step) {
            queued.add(step);
        }

        @Override
        public CompletableFuture<Void> delay(long nanos) {
            throw new AssertionError("emit has no waits");
        }

        @Override
        public CompletableFuture<Void> yieldNow() {
            throw new AssertionError("emit does not yield");
        }

        void runAll() {
            for (Runnable r; (r = queued.poll()) != null; ) r.run();
        }
    }

    private static List<Task> tasks(String workload) throws Exception {
        return WorkloadRegistry.get(workload).open(new WorkloadParams(5, 0, 300)).tasks();
    }

    @Test
    void anEventIsTheSumOfItsListenersRounds() {
        long want = (CpuWork.kernel(CpuWork.seed(3), 300) + CpuWork.kernel(CpuWork.seed(3) + 1, 300)) & 0xFFFF_FFFFL;
        assertEquals(2, EmitWorkload.LISTENERS);
        assertEquals(want, EmitWorkload.value(3, 300));
        assertEquals(CpuWork.compute(3, 300), CpuWork.kernel(CpuWork.seed(3), 300), "seed is compute's starting point");
    }

    @Test
    void emitRunsTheListenersBeforeTheCallReturns() throws Exception {
        ManualLoop loop = new ManualLoop();
        for (Task t : tasks("emit")) {
            CompletableFuture<Long> f = t.callAsync(loop);
            assertTrue(f.isDone(), "emit: done when the call returns");
            assertEquals(EmitWorkload.value(t.index(), 300), f.get());
            assertEquals(EmitWorkload.value(t.index(), 300), t.call(null));
        }
        assertTrue(loop.queued.isEmpty(), "nothing left for the loop");
    }

    @Test
    void emitDeferredReturnsAtOnceAndTheLoopRunsTheListenersLater() throws Exception {
        ManualLoop loop = new ManualLoop();
        List<Task> tasks = tasks("emit-deferred");
        List<CompletableFuture<Long>> fs = tasks.stream().map(t -> t.callAsync(loop)).toList();
        for (CompletableFuture<Long> f : fs) assertFalse(f.isDone(), "deferred: every call returned before any listener ran");
        assertEquals(tasks.size(), loop.queued.size());
        loop.runAll();
        for (Task t : tasks) assertEquals(EmitWorkload.value(t.index(), 300), fs.get(t.index()).get());
    }
}
