package dev.concur.lecture;

import static dev.concur.lecture.Fixture.around;
import static dev.concur.lecture.Fixture.evidence;
import static dev.concur.lecture.Fixture.exp;
import static dev.concur.lecture.Fixture.r;
import static dev.concur.lecture.Verdict.Outcome.CONTRADICTED;
import static dev.concur.lecture.Verdict.Outcome.ILLUSTRATION;
import static dev.concur.lecture.Verdict.Outcome.INCONCLUSIVE;
import static dev.concur.lecture.Verdict.Outcome.NUANCED;
import static dev.concur.lecture.Verdict.Outcome.SUPPORTED;
import static dev.concur.lecture.Verdict.Outcome.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Result;
import dev.concur.result.Timeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every claim's rule, driven from crafted reports to each outcome it can give. A rule that cannot
 * give at least two outcomes, one of them not "supported", is a rule no data can change: the last
 * test fails on it. {@code mvn test -Dtest=ClaimOutcomesTest} prints the table of what each claim reached.
 */
class ClaimOutcomesTest {

    record Case(String claim, String what, Outcome expected, Supplier<Evidence> evidence) {}

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String claim, String what, Outcome expected, Supplier<Evidence> e) {
        CASES.add(new Case(claim, what, expected, e));
    }

    // ---- results the cases share ----------------------------------------------------------------

    private static Result hold(String model, long alive, double rss) {
        return r(model, "hold").params(100_000, 1000.0, 200).alive(alive, 2.0e8).rss(rss).ok(around(1100, 1));
    }

    private static Result io(String model, double... ms) {
        return r(model, "io").params(10_000, 100.0, 10_000).threads(model.startsWith("python") ? 1 : 5).ok(ms);
    }

    private static Result cpu(String model, int cores, double... ms) {
        return r(model, "cpu").cores(cores).ok(ms);
    }

    private static Result lag(String model, String w, double batchMs, double p99) {
        return r(model, w).cores(1).params(10, 50.0, 200).lag(p99).ok(around(batchMs, 1));
    }

    /** 10 events to the emitter's listeners on 1 core: batch (ms), the probe's p99 (ms), each process's peak alive. */
    private static Result emit(String model, String w, double batchMs, double p99, long... alive) {
        return r(model, w).cores(1).params(10, null, 200).alivePerFork(alive).lag(p99).ok(around(batchMs, 1));
    }

    private static Result race(String model, String w, double lost, long syncLost) {
        return r(model, w).race(lost, syncLost).ok(around(50, 2));
    }

    private static Timeline.TaskTimeline task(int i, long start, long end, String thread, long... runs) {
        List<Timeline.Segment> segs = new ArrayList<>();
        for (int k = 0; k < runs.length; k += 2) segs.add(new Timeline.Segment(Timeline.RUN, runs[k], runs[k + 1], thread, null));
        return new Timeline.TaskTimeline(i, start, end, segs);
    }

    private static Map<String, List<Result>> timelines(boolean forkJoinParallel) {
        Timeline seq = new Timeline(2, true, null, List.of(task(0, 0, 10, "main", 0, 10), task(1, 10, 20, "main", 10, 20)));
        Timeline fj = forkJoinParallel
                ? new Timeline(2, true, null, List.of(task(0, 0, 10, "w1", 0, 10), task(1, 0, 10, "w2", 0, 10)))
                : new Timeline(2, true, null, List.of(task(0, 0, 10, "w1", 0, 10), task(1, 10, 20, "w2", 10, 20)));
        Timeline loop = new Timeline(2, true, null, List.of(task(0, 0, 100, "loop", 0, 1, 100, 101), task(1, 1, 102, "loop", 1, 2, 101, 102)));
        Map<String, List<Result>> m = new LinkedHashMap<>();
        m.put("seqpar-cpu", List.of(r("sequential", "cpu").cores(2).trace(seq).ok(around(40, 1)),
                r("forkjoin", "cpu").cores(2).trace(fj).ok(around(21, 1))));
        m.put("seqpar-io", List.of(r("eventloop", "io").cores(2).trace(loop).ok(around(11, 1))));
        return m;
    }

    static {
        // 1.1 weight: who held N alive at once
        add("1.1-weight", "both held 100,000", NUANCED, () -> evidence(exp("weight", hold("go-goroutine", 100_000, 2700),
                hold("python-asyncio", 100_000, 1600))));
        add("1.1-weight", "asyncio failed by itself", SUPPORTED, () -> evidence(exp("weight", hold("go-goroutine", 100_000, 2700),
                r("python-asyncio", "hold").failed("MemoryError"))));
        add("1.1-weight", "goroutines failed by themselves", CONTRADICTED, () -> evidence(exp("weight",
                r("go-goroutine", "hold").failed("runtime: out of memory"), hold("python-asyncio", 100_000, 1600))));
        add("1.1-weight", "asyncio hit the harness's deadline", UNAVAILABLE, () -> evidence(exp("weight",
                hold("go-goroutine", 100_000, 2700), r("python-asyncio", "hold").timeout())));
        add("1.1-weight", "alive not counted", UNAVAILABLE, () -> evidence(exp("weight",
                r("go-goroutine", "hold").params(100_000, 1000.0, 200).ok(around(1100, 1)), hold("python-asyncio", 100_000, 1600))));
        add("1.1-weight", "Go missing, virtual stands in", ILLUSTRATION, () -> evidence(exp("weight",
                Result.skipped("go-goroutine", "hold", null, Fixture.params(100_000, 1000.0, 200), 1, "go not found on PATH"),
                hold("virtual", 100_000, 3300), hold("python-asyncio", 100_000, 1600))));
        // 1.1 io
        add("1.1-io", "both overlapped", SUPPORTED, () -> evidence(exp("io", io("go-goroutine", around(110, 2)),
                io("python-asyncio", around(180, 2)))));
        add("1.1-io", "asyncio's own overhead (300 ms for 100 ms waits) still overlapped", SUPPORTED, () -> evidence(exp("io",
                io("go-goroutine", around(110, 2)), io("python-asyncio", around(300, 2)))));
        add("1.1-io", "asyncio never overlapped", CONTRADICTED, () -> evidence(exp("io", io("go-goroutine", around(110, 2)),
                io("python-asyncio", around(5000, 2)))));
        add("1.1-io", "some processes overlapped", INCONCLUSIVE, () -> evidence(exp("io", io("go-goroutine", around(110, 2)),
                io("python-asyncio", 800, 1200, 1300))));
        // 1.1 threads
        add("1.1-threads", "1 and a few", SUPPORTED, () -> evidence(exp("io", io("go-goroutine", around(110, 2)),
                io("python-asyncio", around(180, 2)))));
        add("1.1-threads", "a thread per goroutine", CONTRADICTED, () -> evidence(exp("io",
                r("go-goroutine", "io").params(10_000, 100.0, 200).threads(10_000).ok(around(110, 2)), io("python-asyncio", around(180, 2)))));
        // 1.1 parallel
        Supplier<Map<String, List<Result>>> py = () -> exp("cpu-cores-py", cpu("python-asyncio", 1, around(800, 0.5)),
                cpu("python-asyncio", 2, around(802, 0.5)));
        add("1.1-parallel", "Go parallel, asyncio and the JVM loop not", NUANCED, () -> evidence(exp("cpu-cores",
                cpu("go-goroutine", 1, around(20, 1)), cpu("go-goroutine", 2, around(10.5, 1)), cpu("eventloop", 1, around(20, 0.5)),
                cpu("eventloop", 2, around(20.1, 0.5))), py.get()));
        add("1.1-parallel", "no JVM loop beside it: the reason is still corrected", NUANCED, () -> evidence(exp("cpu-cores",
                cpu("go-goroutine", 1, around(20, 1)), cpu("go-goroutine", 2, around(10.5, 1))), py.get()));
        add("1.1-parallel", "goroutines did not speed up", CONTRADICTED, () -> evidence(exp("cpu-cores",
                cpu("go-goroutine", 1, around(20, 0.5)), cpu("go-goroutine", 2, around(20, 0.5))), py.get()));
        add("1.1-parallel", "goroutines slower on 2 cores: an anomaly", UNAVAILABLE, () -> evidence(exp("cpu-cores",
                cpu("go-goroutine", 1, around(20, 0.5)), cpu("go-goroutine", 2, around(30, 0.5))), py.get()));
        add("1.1-parallel", "asyncio too noisy", INCONCLUSIVE, () -> evidence(exp("cpu-cores",
                cpu("go-goroutine", 1, around(20, 1)), cpu("go-goroutine", 2, around(10.5, 1))), exp("cpu-cores-py",
                cpu("python-asyncio", 1, 700, 800, 900), cpu("python-asyncio", 2, 650, 800, 950))));
        add("1.1-parallel", "Go missing, virtual stands in", ILLUSTRATION, () -> evidence(exp("cpu-cores",
                Result.skipped("go-goroutine", "cpu", 1, Fixture.params(40, null, 200), 1, "go not found on PATH"),
                Result.skipped("go-goroutine", "cpu", 2, Fixture.params(40, null, 200), 1, "go not found on PATH"),
                cpu("virtual", 1, around(20, 1)), cpu("virtual", 2, around(10.5, 1))), py.get()));
        // 1.1 block
        add("1.1-block", "asyncio blocked for the batch, Go served in between", SUPPORTED, () -> evidence(
                exp("lag-py", lag("python-asyncio", "cpu", 500, 510)), exp("lag-go", lag("go-goroutine", "cpu", 500, 31))));
        add("1.1-block", "Go waited for its goroutines", CONTRADICTED, () -> evidence(exp("lag-py", lag("python-asyncio", "cpu", 500, 510)),
                exp("lag-go", lag("go-goroutine", "cpu", 500, 450))));
        add("1.1-block", "only the JVM loop has a probe", ILLUSTRATION, () -> evidence(exp("lag", lag("eventloop", "cpu", 500, 550))));
        add("1.1-block", "asyncio probed, Go not: no JVM stand-in for goroutines", UNAVAILABLE, () -> evidence(
                exp("lag-py", lag("python-asyncio", "cpu", 500, 510)), exp("lag", lag("eventloop", "cpu", 500, 550))));
        add("1.1-block", "no probe anywhere", UNAVAILABLE, () -> evidence(exp("lag", r("eventloop", "cpu").cores(1).ok(around(500, 1)))));
        // 1.1 channels: a definition
        Supplier<Map<String, List<Result>>> pipe = () -> exp("pipeline", r("go-goroutine", "pipeline").params(2000, null, 200)
                .ok(around(4, 2)), r("python-asyncio", "pipeline").params(2000, null, 200).ok(around(60, 2)));
        add("1.1-channels", "both ran", ILLUSTRATION, () -> evidence(pipe.get()));
        add("1.1-channels", "asyncio missing", UNAVAILABLE, () -> evidence(exp("pipeline",
                r("go-goroutine", "pipeline").params(2000, null, 200).ok(around(4, 2)))));
        // 1.2 one thread
        add("1.2-onethread", "no speedup, tightly", SUPPORTED, () -> evidence(exp("cpu-cores", cpu("eventloop", 1, around(20, 0.5)),
                cpu("eventloop", 2, around(20.1, 0.5)))));
        add("1.2-onethread", "the loop's process sped up: not the loop's thread", INCONCLUSIVE, () -> evidence(exp("cpu-cores",
                cpu("eventloop", 1, around(20, 0.5)), cpu("eventloop", 2, around(12, 0.5)))));
        add("1.2-onethread", "noisy", INCONCLUSIVE, () -> evidence(exp("cpu-cores", cpu("eventloop", 1, 16, 20, 24),
                cpu("eventloop", 2, 15, 19, 25))));
        add("1.2-onethread", "slower on 2 cores: an anomaly", UNAVAILABLE, () -> evidence(exp("cpu-cores",
                cpu("eventloop", 1, around(20, 0.5)), cpu("eventloop", 2, around(30, 0.5)))));
        // 1.2 threads
        add("1.2-threads", "the pool scaled", SUPPORTED, () -> evidence(exp("cpu-cores", cpu("platform", 1, around(20, 1)),
                cpu("platform", 2, around(10.5, 1)))));
        add("1.2-threads", "the pool did not", CONTRADICTED, () -> evidence(exp("cpu-cores", cpu("platform", 1, around(20, 0.5)),
                cpu("platform", 2, around(20, 0.5)))));
        add("1.2-threads", "noisy", INCONCLUSIVE, () -> evidence(exp("cpu-cores", cpu("platform", 1, 16, 20, 24),
                cpu("platform", 2, 11, 15, 19))));
        // 1.2 io and cpu, at equal concurrency
        Supplier<Map<String, List<Result>>> cpu2 = () -> exp("cpu-cores", cpu("eventloop", 2, around(40, 1)), cpu("platform", 2, around(21, 1)));
        add("1.2-iocpu", "same waits on 1 thread, pool faster on CPU", SUPPORTED, () -> evidence(exp("io",
                r("eventloop", "io").params(10_000, 100.0, 10_000).threads(1).ok(around(110, 1)),
                r("platform", "io").params(10_000, 100.0, 10_000).threads(10_000).ok(around(112, 1))), cpu2.get()));
        add("1.2-iocpu", "the pool was faster on I/O", CONTRADICTED, () -> evidence(exp("io",
                r("eventloop", "io").params(10_000, 100.0, 10_000).threads(1).ok(around(300, 1)),
                r("platform", "io").params(10_000, 100.0, 10_000).threads(10_000).ok(around(112, 1))), cpu2.get()));
        add("1.2-iocpu", "unequal pool: the I/O half is not judged", INCONCLUSIVE, () -> evidence(exp("io",
                r("eventloop", "io").params(10_000, 100.0, 1000).threads(1).ok(around(110, 1)),
                r("platform", "io").params(10_000, 100.0, 1000).threads(1000).ok(around(1010, 1))), cpu2.get()));
        // 1.2 cost
        add("1.2-cost", "virtual far faster", NUANCED, () -> evidence(exp("io", io("platform-per-task", around(1900, 3)),
                io("virtual", around(115, 2)))));
        add("1.2-cost", "the same", CONTRADICTED, () -> evidence(exp("io", io("platform-per-task", around(115, 1)),
                io("virtual", around(115, 1)))));
        add("1.2-cost", "noisy", INCONCLUSIVE, () -> evidence(exp("io", io("platform-per-task", 100, 140, 180),
                io("virtual", 90, 115, 140))));
        // 1.2 race
        add("1.2-race", "threads lose, the loop only with an await", NUANCED, () -> evidence(exp("race",
                race("platform", "race", 5000, 0), race("eventloop", "race", 0, 0), race("eventloop", "race-await", 100_000, 0))));
        add("1.2-race", "no loss this time", INCONCLUSIVE, () -> evidence(exp("race",
                race("platform", "race", 0, 0), race("eventloop", "race", 0, 0), race("eventloop", "race-await", 100_000, 0))));
        add("1.2-race", "the loop lost none with an await: a concur bug", UNAVAILABLE, () -> evidence(exp("race",
                race("platform", "race", 5000, 0), race("eventloop", "race", 0, 0), race("eventloop", "race-await", 0, 0))));
        add("1.2-race", "the atomic counter lost: a concur bug", UNAVAILABLE, () -> evidence(exp("race",
                race("platform", "race", 5000, 3), race("eventloop", "race", 0, 0), race("eventloop", "race-await", 100_000, 0))));
        add("1.2-race", "the loop lost without an await: a concur bug", UNAVAILABLE, () -> evidence(exp("race",
                race("platform", "race", 5000, 0), race("eventloop", "race", 7, 0), race("eventloop", "race-await", 100_000, 0))));
        // 1.3
        add("1.3-emitter", "waits overlap; emit() one event at a time, setImmediate all at once, the loop waits in both",
                NUANCED, () -> evidence(exp("io", io("node-eventloop", around(120, 2))),
                        exp("emit", emit("node-eventloop", "emit", 110, 105, 1, 1, 1), emit("node-eventloop", "emit-deferred", 112, 107, 10, 10, 10))));
        add("1.3-emitter", "the deferred form let the probe run", NUANCED, () -> evidence(exp("io", io("node-eventloop", around(120, 2))),
                exp("emit", emit("node-eventloop", "emit", 110, 105, 1, 1, 1), emit("node-eventloop", "emit-deferred", 112, 6, 10, 10, 10))));
        add("1.3-emitter", "emit() returned before its listeners in one process", SUPPORTED, () -> evidence(
                exp("io", io("node-eventloop", around(120, 2))),
                exp("emit", emit("node-eventloop", "emit", 110, 105, 1, 3, 1), emit("node-eventloop", "emit-deferred", 112, 107, 10, 10, 10))));
        add("1.3-emitter", "one event at a time, yet the probe was served", INCONCLUSIVE, () -> evidence(
                exp("io", io("node-eventloop", around(120, 2))),
                exp("emit", emit("node-eventloop", "emit", 110, 6, 1, 1, 1), emit("node-eventloop", "emit-deferred", 112, 107, 10, 10, 10))));
        add("1.3-emitter", "Node never overlapped its waits", CONTRADICTED, () -> evidence(exp("io", io("node-eventloop", around(5000, 2))),
                exp("emit", emit("node-eventloop", "emit", 110, 105, 1, 1, 1), emit("node-eventloop", "emit-deferred", 112, 107, 10, 10, 10))));
        add("1.3-emitter", "some processes overlapped, some did not", INCONCLUSIVE, () -> evidence(
                exp("io", io("node-eventloop", 900, 1000, 1100)),
                exp("emit", emit("node-eventloop", "emit", 110, 105, 1, 1, 1), emit("node-eventloop", "emit-deferred", 112, 107, 10, 10, 10))));
        add("1.3-emitter", "the emit experiment did not run", UNAVAILABLE, () -> evidence(exp("io", io("node-eventloop", around(120, 2)))));
        add("1.3-emitter", "no Node here: the JVM's loop stood in", ILLUSTRATION, () -> evidence(exp("io", io("eventloop", around(104, 2))),
                exp("emit", emit("eventloop", "emit", 100, 95, 1, 1, 1), emit("eventloop", "emit-deferred", 101, 96, 10, 10, 10))));
        add("1.3-rx", "Reactor ran", ILLUSTRATION, () -> evidence(exp("pipeline", r("reactive", "pipeline").params(2000, null, 200)
                .ok(around(9, 2)))));
        add("1.3-rx", "Reactor missing", UNAVAILABLE, () -> evidence(exp("pipeline")));
        add("1.3-rx", "Reactor and RxJS ran, the same hops: a ratio shown, not judged", ILLUSTRATION, () -> evidence(exp("pipeline",
                r("reactive", "pipeline").params(2000, null, 1).ok(around(9, 2)),
                r("node-rxjs", "pipeline").params(2000, null, 1).ok(around(6, 2)))));
        add("1.3-reactive", "all three ran", ILLUSTRATION, () -> evidence(exp("io", io("reactive", around(180, 2)),
                io("eventloop", around(104, 2)), io("virtual", around(115, 2)))));
        add("1.3-reactive", "reactive missing", UNAVAILABLE, () -> evidence(exp("io", io("eventloop", around(104, 2)))));
        // 1.4
        add("1.4-sequential", "no speedup, tightly", SUPPORTED, () -> evidence(exp("seqpar-cpu", cpu("sequential", 1, around(40, 0.5)),
                cpu("sequential", 2, around(39.5, 0.5)))));
        add("1.4-sequential", "sped up beyond the band: the JVM's own threads", NUANCED, () -> evidence(exp("seqpar-cpu",
                cpu("sequential", 1, around(40, 0.5)), cpu("sequential", 2, around(30, 0.5)))));
        add("1.4-sequential", "1.1x, noisy (printed once as 'changes nothing')", INCONCLUSIVE, () -> evidence(exp("seqpar-cpu",
                cpu("sequential", 1, 40, 44, 48), cpu("sequential", 2, 36, 40, 44))));
        add("1.4-parallel", "ForkJoin scaled", SUPPORTED, () -> evidence(exp("seqpar-cpu", cpu("sequential", 2, around(40, 1)),
                cpu("forkjoin", 2, around(21, 1)), cpu("sequential", 1, around(40, 0.5)), cpu("forkjoin", 1, around(40.2, 0.5)))));
        add("1.4-parallel", "ForkJoin did not", CONTRADICTED, () -> evidence(exp("seqpar-cpu", cpu("sequential", 2, around(40, 0.5)),
                cpu("forkjoin", 2, around(40, 0.5)))));
        add("1.4-parallel", "noisy", INCONCLUSIVE, () -> evidence(exp("seqpar-cpu", cpu("sequential", 2, 30, 40, 50),
                cpu("forkjoin", 2, 20, 30, 40))));
        add("1.4-concurrent", "the loop used the waits", SUPPORTED, () -> evidence(exp("seqpar-io",
                r("eventloop", "io").cores(1).params(50, 10.0, 200).ok(around(11, 1)),
                r("sequential", "io").cores(1).params(50, 10.0, 200).ok(around(505, 1)))));
        add("1.4-concurrent", "the loop was slower", CONTRADICTED, () -> evidence(exp("seqpar-io",
                r("eventloop", "io").cores(1).params(50, 10.0, 200).ok(around(600, 1)),
                r("sequential", "io").cores(1).params(50, 10.0, 200).ok(around(505, 1)))));
        add("1.4-concurrent", "noisy", INCONCLUSIVE, () -> evidence(exp("seqpar-io",
                r("eventloop", "io").cores(1).params(50, 10.0, 200).ok(300, 500, 700),
                r("sequential", "io").cores(1).params(50, 10.0, 200).ok(around(505, 1)))));
        add("1.4-timeline", "the three shapes", SUPPORTED, () -> evidence(timelines(true)));
        add("1.4-timeline", "ForkJoin ran one at a time", CONTRADICTED, () -> evidence(timelines(false)));
        add("1.4-timeline", "no traces", UNAVAILABLE, () -> evidence(exp("seqpar-cpu")));
        Supplier<Result> seq200 = () -> r("sequential", "cpu").cores(2).params(200, null, 2).taskDone(100).ok(around(200, 1));
        add("1.4-pertask", "the batch sooner, each task later", NUANCED, () -> evidence(exp("pertask", seq200.get(),
                r("platform", "cpu").cores(2).params(200, null, 2).taskDone(50).ok(around(101, 1)),
                r("platform-per-task", "cpu").cores(2).params(200, null, 2).taskDone(95).ok(around(103, 1)))));
        add("1.4-pertask", "each task sooner too", SUPPORTED, () -> evidence(exp("pertask", seq200.get(),
                r("platform", "cpu").cores(2).params(200, null, 2).taskDone(50).ok(around(101, 1)),
                r("platform-per-task", "cpu").cores(2).params(200, null, 2).taskDone(30).ok(around(103, 1)))));
        add("1.4-pertask", "two threads did not speed the batch", CONTRADICTED, () -> evidence(exp("pertask", seq200.get(),
                r("platform", "cpu").cores(2).params(200, null, 2).taskDone(100).ok(around(200, 0.5)),
                r("platform-per-task", "cpu").cores(2).params(200, null, 2).taskDone(95).ok(around(200, 1)))));
        // 1.5
        Supplier<Map<String, List<Result>>> pyIo = () -> exp("python-io", r("python-sequential", "io").params(50, 10.0, 200).ok(around(520, 1)),
                r("python-threading", "io").params(50, 10.0, 200).ok(around(15, 2)),
                r("python-multiprocessing", "io").params(50, 10.0, 200).ok(around(260, 1)),
                r("python-celery", "io").params(50, 10.0, 200).ok(around(290, 1)));
        add("1.5-table", "only processes beat sequential on CPU", ILLUSTRATION, () -> evidence(pyIo.get(), exp("python-cpu",
                r("python-sequential", "cpu").ok(around(800, 1)), r("python-multiprocessing", "cpu").ok(around(420, 1)))));
        add("1.5-table", "no sequential baseline", UNAVAILABLE, () -> evidence(exp("python-cpu")));
        add("1.5-threading", "helps waiting, not computing", SUPPORTED, () -> evidence(pyIo.get(), exp("python-cpu",
                r("python-sequential", "cpu").ok(around(800, 0.5)), r("python-threading", "cpu").ok(around(805, 0.5)))));
        add("1.5-threading", "threads slower than sequential on CPU", SUPPORTED, () -> evidence(pyIo.get(), exp("python-cpu",
                r("python-sequential", "cpu").ok(around(800, 0.5)), r("python-threading", "cpu").ok(around(1000, 0.5)))));
        add("1.5-threading", "threads sped up CPU", CONTRADICTED, () -> evidence(pyIo.get(), exp("python-cpu",
                r("python-sequential", "cpu").ok(around(800, 0.5)), r("python-threading", "cpu").ok(around(420, 0.5)))));
        add("1.5-threading", "noisy CPU", INCONCLUSIVE, () -> evidence(pyIo.get(), exp("python-cpu",
                r("python-sequential", "cpu").ok(700, 800, 900), r("python-threading", "cpu").ok(600, 800, 1000))));
        add("1.5-processes", "multiprocessing scaled", SUPPORTED, () -> evidence(exp("python-cpu",
                r("python-sequential", "cpu").ok(around(800, 1)), r("python-multiprocessing", "cpu").ok(around(420, 1)))));
        add("1.5-processes", "it did not", CONTRADICTED, () -> evidence(exp("python-cpu",
                r("python-sequential", "cpu").ok(around(800, 0.5)), r("python-multiprocessing", "cpu").ok(around(800, 0.5)))));
        add("1.5-processes", "noisy", INCONCLUSIVE, () -> evidence(exp("python-cpu",
                r("python-sequential", "cpu").ok(600, 800, 1000), r("python-multiprocessing", "cpu").ok(400, 600, 800))));
        // the round trip beside it is shown, never judged: the verdict is Celery's hand-over against its batch
        Supplier<Map<String, List<Result>>> roundTrip = () -> exp("roundtrip", r("python-sequential", "cpu").params(1, null, 200).ok(around(0.004, 2)),
                r("python-multiprocessing", "cpu").params(1, null, 200).ok(around(0.2, 2)),
                r("python-celery", "cpu").params(1, null, 200).ok(around(1.5, 2)));
        Supplier<Result> mpHandedOver = () -> r("python-multiprocessing", "io").params(50, 10.0, 200).handedOver(0.05, 0.06, 0.07)
                .ok(around(260, 1));
        add("1.5-celery", "apply_async returned long before the results", SUPPORTED, () -> evidence(roundTrip.get(), exp("python-io",
                r("python-celery", "io").params(50, 10.0, 200).handedOver(14, 15, 16).ok(around(290, 1)), mpHandedOver.get())));
        add("1.5-celery", "the same, no round trip measured", SUPPORTED, () -> evidence(exp("python-io",
                r("python-celery", "io").params(50, 10.0, 200).handedOver(14, 15, 16).ok(around(290, 1)))));
        add("1.5-celery", "apply_async took as long as the work (eager)", CONTRADICTED, () -> evidence(roundTrip.get(), exp("python-io",
                r("python-celery", "io").params(50, 10.0, 200).handedOver(285, 288, 291).ok(around(290, 0.5)), mpHandedOver.get())));
        add("1.5-celery", "hand-over times all over the place", INCONCLUSIVE, () -> evidence(roundTrip.get(), exp("python-io",
                r("python-celery", "io").params(50, 10.0, 200).handedOver(40, 200, 280).ok(around(290, 1)), mpHandedOver.get())));
        add("1.5-celery", "Celery did not time its hand-over (an older report)", UNAVAILABLE, () -> evidence(pyIo.get(), roundTrip.get()));
        add("1.5-celery", "Celery missing", UNAVAILABLE, () -> evidence(exp("python-io",
                r("python-multiprocessing", "io").params(50, 10.0, 200).ok(around(260, 1)))));
    }

    static {
        ServerCases.addTo(ClaimOutcomesTest::add);   // the four server slides (concur load), in a file of their own
    }

    private static Claims.Claim claim(String id) {
        return Claims.ALL.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> eachCaseGivesItsOutcomeInBothLanguages() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.claim() + ": " + c.what() + " -> " + c.expected(), () -> {
            for (String lang : List.of("en", "es")) {
                Verdict v = claim(c.claim()).rule().apply(c.evidence().get(), new Text(lang)).verdict();
                assertEquals(c.expected(), v.outcome(), lang + ": " + v.text());
                if (Boolean.getBoolean("concur.printVerdicts")) System.out.println(c.claim() + " [" + lang + "] " + v.outcome() + ": " + v.text());
                assertFalse(v.text().isBlank());
                assertFalse(v.text().contains("{") || v.text().contains("''"), "a placeholder or quote left in: " + v.text());
            }
        }));
    }

    @Test
    void everyMeasuredClaimCanGiveTwoOutcomesOneOfThemNotSupported() {
        Map<String, Set<Outcome>> reached = new LinkedHashMap<>();
        for (Case c : CASES) reached.computeIfAbsent(c.claim(), k -> EnumSet.noneOf(Outcome.class)).add(c.expected());
        StringBuilder table = new StringBuilder("claim outcomes reached by ClaimOutcomesTest:\n");
        for (Claims.Claim c : Claims.ALL) {
            if (c.experiments().isEmpty()) continue; // not measured here: text only
            Set<Outcome> r = reached.getOrDefault(c.id(), Set.of());
            table.append(String.format("  %-16s %s%n", c.id(), r));
            assertTrue(r.size() >= 2, c.id() + " reaches only " + r);
            assertTrue(r.stream().anyMatch(o -> o != SUPPORTED), c.id() + " reaches only supported");
        }
        System.out.print(table);
    }

    @Test
    void everyClaimStatesItsRuleInBothLanguages() {
        for (String lang : List.of("en", "es")) {
            Text t = new Text(lang);
            for (Claims.Claim c : Claims.ALL) {
                assertTrue(t.has("rule." + c.id()), lang + ": rule." + c.id());
                String rule = t.get("rule." + c.id(), "95 %", "1.2×", "0.83×", 3);
                assertFalse(rule.contains("{") || rule.contains("''"), rule);
            }
        }
    }

    @Test
    void theIoCpuSlideShowsWhatEachPaysForTheSameWaits() {
        // CPU per task from the io batches themselves; memory per task from the same waits held alive at once (hold)
        Evidence e = evidence(exp("io",
                        r("eventloop", "io").params(10_000, 100.0, 10_000).threads(1).cpu(4_000).ok(around(110, 1)),
                        r("platform", "io").params(10_000, 100.0, 10_000).threads(10_000).cpu(48_000).ok(around(112, 1))),
                exp("cpu-cores", cpu("eventloop", 2, around(40, 1)), cpu("platform", 2, around(21, 1))),
                exp("io-hold",
                        r("eventloop", "hold").params(10_000, 100.0, 10_000).rss(300).ok(around(140, 1)),
                        r("platform", "hold").params(10_000, 100.0, 10_000).rss(40_000).ok(around(900, 1))));
        for (String lang : List.of("en", "es")) {
            Text t = new Text(lang);
            Claims.Body b = claim("1.2-iocpu").rule().apply(e, t);
            List<String> h = b.table().headers();
            int cpuCol = h.indexOf(t.get("col.cpupertask"));
            int memCol = h.indexOf(t.get("col.memory"));
            assertTrue(cpuCol > 0 && memCol > 0, lang + ": " + h);
            assertEquals(List.of(t.micros(4), t.micros(48)), b.table().rows().stream().map(r -> r.get(cpuCol)).toList(), lang);
            assertEquals(List.of(t.bytes(300), t.bytes(40_000)), b.table().rows().stream().map(r -> r.get(memCol)).toList(), lang);
            // the figures are shown, not judged: the verdict is the rule's on time and threads alone
            assertEquals(SUPPORTED, b.verdict().outcome(), lang);
        }
        // an older report without either: the cells say so, the verdict stands
        Claims.Body old = claim("1.2-iocpu").rule().apply(evidence(exp("io",
                r("eventloop", "io").params(10_000, 100.0, 10_000).threads(1).ok(around(110, 1)),
                r("platform", "io").params(10_000, 100.0, 10_000).threads(10_000).ok(around(112, 1))),
                exp("cpu-cores", cpu("eventloop", 2, around(40, 1)), cpu("platform", 2, around(21, 1)))), new Text("en"));
        assertEquals(List.of("–", "–", "–", "–"), old.table().rows().stream().flatMap(r -> java.util.stream.Stream.of(r.get(3), r.get(4))).toList());
        assertEquals(SUPPORTED, old.verdict().outcome());
    }

    @Test
    void aNoisySpeedupIsNeverPrintedBesideNoEffect() {
        // recorded once: "≈1.2×" printed beside "the second core changes nothing"
        Evidence e = evidence(exp("seqpar-cpu", cpu("sequential", 1, 40, 44, 48), cpu("sequential", 2, 36, 40, 44)));
        Verdict v = claim("1.4-sequential").rule().apply(e, new Text("en")).verdict();
        assertFalse(v.text().contains("changes nothing"), v.text());
        assertTrue(v.text().contains("["), "the interval is printed: " + v.text());
    }
}
