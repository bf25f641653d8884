package dev.concur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.workload.AsyncContext;
import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Reference;
import dev.concur.workload.Task;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reactive model is what its name says: waits are timers, every step runs on its scheduler, in-flight work is bounded. */
class ReactiveModelTest {

    /** A task that records where its steps ran and how many tasks were in flight at once. */
    record Probe(int index, Set<String> threads, AtomicInteger inFlight, AtomicInteger peak) implements Task {
        @Override
        public long call(BlockingContext blocking) {
            return index;
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext ctx) {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            threads.add(Thread.currentThread().getName());
            return ctx.delay(20_000_000L).thenApplyAsync(v -> {
                threads.add(Thread.currentThread().getName());
                inFlight.decrementAndGet();
                return (long) index;
            }, ctx);
        }
    }

    @Test
    void everyStepRunsOnTheSchedulerAndWaitsOverlap() throws Exception {
        ReactiveModel m = new ReactiveModel();
        m.open(new ModelSettings(1, 2));
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < 500; i++) tasks.add(new Probe(i, threads, inFlight, peak));
            Reference ref = Reference.of(tasks);
            Batch b = new Batch(tasks.size());
            long t0 = System.nanoTime();
            m.run(tasks, b);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ref.matches(b));
            assertTrue(threads.stream().allMatch(n -> n.startsWith("concur-reactive-")), "only scheduler threads: " + threads);
            assertTrue(threads.size() <= 2, "one thread per core: " + threads);
            assertTrue(peak.get() > 100, "the waits overlap (timers, not threads): peak in flight " + peak.get());
            assertTrue(ms < 5_000, "500 waits of 20 ms overlapped, not one after another: " + ms + " ms");
        } finally {
            m.close();
        }
    }

    @Test
    void inFlightIsBoundedByFlatMapsConcurrency() throws Exception {
        ReactiveModel m = new ReactiveModel();
        m.open(new ModelSettings(1, 2));
        try {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            List<Task> tasks = new ArrayList<>();
            int n = ReactiveModel.MAX_IN_FLIGHT + 2_000;
            for (int i = 0; i < n; i++) tasks.add(new Probe(i, ConcurrentHashMap.newKeySet(), inFlight, peak));
            Batch b = new Batch(n);
            m.run(tasks, b);
            assertEquals(n, b.completed());
            assertTrue(peak.get() <= ReactiveModel.MAX_IN_FLIGHT, "back-pressure holds the bound: " + peak.get());
            assertEquals(ReactiveModel.MAX_IN_FLIGHT, m.caps(new ModelSettings(1, 2), n).waiting());
        } finally {
            m.close();
        }
    }

    @Test
    void thePipelineRunsAsOperatorsWithTheSameChecksum() throws Exception {
        var prepared = WorkloadRegistry.get("pipeline").open(new WorkloadParams(3_000, 0, 50));
        Reference ref = Reference.of(prepared.tasks());
        ReactiveModel m = new ReactiveModel();
        m.open(new ModelSettings(1, 2));
        try (prepared) {
            for (int i = 0; i < 3; i++) {
                prepared.beforeBatch().run();
                Batch b = new Batch(prepared.tasks().size());
                m.run(prepared.tasks(), b);
                assertTrue(ref.matches(b), "batch " + i + ": " + b.completed() + " parts, checksum " + b.checksum());
            }
        } finally {
            m.close();
        }
    }

    @Test
    void aFailingTaskFailsTheBatch() throws Exception {
        Task bad = new Task() {
            @Override
            public int index() {
                return 0;
            }

            @Override
            public long call(BlockingContext blocking) {
                throw new IllegalStateException("boom");
            }

            @Override
            public CompletableFuture<Long> callAsync(AsyncContext loop) {
                return CompletableFuture.failedFuture(new IllegalStateException("boom"));
            }
        };
        ReactiveModel m = new ReactiveModel();
        m.open(new ModelSettings(1, 2));
        try {
            Batch b = new Batch(1);
            assertThrows(Batch.TaskFailedException.class, () -> m.run(List.of(bad), b));
        } finally {
            m.close();
        }
    }
}
