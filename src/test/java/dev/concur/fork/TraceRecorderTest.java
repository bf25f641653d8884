package dev.concur.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.model.ConcurrencyModel;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.result.Timeline;
import dev.concur.workload.Batch;
import dev.concur.workload.Reference;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --trace records what the models really do: one after another, side by side, interleaved on one thread. */
class TraceRecorderTest {

    private static Timeline trace(String model, String workload, WorkloadParams p) throws Exception {
        var prepared = WorkloadRegistry.get(workload).open(p);
        Reference ref = Reference.of(prepared.tasks());
        ConcurrencyModel m = ModelRegistry.create(model);
        m.open(new ModelSettings(8, 2));
        try (prepared) {
            TraceRecorder rec = new TraceRecorder();
            var traced = rec.wrap(prepared.tasks());
            Batch b = new Batch(traced.size());
            m.run(traced, b);
            Timeline t = rec.timeline(ref.matches(b));
            assertTrue(t.valid(), "the traced batch is validated like any other");
            assertEquals(p.tasks(), t.timeline().size());
            for (var task : t.timeline()) {
                assertTrue(task.start() >= 0 && task.end() >= task.start(), "task " + task.task());
                for (var s : task.segments()) assertTrue(s.start() <= s.end() && s.start() >= task.start() && s.end() <= task.end());
            }
            return t;
        } finally {
            m.close();
        }
    }

    private static Set<String> runThreads(Timeline t) {
        Set<String> out = new HashSet<>();
        for (var task : t.timeline()) {
            for (var s : task.segments()) if (s.kind().equals(Timeline.RUN)) out.add(s.carrier() != null ? s.carrier() : s.thread());
        }
        return out;
    }

    private static List<long[]> runs(Timeline t) {
        return t.timeline().stream().flatMap(task -> task.segments().stream()).filter(s -> s.kind().equals(Timeline.RUN))
                .map(s -> new long[] {s.start(), s.end()}).toList();
    }

    private static int maxOverlap(List<long[]> intervals) {
        int max = 0;
        for (long[] a : intervals) {
            int n = 0;
            for (long[] b : intervals) if (b[0] < a[1] && a[0] < b[1]) n++;
            max = Math.max(max, n);
        }
        return max;
    }

    @Test
    void sequentialRunsOneTaskAfterAnotherAndWaitsAreSegments() throws Exception {
        Timeline t = trace("sequential", "io", new WorkloadParams(4, 5_000_000, 0));
        assertEquals(1, runThreads(t).size());
        for (int i = 1; i < t.timeline().size(); i++) {
            assertTrue(t.timeline().get(i).start() >= t.timeline().get(i - 1).end(), "task " + i + " starts after " + (i - 1) + " ends");
        }
        var first = t.timeline().get(0);
        assertEquals(List.of(Timeline.RUN, Timeline.WAIT, Timeline.RUN), first.segments().stream().map(Timeline.Segment::kind).toList());
        var wait = first.segments().get(1);
        assertTrue(wait.end() - wait.start() >= 4_000, "the 5 ms sleep is a wait segment: " + wait);
    }

    @Test
    void theEventLoopInterleavesTasksOnOneThread() throws Exception {
        Timeline t = trace("eventloop", "io", new WorkloadParams(8, 20_000_000, 0));
        assertEquals(Set.of("concur-eventloop"), runThreads(t));
        assertEquals(1, maxOverlap(runs(t)), "one step runs at a time");
        long overlapping = t.timeline().stream().filter(a -> a.start() < t.timeline().get(0).end()).count();
        assertEquals(8, overlapping, "every task started before the first finished: interleaved");
    }

    @Test
    void virtualThreadsRecordTheirCarrier() throws Exception {
        Timeline t = trace("virtual", "cpu", new WorkloadParams(8, 0, 200_000));
        for (var task : t.timeline()) {
            for (var s : task.segments()) {
                assertTrue(s.thread().startsWith("concur-virtual-"), s.thread());
                assertNotNull(s.carrier(), "a virtual thread's carrier");
            }
        }
        assertTrue(runThreads(t).size() <= 2, "carriers = cores: " + runThreads(t));
    }
}
