package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.fork.ForkReport;
import dev.concur.input.Profile;
import dev.concur.result.ForkInfo;
import dev.concur.run.Benchmark;
import dev.concur.run.RunOutcome;
import dev.concur.run.Watchdog;
import dev.concur.workload.WorkloadParams;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-over a task queue is for, measured on the real programs: Celery (a real Redis and worker,
 * started by concur) and a multiprocessing pool time the call(s) that hand a batch over apart from the
 * batch, and the report carries both ({@code forks[].dispatch}). Bounds only, never speeds: the
 * hand-over is part of its batch, and with tasks that each wait 20 ms the batch cannot be done when
 * the hand-over returns. Skipped where celery, redis or Python are missing, unless
 * {@code CONCUR_REQUIRE_PEERS} is set (as .ci/run sets it).
 */
class PeerDispatchTest {
    private static final Profile FAST = Profile.QUICK.with(1, 2, 3, Duration.ofMillis(50), null);
    private static final PeerRunner RUNNER = new PeerRunner(System.getenv());

    private static RunOutcome run(String model, String workload, WorkloadParams size) throws Exception {
        Benchmark b = Benchmark.resolve(model, workload, size, 16, null, 2, FAST, 60_000_000_000L, null, null, null);
        String why = RUNNER.whyUnavailable(b);
        if (why != null && System.getenv("CONCUR_REQUIRE_PEERS") == null) Assumptions.abort(why);
        assertNull(why, "CONCUR_REQUIRE_PEERS is set: " + why);
        RunOutcome o = RUNNER.run(b, 0, 3, new Watchdog.Deadline(null, 1e9));
        assertNull(o.failure(), o.failure());
        ForkReport fork = o.forks().get(0);
        assertEquals(fork.batches(), fork.validBatches(), "every batch valid: " + fork.firstMismatch());
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"python-celery", "python-multiprocessing"})
    void theHandOverReturnsBeforeTheWorkIsDone(String model) throws Exception {
        // 20 tasks that each wait 20 ms, on 2 workers: at least 200 ms of waiting after the first hand-over
        RunOutcome o = run(model, "io", new WorkloadParams(20, 20_000_000, 0));
        ForkInfo.Dispatch d = o.forks().get(0).fork().dispatch();
        assertNotNull(d, model + " times its hand-over");
        assertEquals(o.batchesMeasured(), d.batches(), "every measured batch, and only those");
        assertTrue(d.submitMs() > 0, "a hand-over takes some time: " + d);
        assertTrue(d.completeMs() >= 20, "a batch waits at least one task's 20 ms: " + d);
        assertTrue(d.submitMs() < d.completeMs(), "free before the work was done: " + d);
    }

    @Test
    void aZeroWorkRoundTripThroughCeleryIsOneValidTaskPerBatch() throws Exception {
        // the lecture's round trip: one task of 1 round, so each batch is one hand-over, the task and its result back
        RunOutcome o = run("python-celery", "cpu", new WorkloadParams(1, 0, 1));
        ForkInfo.Dispatch d = o.forks().get(0).fork().dispatch();
        assertNotNull(d);
        assertTrue(d.submitMs() > 0 && d.submitMs() <= d.completeMs(), d.toString());
        assertTrue(o.samples().stream().allMatch(s -> s > 0), "a round trip takes time: " + o.samples());
    }

    @Test
    void aModelThatDoesNotHandOverSaysNothing() throws Exception {
        RunOutcome o = run("python-sequential", "io", new WorkloadParams(4, 1_000_000, 0));
        assertNull(o.forks().get(0).fork().dispatch(), "not timed, not zero");
    }
}
