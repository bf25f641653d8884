package dev.concur.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checksum catches lost, duplicated and wrong work, in any completion order. */
class BatchValidationTest {
    private final List<Task> tasks = open(WorkloadRegistry.get("cpu"), new WorkloadParams(100, 0, 50));

    private Reference reference() throws Exception {
        return Reference.of(tasks);
    }

    private Batch complete(List<Task> order) throws Exception {
        Batch b = new Batch(tasks.size());
        for (Task t : order) b.complete(t.index(), t.call(BlockingContext.ELIDED));
        return b;
    }

    @Test
    void anyOrderMatches() throws Exception {
        List<Task> reversed = new java.util.ArrayList<>(tasks);
        java.util.Collections.reverse(reversed);
        assertTrue(reference().matches(complete(reversed)));
    }

    @Test
    void lostTaskIsCaught() throws Exception {
        assertFalse(reference().matches(complete(tasks.subList(0, 99))));
    }

    @Test
    void duplicatedTaskIsCaught() throws Exception {
        Batch b = complete(tasks);
        b.complete(5, tasks.get(5).call(BlockingContext.ELIDED));
        assertEquals(101, b.completed());
        assertFalse(reference().matches(b));
    }

    @Test
    void lostPlusDuplicateKeepsCountButNotChecksum() throws Exception {
        Batch b = complete(tasks.subList(0, 99));
        b.complete(0, tasks.get(0).call(BlockingContext.ELIDED)); // 100 completions, task 99 missing
        assertEquals(100, b.completed());
        assertFalse(reference().matches(b));
    }

    @Test
    void wrongValueIsCaught() throws Exception {
        Batch b = new Batch(tasks.size());
        for (Task t : tasks) b.complete(t.index(), t.call(BlockingContext.ELIDED) + (t.index() == 42 ? 1 : 0));
        assertFalse(reference().matches(b));
    }

    @Test
    void valueDoesNotDependOnLatency() throws Exception {
        var io = WorkloadRegistry.get("io");
        long a = Reference.of(open(io, new WorkloadParams(50, 1_000_000, 0))).checksum();
        long b = Reference.of(open(io, new WorkloadParams(50, 2_000_000_000L, 0))).checksum();
        assertEquals(a, b);
    }

    @Test
    void workChangesTheValue() {
        assertNotEquals(CpuWork.compute(3, 10), CpuWork.compute(3, 11));
        assertEquals(CpuWork.compute(3, 10), CpuWork.compute(3, 10));
    }

    @Test
    void failureIsRethrown() {
        Batch b = new Batch(1);
        b.fail(0, new IllegalStateException("boom"));
        var e = assertThrows(Batch.TaskFailedException.class, b::throwIfFailed);
        assertTrue(e.getMessage().contains("boom"));
    }

    private static List<Task> open(dev.concur.workload.Workload w, WorkloadParams p) {
        try {
            return w.open(p).tasks();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
