package dev.concur.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.model.ConcurrencyModel;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.workload.AsyncContext;
import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Reference;
import dev.concur.workload.Task;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fork's count of tasks alive at once, on crafted batches and on the hold workload's gate. */
class AliveCounterTest {
    private static final long MS = 1_000_000L;

    /** A task that records how many were alive while it ran, then returns its index. */
    private record Probe(int index, AliveCounter counter, long[] seen) implements Task {
        @Override
        public long call(BlockingContext blocking) {
            seen[index] = counter.alive();
            return index;
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            seen[index] = counter.alive();
            return CompletableFuture.completedFuture((long) index);
        }
    }

    @Test
    void aCraftedBatchCountsEachTaskFromItsCallToItsCompletion() throws Exception {
        AliveCounter counter = new AliveCounter();
        long[] seen = new long[5];
        List<Task> plain = new ArrayList<>();
        for (int i = 0; i < 5; i++) plain.add(new Probe(i, counter, seen));
        Batch one = new Batch(5);
        counter.reset(one);
        for (Task t : counter.wrap(plain)) one.complete(t.index(), t.call(BlockingContext.PLAIN)); // one at a time
        assertEquals(1, counter.peak());
        assertEquals(0, counter.alive(), "every start has its completion");
        assertTrue(java.util.Arrays.stream(seen).allMatch(n -> n == 1), java.util.Arrays.toString(seen));

        Batch three = new Batch(3);
        counter.reset(three);
        CompletableFuture<Long> never = new CompletableFuture<>();
        Task waiting = new Task() { // an async task alive until the model completes it
            @Override
            public int index() {
                return 0;
            }

            @Override
            public long call(BlockingContext blocking) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<Long> callAsync(AsyncContext loop) {
                return never;
            }
        };
        List<CompletableFuture<Long>> open = new ArrayList<>();
        for (Task t : counter.wrap(List.of(waiting, waiting, waiting))) open.add(t.callAsync(null));
        assertEquals(3, counter.alive());
        assertEquals(3, counter.peak());
        assertTrue(open.stream().allMatch(f -> f == never), "no stage added to the task's own future");
        never.complete(7L);
        assertEquals(3, counter.alive(), "alive until the model reports the task to the batch");
        for (int i = 0; i < 3; i++) three.complete(i, 7L);
        assertEquals(0, counter.alive());
        assertEquals(3, counter.peak(), "the peak stays");

        counter.reset(new Batch(5));
        assertEquals(0, counter.alive());
        assertEquals(0, counter.peak(), "a new batch starts from nothing");
    }

    /** Runs one batch of {@code workload} on {@code model} with every task counted; returns the peak alive. */
    private static long peakAlive(String model, String workload, int tasks, long latencyNanos, int threads) throws Exception {
        var prepared = WorkloadRegistry.get(workload).open(new WorkloadParams(tasks, latencyNanos, 0));
        Reference ref = Reference.of(prepared.tasks());
        AliveCounter counter = new AliveCounter();
        List<Task> counted = counter.wrap(prepared.tasks());
        ConcurrencyModel m = ModelRegistry.create(model);
        m.open(new ModelSettings(threads, 2));
        try (prepared) {
            long peak = -1;
            for (int round = 0; round < 2; round++) { // the gate must reset between batches
                prepared.beforeBatch().run();
                Batch b = new Batch(counted.size());
                counter.reset(b);
                m.run(counted, b);
                assertTrue(ref.matches(b), model + " on " + workload + ": the reference's work, batch " + round);
                assertEquals(0, counter.alive(), "nothing alive after the batch");
                peak = round == 0 ? counter.peak() : Math.min(peak, counter.peak());
            }
            return peak;
        } finally {
            m.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"virtual, 2000", "platform-per-task, 200", "forkjoin, 200", "eventloop, 2000", "reactive, 2000"})
    void holdKeepsEveryTaskAliveAtOnceInEveryModelThatCanHoldThem(String model, int tasks) throws Exception {
        assertEquals(tasks, peakAlive(model, "hold", tasks, 5 * MS, 16), model + ": all " + tasks + " alive at once");
    }

    @Test
    void aPoolCountsOnlyTheTasksItRuns() throws Exception {
        long peak = peakAlive("platform", "io", 40, 5 * MS, 4);
        assertTrue(peak >= 1 && peak <= 4, "a pool of 4 runs at most 4 at once: " + peak);
    }

    @Test
    void theLoopStartsEveryTaskBeforeAnyTimerFires() throws Exception {
        // all callAsync calls run in one turn of the loop, before a 50 ms timer can fire
        assertEquals(300, peakAlive("eventloop", "io", 300, 50 * MS, 1));
    }

    /** The fork reports the smallest measured batch's peak and the heap used at the memory peak; warm-up runs the same wrapped tasks. */
    @Test
    void theForkReportCarriesPeakAliveAndHeapUsed(@TempDir Path dir) throws Exception {
        BatchBenchmark b = new BatchBenchmark();
        b.model = "virtual";
        b.workload = "hold";
        b.tasks = 500;
        b.latency = "20ms";
        b.work = 0;
        b.threads = 8;
        b.target = "";
        System.setProperty(ForkReport.DIR_PROPERTY, dir.toString());
        System.setProperty(ForkReport.WARMUP_MAX_MILLIS, "200");
        System.setProperty(ForkReport.WARMUP_MAX_BATCHES, "3");
        try {
            b.setup();
            assertEquals(500, b.lastBatchPeakAlive(), "the warm-up ran the counted tasks");
            ForkReport warm = read(dir);
            assertNull(warm.peakAlive(), "warm-up batches are not reported");
            assertTrue(warm.runtimeMemory().isEmpty());

            b.beforeIteration(new org.openjdk.jmh.infra.IterationParams(org.openjdk.jmh.runner.IterationType.MEASUREMENT, 1,
                    org.openjdk.jmh.runner.options.TimeValue.seconds(1), 1));
            b.batch();
            b.batch();
            b.afterIteration();
        } finally {
            System.clearProperty(ForkReport.WARMUP_MAX_MILLIS);
            System.clearProperty(ForkReport.WARMUP_MAX_BATCHES);
            b.tearDown();
            System.clearProperty(ForkReport.DIR_PROPERTY);
        }
        ForkReport r = read(dir);
        assertEquals(r.batches(), r.validBatches());
        assertEquals(500L, r.peakAlive());
        assertNotNull(r.runtimeMemory().get("heapUsed"));
        assertTrue(r.runtimeMemory().get("heapUsed") > 0, r.runtimeMemory().toString());
    }

    private static ForkReport read(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            Path f = files.filter(p -> p.getFileName().toString().startsWith("fork-")).findFirst().orElseThrow();
            return new ObjectMapper().readValue(f.toFile(), ForkReport.class);
        }
    }
}
