package dev.concur.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.cli.CliFixture;
import dev.concur.fork.ForkReport;
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
    void holdIsSkippedByEveryModelThatCannotHoldAllItsTasksAtOnce() throws Exception {
        Report r = run(of(List.of("sequential", "platform", "forkjoin", "virtual", "eventloop"), List.of("hold"), 1000, null),
                new ArrayList<>());
        assertEquals("skipped: hold needs its 1000 tasks to run at once; sequential runs 1 at a time (it would deadlock)",
                r.results().get(0).note());
        assertEquals("skipped: hold needs its 1000 tasks to run at once; platform runs 200 at a time (it would deadlock)",
                r.results().get(1).note());
        assertEquals("skipped: hold needs its 1000 tasks to run at once; forkjoin runs 258 at a time (it would deadlock)",
                r.results().get(2).note());
        assertEquals(Result.OK, r.results().get(3).status());
        assertEquals(Result.OK, r.results().get(4).status());
        assertEquals(List.of("virtual", "eventloop"), runner.calls.stream().map(Benchmark::model).toList(), "only those ran");
    }

    @Test
    void memoryPerTaskIsReportedOnlyWhenEveryTaskWasAlive() throws Exception {
        runner.memory("virtual", 10_000L).memory("eventloop", 6_120L).memory("platform-per-task", null);
        Report r = run(of(List.of("virtual", "eventloop", "platform-per-task"), List.of("io"), 10_000, null), new ArrayList<>());
        Result all = r.results().get(0), some = r.results().get(1), uncounted = r.results().get(2);

        assertEquals(FakeRunner.FAKE_RSS_PER_TASK, all.rssPerTaskBytes());
        assertEquals(FakeRunner.FAKE_HEAP_PER_TASK, all.memoryPerTaskBytes());
        assertTrue(all.alive().complete());
        assertEquals(10_000, all.alive().tasks());
        assertEquals(10_000, all.alive().peak());
        assertTrue(all.alive().peakPerFork().stream().allMatch(p -> p == 10_000), all.alive().toString());
        assertEquals(java.util.Map.of("heapUsed", FakeRunner.FAKE_HEAP_USED), all.alive().runtime());
        assertTrue(all.warnings().stream().noneMatch(w -> w.startsWith("memory per task")), all.warnings().toString());

        assertEquals(Result.OK, some.status(), "its time still stands");
        assertNull(some.rssPerTaskBytes(), "6,120 alive of 10,000: peak memory / 10,000 is not a figure per task");
        assertNull(some.memoryPerTaskBytes());
        assertFalse(some.alive().complete());
        assertEquals(6_120, some.alive().peak());
        assertTrue(some.warnings().contains("memory per task not reported: at most 6120 of 10000 tasks were alive at once"),
                some.warnings().toString());
        assertEquals("memoria por tarea no indicada: como mucho 6.120 de 10.000 tareas estuvieron vivas a la vez",
                dev.concur.report.Messages.forLanguage("es").note(BenchRun.notAllAlive(some.alive())));

        assertNull(uncounted.alive(), "not counted: nothing said");
        assertEquals(FakeRunner.FAKE_RSS_PER_TASK, uncounted.rssPerTaskBytes(), "so today's figure stands");
    }

    @Test
    void belowTheSizeReportsShowMemoryAtTheFigureIsWithheldWithoutANote() throws Exception {
        runner.memory("sequential", 1L);
        Result seq = run(of(List.of("sequential"), List.of("cpu"), null, null), new ArrayList<>()).results().get(0);
        assertNull(seq.rssPerTaskBytes(), "1 of 200 alive: no figure per task");
        assertEquals(1, seq.alive().peak(), "the reason is in alive");
        assertTrue(seq.warnings().stream().noneMatch(w -> w.startsWith("memory per task")), seq.warnings().toString());
    }

    @Test
    void aliveIsTheSmallestForksPeakAndNullWhenAnyForkDidNotCount() {
        Benchmark b = Planner.plan(of(List.of("virtual"), List.of("io"), 100, null), null, 2, null).benchmarks().get(0);
        ForkReport counted = fork(100L, java.util.Map.of("heapUsed", 3.0)), fewer = fork(60L, java.util.Map.of("heapUsed", 1.0));
        ForkReport third = fork(100L, java.util.Map.of("heapUsed", 2.0, "other", 7.0));
        dev.concur.result.Alive a = BenchRun.alive(b, List.of(counted, fewer, third));
        assertEquals(60, a.peak());
        assertEquals(List.of(100L, 60L, 100L), a.peakPerFork());
        assertEquals(java.util.Map.of("heapUsed", 2.0, "other", 7.0), a.runtime(), "the median per name over the forks that said it");
        assertFalse(a.complete());
        assertNull(BenchRun.alive(b, List.of(counted, fork(null, java.util.Map.of()))));
        assertNull(BenchRun.alive(b, List.of()));
    }

    private static ForkReport fork(Long peakAlive, java.util.Map<String, Double> runtime) {
        return new ForkReport(null, 10, 10, 100, 1, null, 1, null, null, List.of(), null, null, 1.0, 0, 0, null, null, 2.0,
                null, null, peakAlive, runtime, null);
    }

    @Test
    void aMissedTargetNeverReadsAsTheTarget() {
        assertEquals("3.04", BenchRun.abovePct(3.04, 3.0), "3.0 would look like the ±3% target");
        assertEquals("3.1", BenchRun.abovePct(3.1, 3.0));
        assertEquals("14.8", BenchRun.abovePct(14.8156, 3.0));
    }
}
