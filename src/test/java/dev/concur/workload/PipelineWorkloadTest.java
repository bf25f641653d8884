package dev.concur.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.model.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pipeline's delivery check: exactly once, in order; a dropped or duplicated item fails. */
class PipelineWorkloadTest {

    private static List<Long> run(List<Task> parts) throws Exception {
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<Long>> fs = new ArrayList<>();
            for (Task t : parts) fs.add(ex.submit(() -> t.call(BlockingContext.PLAIN)));
            // the consumer first: when it rejects the stream, the others stay blocked on full channels
            Long[] out = new Long[fs.size()];
            for (int i = fs.size() - 1; i >= 0; i--) out[i] = fs.get(i).get(30, TimeUnit.SECONDS);
            return List.of(out);
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void everyItemArrivesOnceInOrder() throws Exception {
        var p = new PipelineWorkload().open(new WorkloadParams(1000, 0, 10));
        Reference ref = Reference.of(p.tasks());
        p.beforeBatch().run();
        List<Long> values = run(p.tasks());
        Batch b = new Batch(p.tasks().size());
        for (int i = 0; i < values.size(); i++) b.complete(i, values.get(i));
        assertTrue(ref.matches(b), "the consumer's checksum equals the reference's");
        assertEquals(1000L, values.get(0), "the producer sent 1000 items");
    }

    /** A stage that loses item 7, as a buggy channel or a dropped message would. */
    record DroppingStage(PipelineWorkload.Stage inner, long drop) implements Task {
        @Override
        public int index() {
            return inner.index();
        }

        @Override
        public long call(BlockingContext ctx) throws Exception {
            var in = inner.ch().get().queues.get(index() - 1);
            var out = inner.ch().get().queues.get(index());
            while (true) {
                long x = in.take();
                if (x == Long.MIN_VALUE) {
                    out.put(x);
                    return -1;
                }
                if (PipelineWorkload.item(x) == drop) continue; // lost
                out.put(PipelineWorkload.pack(PipelineWorkload.item(x),
                        PipelineWorkload.stage(index(), PipelineWorkload.value(x), 0)));
            }
        }

        @Override
        public CompletableFuture<Long> callAsync(dev.concur.workload.AsyncContext loop) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aDroppedItemIsCaught() throws Exception {
        var p = new PipelineWorkload().open(new WorkloadParams(100, 0, 0));
        p.beforeBatch().run();
        List<Task> parts = new ArrayList<>(p.tasks());
        parts.set(2, new DroppingStage((PipelineWorkload.Stage) parts.get(2), 7));
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> run(parts));
        assertTrue(e.getCause().getMessage().contains("arrival 7 is item 8 (item 7 was lost or reordered)"), e.getCause().getMessage());
    }

    @Test
    void aDuplicatedItemIsCaught() {
        var c = new PipelineWorkload.Consumer(4, 10, 0, null);
        long three = PipelineWorkload.pack(3, c.expectedValue(3));
        var e = assertThrows(IllegalStateException.class, () -> c.verify(three, 4, 0));
        assertTrue(e.getMessage().contains("arrival 4 is item 3 again"), e.getMessage());
    }

    @Test
    void anItemWhoseWorkWasSkippedIsCaught() {
        var c = new PipelineWorkload.Consumer(4, 10, 50, null);
        long skipped = PipelineWorkload.pack(2, PipelineWorkload.stage(3, PipelineWorkload.stage(2, 2, 50), 50));
        var e = assertThrows(IllegalStateException.class, () -> c.verify(skipped, 2, 0));
        assertTrue(e.getMessage().contains("item 2 arrived with value"), e.getMessage());
    }
}
