package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.fork.ForkReport;
import dev.concur.input.Profile;
import dev.concur.result.Race;
import dev.concur.run.Benchmark;
import dev.concur.run.RunOutcome;
import dev.concur.run.Watchdog;
import dev.concur.workload.WorkloadParams;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The race workloads in the real peer programs: with a yield point between the read and the write
 * (race-await) one asyncio loop, one Node loop, Python threads and Go's goroutines lose updates of
 * the shared counter; without one (race) a loop loses none; a sequential model never loses one, and
 * the synchronised counter (Go's: owned by one goroutine, fed by a channel) never does. Every batch
 * is still checked against the JVM's reference, and the loops' lag probes report samples.
 */
class PeerRacesTest {
    private static final WorkloadParams SIZE = new WorkloadParams(20, 0, 500);
    private static final Profile FAST = Profile.QUICK.with(1, 1, 2, Duration.ofMillis(20), null);
    private static final PeerRunner RUNNER = new PeerRunner(System.getenv());

    private static ForkReport run(String model, String workload) throws Exception {
        Benchmark b = Benchmark.resolve(model, workload, SIZE, 16, null, 2, FAST, 30_000_000_000L, null, null, null);
        String why = RUNNER.whyUnavailable(b);
        if (why != null && System.getenv("CONCUR_REQUIRE_PEERS") == null) Assumptions.abort(why);
        assertNull(why, "CONCUR_REQUIRE_PEERS is set: " + why);
        RunOutcome o = RUNNER.run(b, 0, 2, new Watchdog.Deadline(null, 1e9));
        assertNull(o.failure(), o.failure());
        ForkReport fork = o.forks().get(0);
        assertEquals(fork.batches(), fork.validBatches(), "every batch valid: " + fork.firstMismatch());
        assertNotNull(fork.race(), "a race batch reports its counters");
        assertEquals(10_000, fork.race().updatesPerBatch());
        assertEquals(0, fork.race().synchronisedLost(), model + ": the synchronised counter lost updates");
        return fork;
    }

    @ParameterizedTest(name = "{0} on race-await loses updates")
    @CsvSource({"python-asyncio", "python-threading", "node-eventloop", "go-goroutine", "go-pool"})
    void aYieldBetweenReadAndWriteLosesUpdates(String model) throws Exception {
        Race r = run(model, "race-await").race();
        assertTrue(r.lostMin() > 0, model + " lost no update in a batch: " + r);
        assertTrue(r.lostMax() < r.updatesPerBatch(), "one update of each task's last round survives: " + r);
    }

    @ParameterizedTest(name = "{0} on {1} loses nothing")
    @CsvSource({"python-asyncio, race", "node-eventloop, race", "python-sequential, race-await",
            "node-sequential, race-await", "go-sequential, race-await"})
    void withoutAYieldPointOrAnotherTaskNothingIsLost(String model, String workload) throws Exception {
        assertEquals(0, run(model, workload).race().lostMax());
    }

    /** A loop that only waits (20 tasks of 20 ms) serves its 5 ms probe: samples in every measured batch. */
    @ParameterizedTest(name = "{0}: the lag probe reports")
    @CsvSource({"python-asyncio", "node-eventloop", "node-sequential", "go-goroutine"})
    void theLagProbeReportsSamples(String model) throws Exception {
        Benchmark b = Benchmark.resolve(model, "io", new WorkloadParams(20, 20_000_000, 0), 16, null, 2, FAST,
                30_000_000_000L, null, null, null);
        String why = RUNNER.whyUnavailable(b);
        if (why != null && System.getenv("CONCUR_REQUIRE_PEERS") == null) Assumptions.abort(why);
        RunOutcome o = RUNNER.run(b, 0, 2, new Watchdog.Deadline(null, 1e9));
        assertNull(o.failure(), o.failure());
        ForkReport fork = o.forks().get(0);
        assertNull(fork.race(), "io has no counters");
        var lag = dev.concur.result.Histograms.merge(java.util.List.of(fork.loopLag()));
        assertNotNull(lag, model + ": no lag sample in 20 ms batches");
        assertTrue(lag.count() >= 4, "samples in both measured batches (20 ms each, a 5 ms probe): " + lag);
        assertTrue(lag.max() < 60_000, "sane: under a minute late: " + lag);
    }
}
