package dev.concur.lecture;

import static dev.concur.lecture.Rules.allOk;
import static dev.concur.lecture.Rules.cell;
import static dev.concur.lecture.Rules.mem;
import static dev.concur.lecture.Rules.missing;
import static dev.concur.lecture.Rules.ratio;
import static dev.concur.lecture.Rules.speedup;
import static dev.concur.lecture.Rules.table;
import static dev.concur.lecture.Rules.threadsOf;
import static dev.concur.lecture.Rules.verdict;

import dev.concur.lecture.Claims.Body;
import dev.concur.lecture.Evidence.Pick;
import dev.concur.lecture.Judge.Scaling;
import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Alive;
import dev.concur.result.Result;
import dev.concur.stats.Ratio;
import java.util.ArrayList;
import java.util.List;

/** Question 1.1: what goroutines solve compared with asyncio's coroutines. */
final class Q11 {
    private Q11() {}

    /**
     * A batch "overlapped" its waits when, in every process, it took less than this many single waits:
     * on average at least N / OVERLAP waits were in flight at once (a runtime's own overhead, e.g.
     * CPython creating 10,000 tasks, must not read as "does not overlap").
     */
    static final double OVERLAP = 10;
    /** OS threads a runtime may use for many tasks and still be "a few": this many per core, plus this many. */
    static final int THREADS_PER_CORE = 2;
    static final int THREADS_EXTRA = 4;
    /** "Create no new threads": the asyncio process runs on its one thread. */
    static final int LOOP_THREADS = 1;
    /**
     * A runtime "blocks" when its probe waited (p99) at least this share of the whole batch: it was
     * served only once the computing tasks were done, not in between. A share of one task's time
     * would judge a fair scheduler's round-robin wait (10 goroutines × Go's 10 ms slices) as blocking.
     */
    static final double BLOCKED = 0.5;

    static final List<String> WEIGHT_MODELS = List.of("go-goroutine", "python-asyncio", "virtual", "eventloop");

    /** Whether a result held every one of its tasks alive at once, by its runtime's own count. */
    static boolean held(Result r) {
        return r != null && r.ok() && r.alive() != null && r.alive().complete();
    }

    /** A result that did not run to the end for a reason of the harness (time limit, skipped), not of the runtime. */
    static boolean harness(Result r) {
        return r == null || Result.TIMEOUT.equals(r.status()) || Result.SKIPPED.equals(r.status());
    }

    static String alive(Text t, Result r) {
        Alive a = r == null ? null : r.alive();
        return a == null ? "–" : t.n(a.peak());
    }

    /** What the runtime says it spends per task: Go's goroutine stacks, Node's heap, the JVM's heap. */
    static String own(Text t, Result r) {
        String k = ownKey(r);
        return k == null ? "–" : t.bytes(r.alive().runtime().get(k) / r.alive().tasks()) + " (" + k + ")";
    }

    /** The runtime's own figure per task, without its name, or "–". */
    static String ownBytes(Text t, Result r) {
        String k = ownKey(r);
        return k == null ? "–" : t.bytes(r.alive().runtime().get(k) / r.alive().tasks());
    }

    private static String ownKey(Result r) {
        if (r == null || !r.ok() || r.alive() == null || !r.alive().complete()) return null;
        for (String k : List.of("stackInuse", "heapUsed")) if (r.alive().runtime().containsKey(k)) return k;
        return null;
    }

