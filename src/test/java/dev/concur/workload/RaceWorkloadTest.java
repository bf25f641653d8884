package dev.concur.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concur.model.ConcurrencyModel;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The race workload measures lost updates instead of hiding them: the atomic counter never loses
 * one, one thread (sequential, the event loop) never loses one, and threads that really run at the
 * same time do (asserted only where there are two cores to race on).
 */
class RaceWorkloadTest {

    private static SharedCounters.Count run(String model, int batches) throws Exception {
        return run("race", model, batches, new WorkloadParams(200, 0, 20_000));
    }

    private static SharedCounters.Count run(String workload, String model, int batches, WorkloadParams params) throws Exception {
        var prepared = WorkloadRegistry.get(workload).open(params);
        Reference ref = Reference.of(prepared.tasks());
        ConcurrencyModel m = ModelRegistry.create(model);
        m.open(new ModelSettings(8, Runtime.getRuntime().availableProcessors()));
        long lost = 0;
        SharedCounters.Count last = null;
        try (prepared) {
            for (int i = 0; i < batches; i++) {
                prepared.beforeBatch().run();
                Batch b = new Batch(prepared.tasks().size());
                m.run(prepared.tasks(), b);
                assertTrue(ref.matches(b), model + ": every task ran once");
                last = prepared.counters().read();
                assertEquals(0, last.lostSynchronised(), model + ": the atomic counter lost updates");
                assertEquals((long) params.tasks() * params.work(), last.expected());
                lost += last.lostUnsynchronised();
            }
        } finally {
            m.close();
        }
        return new SharedCounters.Count(last.expected() * batches, last.expected() * batches - lost, last.expected() * batches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "eventloop"})
    void oneThreadLosesNothingWithoutALock(String model) throws Exception {
        assertEquals(0, run(model, 3).lostUnsynchronised());
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "forkjoin", "virtual", "reactive"})
    void threadsOnTwoCoresLoseUpdates(String model) throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a race needs two cores");
        SharedCounters.Count c = run(model, 5);
        assertTrue(c.lostUnsynchronised() > 0, model + " lost no update in 20,000,000: " + c);
        assertTrue(c.lostUnsynchronised() < c.expected(), "it cannot lose more than it made");
    }

    /** race-await's size in these tests: 200 tasks × 2,000 increments. */
    private static final WorkloadParams AWAIT = new WorkloadParams(200, 0, 2_000);

    /**
     * The classic asyncio bug on the JVM's loop: read, yield to the loop, write. Deterministic on one
     * thread: every task reads before any writes, so all but one update of each round are lost.
     */
    @org.junit.jupiter.api.Test
    void theLoopLosesUpdatesWhenItAwaitsBetweenReadAndWrite() throws Exception {
        SharedCounters.Count c = run("race-await", "eventloop", 2, AWAIT);
        assertTrue(c.lostUnsynchronised() > 0, "one loop thread that awaits between read and write lost nothing: " + c);
        assertTrue(c.lostUnsynchronised() < c.expected(), "it cannot lose more than it made");
        assertEquals(0, c.lostSynchronised(), "the atomic counter never loses");
    }

    /** Without the await, the same loop and the same sizes lose nothing. */
    @org.junit.jupiter.api.Test
    void theLoopLosesNothingWithoutTheAwait() throws Exception {
        assertEquals(0, run("race", "eventloop", 2, AWAIT).lostUnsynchronised());
    }

    /** One thread running tasks one after another has nobody to yield to. */
    @org.junit.jupiter.api.Test
    void sequentialLosesNothingEvenWithAYield() throws Exception {
        assertEquals(0, run("race-await", "sequential", 2, AWAIT).lostUnsynchronised());
    }

    /** Thread.yield() between the read and the write: threads lose updates even when they share one core. */
    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual"})
    void threadsThatYieldBetweenReadAndWriteLoseUpdates(String model) throws Exception {
        SharedCounters.Count c = run("race-await", model, 3, AWAIT);
        assertTrue(c.lostUnsynchronised() > 0, model + " lost no update: " + c);
        assertEquals(0, c.lostSynchronised());
    }
}
