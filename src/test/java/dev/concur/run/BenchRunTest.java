package dev.concur.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.cli.CliFixture;
import dev.concur.input.Choices;
import dev.concur.result.Report;
import dev.concur.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run loop on its own: skip decisions, results by status, a report after every benchmark. */
class BenchRunTest {
    private final FakeRunner runner = new FakeRunner(CliFixture.ESTIMATOR, 3);
    private final ResourceLimits noLimits = new ResourceLimits(null, null, null, null, null, null, null);

    private Report run(Choices c, List<Report> written) throws InterruptedException {
        Plan plan = Planner.plan(c, null, 2, null);
        long[] clock = {0};
        BenchRun run = new BenchRun(runner, CliFixture.ESTIMATOR, () -> clock[0] += 1_000_000_000L, () -> noLimits);
        return run.run(plan.benchmarks(), CliFixture.environment(), plan.config(runner), CliFixture.START, written::add);
    }

    private static Choices of(List<String> m, List<String> w, Integer tasks, List<Integer> cores) {
        return new Choices(m, w, tasks, null, null, null, cores, null, null, null, null, null, null, null, null);
    }

    @Test
    void theSkipNoteShowsTheCountTheEstimateUsed() throws Exception {
        Report r = run(of(List.of("forkjoin"), List.of("io"), 1_000_000, List.of(1, 2)), new ArrayList<>());
        Result one = r.results().get(0);
        Result two = r.results().get(1);
        assertEquals(Result.SKIPPED, one.status());
        assertTrue(one.note().contains("1000000 tasks x 100ms, 257 at a time"), one.note());
        assertTrue(two.note().contains("1000000 tasks x 100ms, 258 at a time"), "at 2 cores, 2 + 256: " + two.note());
        assertTrue(runner.calls.isEmpty(), "nothing ran");
    }

    @Test
    void aPipelineOnOneThreadIsSkippedWithTheReason() throws Exception {
        Report r = run(of(List.of("sequential", "virtual"), List.of("pipeline"), null, null), new ArrayList<>());
        assertEquals("skipped: pipeline needs its 5 parts to run at once; sequential runs 1 at a time (it would deadlock)",
                r.results().get(0).note());
        assertEquals(Result.OK, r.results().get(1).status());
    }

    @Test
    void onlyOkResultsCarryNumbersAndTheReportIsWrittenAfterEachBenchmark() throws Exception {
        runner.invalid("virtual").failing("platform");
        List<Report> written = new ArrayList<>();
        Report r = run(of(List.of("sequential", "platform", "virtual", "eventloop"), List.of("cpu"), null, null), written);
        assertEquals(5, written.size(), "once before the first benchmark, then after each of 4");
        assertEquals("running", written.get(0).termination());
        assertEquals(0, written.get(0).results().size());
        assertEquals("completed", written.get(4).termination());
        Result seq = r.results().get(0), platform = r.results().get(1), virtual = r.results().get(2), loop = r.results().get(3);
        assertEquals(Result.FAILED, platform.status());
        assertNull(platform.batchTime());
        assertEquals(Result.INVALID, virtual.status());
        assertNull(virtual.batchTime(), "an invalid result keeps no time");
        assertTrue(virtual.note().startsWith("invalid: batch 3:"), virtual.note());
        assertEquals(1.0, seq.speedupVsSequential(), 1e-9);
        assertEquals(seq.batchTime().score() / loop.batchTime().score(), loop.speedupVsSequential(), 1e-9);
        assertEquals(200 / (loop.batchTime().score() / 1000), loop.throughputTasksPerSec(), 1e-6);
        assertEquals(2, r.summary().ok());
        assertEquals(1, r.summary().invalid());
        assertEquals(1, r.summary().failed());
    }

    @Test
    void aMissedTargetNeverReadsAsTheTarget() {
        assertEquals("3.04", BenchRun.abovePct(3.04, 3.0), "3.0 would look like the ±3% target");
        assertEquals("3.1", BenchRun.abovePct(3.1, 3.0));
        assertEquals("14.8", BenchRun.abovePct(14.8156, 3.0));
    }
}