    static Body weight(Evidence e, Text t) {
        List<List<String>> rows = new ArrayList<>();
        List<Pick> all = new ArrayList<>();
        Pick goAt = null;
        Pick pyAt = null;
        for (String exp : List.of("weight", "weight-1m")) {
            if (!e.reports().containsKey(exp)) continue;
            for (String model : WEIGHT_MODELS) {
                Pick p = e.pick(exp, model, "hold", null);
                all.add(p);
                Result r = p.result();
                rows.add(List.of(p.label(t), r == null ? "–" : t.n(r.params().tasks()), alive(t, r), cell(t, p), mem(t, r), own(t, r),
                        threadsOf(t, r)));
            }
            Pick g = e.pick(exp, "go-goroutine", "hold", null);
            Pick py = e.pick(exp, "python-asyncio", "hold", null);
            // the largest size at which both were really tried (ran, or failed by themselves)
            if (!harness(g.result()) && !harness(py.result())) {
                goAt = g;
                pyAt = py;
            }
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.tasks"), t.get("col.alive"), t.get("col.batch"),
                t.get("col.memory"), t.get("col.own"), t.get("col.threads")), rows);
        List<String> cav = new ArrayList<>(List.of(t.get("v.weight.caveat")));
        if (goAt == null) {
            return missing(t, table, cav, e.pick("weight", "go-goroutine", "hold", null), e.pick("weight", "python-asyncio", "hold", null));
        }
        Result g = goAt.result();
        Result p = pyAt.result();
        boolean gh = held(g);
        boolean ph = held(p);
        int n = (gh || p == null ? g : p).params().tasks();
        if ((g != null && g.ok() && g.alive() == null) || (p != null && p.ok() && p.alive() == null)) {
            return missing(t, table, cav, new Pick("alive", null, null, t.get("v.weight.nocount")));
        }
        String scale = n < 1_000_000 ? " " + t.get("v.weight.nomillions") : "";
        if (gh && ph) {
            String stacks = goAt.standIn() == null && "stackInuse".equals(ownKey(g)) ? " " + t.get("v.weight.stacks", ownBytes(t, g)) : "";
            return verdict(t, table, Outcome.NUANCED, t.get("v.weight", t.n(n), mem(t, g), mem(t, p)) + stacks + scale, cav, goAt, pyAt);
        }
        if (gh) {
            return verdict(t, table, Outcome.SUPPORTED, t.get("v.weight.py", t.n(n), Rules.why(t, p)) + scale, cav, goAt, pyAt);
        }
        if (ph) {
            return verdict(t, table, Outcome.CONTRADICTED, t.get("v.weight.go", t.n(n), Rules.why(t, g)), cav, goAt, pyAt);
        }
        return missing(t, table, cav, goAt, pyAt);
    }

    /** Whether every process of {@code r} finished its batch under {@link #OVERLAP} single waits: +1 all, -1 none, 0 some. */
    static int overlapped(Result r) {
        double latency = r.params().latencyMs() == null ? 0 : r.params().latencyMs();
        List<Double> means = Judge.processMeans(r);
        if (means.size() < dev.concur.stats.Ratio.MIN_PROCESSES || latency <= 0) return 0;
        long under = means.stream().filter(m -> m < OVERLAP * latency).count();
        return under == means.size() ? 1 : under == 0 ? -1 : 0;
    }

    static Body io(Evidence e, Text t) {
        Pick g = e.pick("io", "go-goroutine", "io", null);
        Pick p = e.pick("io", "python-asyncio", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(g, p, e.pick("io", "virtual", "io", null), e.pick("io", "eventloop", "io", null))) {
            rows.add(List.of(x.label(t), cell(t, x), x.ok() && x.result().efficiency() != null
                    ? t.pct(x.result().efficiency().value()) : "–", x.ok() ? t.n(x.result().batchTime().samplesPerFork().size()) : "–"));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.efficiency"), t.get("col.processes")), rows);
        if (!allOk(g, p)) return missing(t, table, List.of(), g, p);
        var params = g.result().params();
        double latency = params.latencyMs() == null ? 0 : params.latencyMs();
        int og = overlapped(g.result());
        int op = overlapped(p.result());
        String text = t.get("v.io", t.n(params.tasks()), t.time(g.result()), t.time(p.result()), t.ms(latency), t.ms(OVERLAP * latency));
        if (og > 0 && op > 0) return verdict(t, table, Outcome.SUPPORTED, text, List.of(), g, p);
        if (og < 0 || op < 0) return verdict(t, table, Outcome.CONTRADICTED, text + " " + t.get("v.io.not",
                og < 0 ? g.label(t) : p.label(t)), List.of(), g, p);
        return verdict(t, table, Outcome.INCONCLUSIVE, text + " " + t.get("v.io.some"), List.of(), g, p);
    }

    /** The cores a result's processes saw: its limit, else the first fork's, else the machine's. */
    static int coresSeen(Evidence e, String exp, Result r) {
        if (r.cores() != null) return r.cores();
        if (r.forks() != null && !r.forks().isEmpty()) return r.forks().get(0).availableProcessors();
        return e.reports().get(exp).environment().availableProcessors();
    }

    static Body threads(Evidence e, Text t) {
        Pick g = e.pick("io", "go-goroutine", "io", null);
        Pick p = e.pick("io", "python-asyncio", "io", null);
        Pick perTask = e.pick("io", "platform-per-task", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(g, p, perTask)) {
            rows.add(List.of(x.label(t), x.result() == null ? "–" : t.n(x.result().params().tasks()), threadsOf(t, x.result())));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.tasks"), t.get("col.osthreads")), rows);
        if (!allOk(g, p) || Evidence.threads(g.result()) == null || Evidence.threads(p.result()) == null) {
            return missing(t, table, List.of(), g, p);
        }
        int n = g.result().params().tasks();
        int pyThreads = Evidence.threads(p.result());
        int goThreads = Evidence.threads(g.result());
        int few = THREADS_PER_CORE * coresSeen(e, "io", g.result()) + THREADS_EXTRA;
        String text = t.get("v.threads", t.n(n), pyThreads, goThreads, few,
                perTask.ok() && Evidence.threads(perTask.result()) != null ? t.n(Evidence.threads(perTask.result())) : "–");
        if (pyThreads <= LOOP_THREADS && goThreads <= few) return verdict(t, table, Outcome.SUPPORTED, text, List.of(), g, p);
        return verdict(t, table, Outcome.CONTRADICTED, text, List.of(), g, p);
    }

    static Body parallel(Evidence e, Text t) {
        Pick[] g = e.pickPair("cpu-cores", "go-goroutine", "cpu", 1, 2);
        Pick[] py = e.pickPair("cpu-cores-py", "python-asyncio", "cpu", 1, 2);
        Result l1 = e.get("cpu-cores", "eventloop", "cpu", 1);
        Result l2 = e.get("cpu-cores", "eventloop", "cpu", 2);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(g[0].label(t), cell(t, g[0]), cell(t, g[1]), speedup(t, g[0].result(), g[1].result())));
        rows.add(List.of(py[0].label(t), cell(t, py[0]), cell(t, py[1]), speedup(t, py[0].result(), py[1].result())));
        for (String m : List.of("eventloop", "virtual", "platform")) {
            Result a = e.get("cpu-cores", m, "cpu", 1);
            Result b = e.get("cpu-cores", m, "cpu", 2);
            rows.add(List.of(m, cell(t, a), cell(t, b), speedup(t, a, b)));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.one"), t.get("col.two", 2), t.get("col.speedup")), rows);
        if (!allOk(g[0], g[1], py[0], py[1])) return missing(t, table, List.of(), g[0], g[1], py[0], py[1]);
        Ratio gr = Judge.speedup(g[0].result(), g[1].result());
        Ratio pr = Judge.speedup(py[0].result(), py[1].result());
        Scaling gs = Judge.scaling(gr);
        Scaling ps = Judge.scaling(pr);
        String gx = ratio(t, gr);
        String px = ratio(t, pr);
        Pick[] picks = {g[0], g[1], py[0], py[1]};
        long goWork = g[0].result().params().work(), pyWork = py[0].result().params().work();
        List<String> cav = goWork == pyWork ? List.of() : List.of(t.get("cav.parallel.work", t.n(pyWork), t.n(goWork)));
        if (gs == Scaling.SPEEDUP && ps == Scaling.NONE) {
            // the reason: a loop without a GIL, measured beside it, does not scale either
            // the prediction holds, the reason does not: an event loop is one thread by design, GIL or not;
            // a JVM loop (no GIL) beside it shows that, when it was measured and does not scale either
            Ratio lr = Judge.speedup(l1, l2);
            if (allOk(l1, l2) && Judge.scaling(lr) == Scaling.NONE) {
                return verdict(t, table, Outcome.NUANCED, t.get("v.parallel", gx, px, ratio(t, lr)), cav, picks);
            }
            return verdict(t, table, Outcome.NUANCED, t.get("v.parallel.yes", gx, px), cav, picks);
        }
        if (gs == Scaling.SLOWDOWN) return Rules.suspect(t, table, t.get("v.slower", "go-goroutine", gx));
        if (gs == Scaling.NONE) {
            return verdict(t, table, Outcome.CONTRADICTED, t.get("v.parallel.go", gx, px), cav, picks);
        }
        if (ps == Scaling.SPEEDUP) return verdict(t, table, Outcome.CONTRADICTED, t.get("v.parallel.py", gx, px), cav, picks);
        String unclear = gs == Scaling.SPEEDUP ? py[0].label(t) : ps == Scaling.NONE ? g[0].label(t) : g[0].label(t) + ", " + py[0].label(t);
        return verdict(t, table, Outcome.INCONCLUSIVE, t.get("v.parallel.unclear", gx, px, unclear), cav, picks);
    }

    static final List<String[]> LAG = List.of(new String[] {"lag-go", "go-goroutine"}, new String[] {"lag-py", "python-asyncio"},
            new String[] {"lag-node", "node-eventloop"});

    /** One task's compute time, ms: the batch at 1 core over its tasks. */
    static double taskMs(Result r) {
        return r.batchTime().score() / r.params().tasks();
    }

    /** +1 when the probe was late by at least {@link #BLOCKED} of the batch (blocked), -1 when not, 0 unknown. */
    static int blocked(Result cpu) {
        if (cpu == null || !cpu.ok() || cpu.loopLag() == null) return 0;
        return cpu.loopLag().p99() >= BLOCKED * cpu.batchTime().score() ? 1 : -1;
    }

    static Body block(Evidence e, Text t) {
        List<List<String>> rows = new ArrayList<>();
        for (String[] x : LAG) {
            for (String w : List.of("io", "cpu")) {
                Result r = e.get(x[0], x[1], w, 1);
                rows.add(lagRow(t, x[1], w, r));
            }
        }
        for (String w : List.of("io", "cpu")) rows.add(lagRow(t, "eventloop", w, e.get("lag", "eventloop", w, 1)));
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.workload"), t.get("col.task"), t.get("col.lag50"),
                t.get("col.lag99"), t.get("col.lagmax")), rows);
        Result go = e.get("lag-go", "go-goroutine", "cpu", 1);
        Result py = e.get("lag-py", "python-asyncio", "cpu", 1);
        Result jvm = e.get("lag", "eventloop", "cpu", 1);
        List<String> cav = List.of(t.get("v.block.caveat"));
        int pb = blocked(py);
        int gb = blocked(go);
        if (pb != 0 && gb == 0) {
            // no probe for Go: the JVM's loop is no stand-in for goroutines (it cannot preempt), so nothing is judged
            return missing(t, table, cav, new Pick("go-goroutine", go, null, go == null ? null : t.get("v.block.noprobe")));
        }
        if (pb == 0) {
            // no probe for asyncio: the JVM's loop can show the mechanism, not judge asyncio
            int jb = blocked(jvm);
            if (jb == 0) {
                return missing(t, table, cav, new Pick("python-asyncio", py, null, py == null ? null : py.note()),
                        new Pick("go-goroutine", go, null, go == null ? null : go.note()));
            }
            Pick stand = new Pick("python-asyncio", jvm, "eventloop", t.get("v.block.noprobe"));
            return verdict(t, table, jb > 0 ? Outcome.SUPPORTED : Outcome.CONTRADICTED,
                    t.get(jb > 0 ? "v.block.jvm" : "v.block.jvm.no", t.ms(jvm.loopLag().p99()), t.ms(jvm.batchTime().score())), cav, stand);
        }
        String text = t.get("v.block", t.ms(py.loopLag().p99()), t.ms(py.batchTime().score()), t.ms(go.loopLag().p99()),
                t.ms(go.batchTime().score()));
        if (pb > 0 && gb < 0) return verdict(t, table, Outcome.SUPPORTED, text + " " + t.get("v.block.preempt"), cav);
        return verdict(t, table, Outcome.CONTRADICTED, text + " " + t.get(pb < 0 ? "v.block.py" : "v.block.go"), cav);
    }

    private static List<String> lagRow(Text t, String model, String w, Result r) {
        if (r == null || !r.ok() || r.loopLag() == null) return List.of(model, w, "–", "–", "–", "–");
        return List.of(model, w, t.ms(taskMs(r)), t.ms(r.loopLag().p50()), t.ms(r.loopLag().p99()), t.ms(r.loopLag().max()));
    }

    /** Channel hops an item makes in the pipeline: producer → 3 stages → consumer. */
    static final int HOPS = 4;

    static Body channels(Evidence e, Text t) {
        Pick g = e.pick("pipeline", "go-goroutine", "pipeline", null);
        Pick p = e.pick("pipeline", "python-asyncio", "pipeline", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(g, p, e.pick("pipeline", "virtual", "pipeline", null), e.pick("pipeline", "eventloop", "pipeline", null))) {
            rows.add(List.of(x.label(t), cell(t, x), x.ok() ? t.micros(perHopMicros(x.result())) : "–"));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.perhop")), rows);
        if (!allOk(g, p)) return missing(t, table, List.of(), g, p);
        // a definition (what each uses to communicate) is shown, not judged; the cost of a hand-off is measured
        return verdict(t, table, Outcome.ILLUSTRATION, t.get("v.channels", t.n(g.result().params().tasks()),
                t.micros(perHopMicros(g.result())), t.micros(perHopMicros(p.result())),
                ratio(t, Judge.speedup(p.result(), g.result()))), List.of(), g, p);
    }

    /** The batch time over items × hops, µs: what one hand-off costs when items carry no work. */
    static double perHopMicros(Result r) {
        return r.batchTime().score() * 1000 / ((double) r.params().tasks() * HOPS);
    }
}
