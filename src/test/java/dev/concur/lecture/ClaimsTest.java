package dev.concur.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.result.Params;
import dev.concur.result.Report;
import dev.concur.result.Result;
import dev.concur.result.Score;
import dev.concur.result.Timeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules behind the verdicts, on hand-made results: what each one needs to say "faster", "parallel", "interleaved". */
class ClaimsTest {

    private static Result ok(String model, String workload, Integer cores, double ms, double halfWidth) {
        Params p = new Params(40, null, 100_000L, 200, "quick", 1, 0, 0, 5, 100, null, null, null, null, null, null, null, null);
        Score s = new Score(ms, halfWidth, 100 * halfWidth / ms, 0.999, "ms", List.of(ms, ms, ms, ms, ms), 5, Score.STUDENT_T,
                ms - halfWidth, ms + halfWidth, List.of(List.of(ms, ms, ms, ms, ms)), "fixed forks");
        return Result.of(model, workload, cores, p, 1).ok(s, null, null, null, null, null);
    }

    private static Evidence evidence(String exp, Result... results) {
        Report r = new Report(dev.concur.result.Report.SCHEMA_VERSION, "test", "2026-01-01T00:00:00Z", "completed",
                dev.concur.cli.CliFixture.environment(), null, List.of(results), null, null);
        return new Evidence(Map.of(exp, r));
    }

    @Test
    void fasterOnlyBeyondTwiceTheCombinedHalfWidths() {
        Result a = ok("a", "cpu", null, 100, 5);
        assertEquals(0, Evidence.compare(a, ok("b", "cpu", null, 119, 5)), "19 ms apart, 20 ms of noise: not conclusive");
        assertEquals(-1, Evidence.compare(a, ok("b", "cpu", null, 121, 5)));
        assertEquals(1, Evidence.compare(ok("b", "cpu", null, 121, 5), a));
    }

    @Test
    void aPeerThatDidNotRunIsReplacedByItsCounterpartAndSaysSo() {
        Result skipped = Result.skipped("go-goroutine", "cpu", 1, ok("x", "cpu", 1, 1, 0).params(), 1,
                "go not found on PATH: apt-get install golang-go");
        Evidence e = evidence("cpu-cores", skipped, ok("virtual", "cpu", 1, 10, 0.1));
        Evidence.Pick p = e.pick("cpu-cores", "go-goroutine", "cpu", 1);
        assertTrue(p.ok());
        assertEquals("virtual", p.standIn());
        assertTrue(p.missing().contains("go not found"), p.missing());
        assertEquals("virtual (en lugar de go-goroutine)", p.label(new Text("es")));
    }

    @Test
    void theGilVerdictCorrectsTheCourse() {
        Evidence jvm = evidence("cpu-cores",
                ok("go-goroutine", "cpu", 1, 20, 0.2), ok("go-goroutine", "cpu", 2, 10.5, 0.2),
                ok("eventloop", "cpu", 1, 20, 0.2), ok("eventloop", "cpu", 2, 20.1, 0.2));
        Evidence py = evidence("cpu-cores-py", ok("python-asyncio", "cpu", 1, 800, 8), ok("python-asyncio", "cpu", 2, 795, 8));
        java.util.Map<String, Report> both = new java.util.LinkedHashMap<>(jvm.reports());
        both.putAll(py.reports());
        Evidence e = new Evidence(both);
        var body = Claims.parallel(e, new Text("en"));
        assertEquals(Verdict.Outcome.NUANCED, body.verdict().outcome());
        assertTrue(body.verdict().text().contains("not because of the GIL"), body.verdict().text());
        assertTrue(body.verdict().text().contains("1.9×"), body.verdict().text());
    }

    private static Result withRss(String model, double bytesPerTask) {
        Result r = ok(model, "io", null, 1000, 10);
        Score s = r.batchTime();
        return Result.of(model, "io", null, r.params(), 1).ok(s, null, null, null, bytesPerTask, null);
    }

    @Test
    void theWeightVerdictSaysWhichIsLighterOnlyBeyondTwentyPercent() {
        Text en = new Text("en");
        var lighter = Claims.weight(evidence("weight", withRss("go-goroutine", 2700), withRss("python-asyncio", 1600)), en).verdict();
        assertEquals(Verdict.Outcome.CONTRADICTED, lighter.outcome());
        assertTrue(lighter.text().contains("a Python coroutine took less memory"), lighter.text());
        // 1.7 KB against 1.6 KB once read "a coroutine took less memory: 1.7 KB against 1.6 KB"
        var same = Claims.weight(evidence("weight", withRss("go-goroutine", 1600), withRss("python-asyncio", 1700)), en).verdict();
        assertEquals(Verdict.Outcome.CONTRADICTED, same.outcome());
        assertTrue(same.text().contains("about the same memory"), same.text());
        var heavier = Claims.weight(evidence("weight", withRss("go-goroutine", 1000), withRss("python-asyncio", 1600)), en).verdict();
        assertEquals(Verdict.Outcome.NUANCED, heavier.outcome());
        assertTrue(heavier.text().contains("1.6×"), heavier.text());
    }

    private static Timeline.TaskTimeline task(int i, long start, long end, String thread, long... runs) {
        List<Timeline.Segment> segs = new java.util.ArrayList<>();
        for (int k = 0; k < runs.length; k += 2) segs.add(new Timeline.Segment(Timeline.RUN, runs[k], runs[k + 1], thread, null));
        return new Timeline.TaskTimeline(i, start, end, segs);
    }

    @Test
    void timelinesAreReadAsOneAfterAnotherSideBySideOrInterleaved() {
        Timeline sequential = new Timeline(2, true, null, List.of(task(0, 0, 10, "main", 0, 10), task(1, 10, 20, "main", 10, 20)));
        assertEquals(new Claims.Shape(1, 1, 1), Claims.shape(sequential));
        Timeline parallel = new Timeline(2, true, null, List.of(task(0, 0, 10, "w1", 0, 10), task(1, 0, 10, "w2", 0, 10)));
        assertEquals(new Claims.Shape(2, 2, 2), Claims.shape(parallel));
        Timeline loop = new Timeline(2, true, null, List.of(task(0, 0, 100, "loop", 0, 1, 100, 101),
                task(1, 1, 102, "loop", 1, 2, 101, 102)));
        assertEquals(new Claims.Shape(1, 1, 2), Claims.shape(loop));
    }
}
