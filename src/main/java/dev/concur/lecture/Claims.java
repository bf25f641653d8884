package dev.concur.lecture;

import dev.concur.lecture.Evidence.Pick;
import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Result;
import dev.concur.result.Timeline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The course's claims, each with the experiments that test it and the rule that turns their
 * results into a verdict. Rules read only measurements; every number in a verdict's sentence comes
 * from the reports, and every "faster" passes {@link Evidence#differ}.
 */
public final class Claims {
    private Claims() {}

    /** What a rule produces for a slide. */
    public record Body(Slide.Table table, List<Result> timelines, Verdict verdict) {}

    /** A rule: from the evidence, in a language, to a slide's body. */
    @FunctionalInterface
    public interface Rule {
        Body apply(Evidence e, Text t);
    }

    /**
     * @param question    1.1 to 1.5
     * @param id          the claim's id (its title and quote are {@code claim.ID.*} in lecture.properties)
     * @param experiments the experiments it reads
     * @param rule        how the verdict is computed
     */
    public record Claim(String question, String id, List<String> experiments, Rule rule) {}

    /** A speedup counts as parallel from this much on 2 cores (and only when conclusive). */
    static final double PARALLEL = 1.4;
    /** Below this, a speedup counts as none. */
    static final double NONE = 1.2;

    public static final List<Claim> ALL = List.of(
            new Claim("1.1", "1.1-weight", List.of("weight", "weight-1m"), Claims::weight),
            new Claim("1.1", "1.1-io", List.of("io"), Claims::io),
            new Claim("1.1", "1.1-threads", List.of("io"), Claims::threads),
            new Claim("1.1", "1.1-parallel", List.of("cpu-cores", "cpu-cores-py"), Claims::parallel),
            new Claim("1.1", "1.1-block", List.of("lag"), Claims::block),
            new Claim("1.1", "1.1-channels", List.of("pipeline"), Claims::channels),
            new Claim("1.2", "1.2-onethread", List.of("cpu-cores"), Claims::oneThread),
            new Claim("1.2", "1.2-threads", List.of("cpu-cores"), Claims::threadsParallel),
            new Claim("1.2", "1.2-iocpu", List.of("io", "cpu-cores"), Claims::ioCpu),
            new Claim("1.2", "1.2-cost", List.of("io"), Claims::cost),
            new Claim("1.2", "1.2-race", List.of("race"), Claims::race),
            new Claim("1.3", "1.3-emitter", List.of("io"), Claims::emitter),
            new Claim("1.3", "1.3-rx", List.of("pipeline"), Claims::rx),
            new Claim("1.3", "1.3-reactive", List.of("io"), Claims::reactive),
            new Claim("1.3", "1.3-kafka", List.of(), (e, t) -> text(t, "v.kafka")),
            new Claim("1.3", "1.3-lambda", List.of(), (e, t) -> text(t, "v.lambda")),
            new Claim("1.3", "1.3-redis", List.of(), (e, t) -> text(t, "v.redis")),
            new Claim("1.4", "1.4-sequential", List.of("seqpar-cpu"), Claims::sequential),
            new Claim("1.4", "1.4-parallel", List.of("seqpar-cpu"), Claims::parallel2),
            new Claim("1.4", "1.4-concurrent", List.of("seqpar-io"), Claims::concurrent),
            new Claim("1.4", "1.4-timeline", List.of("seqpar-cpu", "seqpar-io"), Claims::timeline),
            new Claim("1.4", "1.4-pertask", List.of("pertask"), Claims::perTask),
            new Claim("1.5", "1.5-table", List.of("python-io", "python-cpu"), Claims::pythonTable),
            new Claim("1.5", "1.5-threading", List.of("python-io", "python-cpu"), Claims::threading),
            new Claim("1.5", "1.5-processes", List.of("python-cpu"), Claims::processes),
            new Claim("1.5", "1.5-celery", List.of("python-io"), Claims::celery));

    // ---- helpers -------------------------------------------------------------------------------

    private static Body text(Text t, String key) {
        return new Body(null, List.of(), new Verdict(Outcome.NOT_MEASURED, t.get(key), List.of()));
    }

    private static Body missing(Text t, Slide.Table table, List<String> caveats, Pick... picks) {
        List<String> what = new ArrayList<>();
        for (Pick p : picks) if (!p.ok()) what.add(p.model() + " (" + (p.missing() == null ? t.get("cell.notrun") : t.messages().note(p.missing())) + ")");
        return new Body(table, List.of(), new Verdict(Outcome.UNAVAILABLE, t.get("v.unavailable", String.join("; ", what)), caveats));
    }

    private static boolean allOk(Pick... picks) {
        for (Pick p : picks) if (!p.ok()) return false;
        return true;
    }

    /** Every result present and {@code ok}. */
    private static boolean allOk(Result... results) {
        for (Result r : results) if (r == null || !r.ok()) return false;
        return true;
    }

    /** Stand-in caveats for every pick that used a JVM counterpart. */
    private static List<String> caveats(Text t, Pick... picks) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Pick p : picks) {
            if (p.standIn() != null) out.add(t.get("standin.caveat", p.model(), t.messages().note(p.missing()), p.standIn()));
        }
        return new ArrayList<>(out);
    }

    private static List<String> plus(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    private static String cell(Text t, Pick p) {
        return p.ok() ? t.time(p.result()) : t.notOk(p.result());
    }

    private static String cell(Text t, Result r) {
        return r != null && r.ok() ? t.time(r) : t.notOk(r);
    }

    /** "1.9×", or "≈1.0×" when the two times do not differ by the rule (within the noise). */
    private static String speedup(Text t, Result one, Result two) {
        if (!allOk(one, two)) return "–";
        return (Evidence.differ(one, two) ? "" : "≈") + t.x(Evidence.speedup(one, two));
    }

    private static boolean parallel(Result one, Result two) {
        return one != null && two != null && one.ok() && two.ok() && Evidence.compare(two, one) < 0
                && Evidence.speedup(one, two) >= PARALLEL;
    }

    private static boolean noSpeedup(Result one, Result two) {
        return one != null && two != null && one.ok() && two.ok()
                && (!Evidence.differ(one, two) || Evidence.speedup(one, two) < NONE);
    }

    private static String threadsOf(Text t, Result r) {
        Integer n = r == null ? null : Evidence.threads(r);
        return n == null ? "–" : t.n(n); // 100.000 in Spanish, 100,000 in English, like every other count
    }

    private static String mem(Text t, Result r) {
        Double b = r == null || !r.ok() ? null : Evidence.bytesPerTask(r);
        return b == null ? "–" : t.bytes(b);
    }

    private static Slide.Table table(List<String> headers, List<List<String>> rows) {
        return new Slide.Table(headers, rows);
    }

    // ---- 1.1 -----------------------------------------------------------------------------------

    static Body weight(Evidence e, Text t) {
        List<List<String>> rows = new ArrayList<>();
        int biggestBoth = 0;
        Pick goAt = null;
        Pick pyAt = null;
        String pyFailed = null;
        int goReached = 0;
        int pyReached = 0;
        List<Pick> all = new ArrayList<>();
        for (String exp : List.of("weight", "weight-1m")) {
            if (!e.reports().containsKey(exp)) continue;
            int n = e.reports().get(exp).results().isEmpty() ? 0 : e.reports().get(exp).results().get(0).params().tasks();
            for (String model : List.of("go-goroutine", "python-asyncio", "virtual", "eventloop")) {
                Pick p = e.pick(exp, model, "io", null);
                all.add(p);
                rows.add(List.of(p.label(t), t.n(n), cell(t, p), mem(t, p.result()),
                        p.ok() && p.result().memoryPerTaskBytes() != null ? t.bytes(p.result().memoryPerTaskBytes()) : "–",
                        threadsOf(t, p.result())));
            }
            Pick g = e.pick(exp, "go-goroutine", "io", null);
            Pick py = e.pick(exp, "python-asyncio", "io", null);
            if (g.ok()) goReached = n;
            if (py.ok()) pyReached = n;
            else if (pyFailed == null && g.ok()) pyFailed = py.missing();
            if (g.ok() && py.ok()) {
                biggestBoth = n;
                goAt = g;
                pyAt = py;
            }
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.tasks"), t.get("col.batch"), t.get("col.memory"),
                t.get("col.heap"), t.get("col.threads")), rows);
        List<String> cav = caveats(t, all.toArray(Pick[]::new));
        Result v = e.get("weight", "virtual", "io", null);
        Result el = e.get("weight", "eventloop", "io", null);
        cav.add(t.get("v.weight.caveat", mem(t, v), mem(t, el)));
        if (goAt == null) return missing(t, table, cav, e.pick("weight", "go-goroutine", "io", null), e.pick("weight", "python-asyncio", "io", null));
        if (goReached > pyReached) {
            // more than "thousands", fewer than goroutines: both halves of the course's row, measured
            return new Body(table, List.of(), new Verdict(pyReached >= 10_000 ? Outcome.NUANCED : Outcome.SUPPORTED,
                    t.get("v.weight.failed", t.n(goReached), t.n(pyReached), t.messages().note(String.valueOf(pyFailed))), cav));
        }
        Double gm = Evidence.bytesPerTask(goAt.result());
        Double pm = Evidence.bytesPerTask(pyAt.result());
        if (gm == null || pm == null || gm <= 0) {
            return new Body(table, List.of(), new Verdict(Outcome.NUANCED, t.get("v.weight.nomem", t.n(biggestBoth)), cav));
        }
        // asyncio ran as many: "thousands" is wrong; whether Go is lighter per task is what the memory says,
        // and only beyond 20 % either way (RSS moves by whole pages and with the allocator's arenas)
        String key = pm > 1.2 * gm ? "v.weight" : gm > 1.2 * pm ? "v.weight.lighter" : "v.weight.same";
        return new Body(table, List.of(), new Verdict(key.equals("v.weight") ? Outcome.NUANCED : Outcome.CONTRADICTED,
                t.get(key, t.n(biggestBoth), mem(t, goAt.result()), mem(t, pyAt.result()), t.x(Math.max(pm, gm) / Math.min(pm, gm))),
                cav));
    }

    static Body io(Evidence e, Text t) {
        Pick g = e.pick("io", "go-goroutine", "io", null);
        Pick p = e.pick("io", "python-asyncio", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(g, p, e.pick("io", "virtual", "io", null), e.pick("io", "eventloop", "io", null))) {
            rows.add(List.of(x.label(t), cell(t, x), x.ok() && x.result().efficiency() != null
                    ? t.pct(x.result().efficiency().value()) : "–", threadsOf(t, x.result())));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.efficiency"), t.get("col.threads")), rows);
        List<String> cav = caveats(t, g, p);
        if (!allOk(g, p)) return missing(t, table, cav, g, p);
        var params = g.result().params();
        double latency = params.latencyMs() == null ? 0 : params.latencyMs();
        double seq = latency * params.tasks();
        double pt = p.result().batchTime().score();
        if (pt > 3 * latency) {
            return new Body(table, List.of(), new Verdict(Outcome.NUANCED, t.get("v.io.slow", t.time(p.result()),
                    t.time(g.result()), t.n(params.tasks())), cav));
        }
        return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.io", t.n(params.tasks()), t.time(g.result()),
                t.time(p.result()), t.ms(latency), t.ms(seq)), cav));
    }

    static Body threads(Evidence e, Text t) {
        Pick g = e.pick("io", "go-goroutine", "io", null);
        Pick p = e.pick("io", "python-asyncio", "io", null);
        Result perTask = e.get("io", "platform-per-task", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(g, p, e.pick("io", "virtual", "io", null), e.pick("io", "eventloop", "io", null),
                e.pick("io", "platform-per-task", "io", null))) {
            rows.add(List.of(x.label(t), x.result() == null ? "–" : t.n(x.result().params().tasks()), threadsOf(t, x.result()),
                    mem(t, x.result())));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.tasks"), t.get("col.threads"), t.get("col.memory")), rows);
        List<String> cav = caveats(t, g, p);
        if (!allOk(g, p) || Evidence.threads(g.result()) == null || Evidence.threads(p.result()) == null) return missing(t, table, cav, g, p);
        int n = g.result().params().tasks();
        int pyThreads = Evidence.threads(p.result());
        int goThreads = Evidence.threads(g.result());
        Outcome o = pyThreads <= 2 && goThreads < n / 10 ? Outcome.SUPPORTED : Outcome.NUANCED;
        return new Body(table, List.of(), new Verdict(o, t.get("v.threads", t.n(n), pyThreads, goThreads,
                perTask == null || Evidence.threads(perTask) == null ? "–" : t.n(Evidence.threads(perTask))), cav));
    }

    static Body parallel(Evidence e, Text t) {
        Pick[] g = e.pickPair("cpu-cores", "go-goroutine", "cpu", 1, 2);
        Pick[] py = e.pickPair("cpu-cores-py", "python-asyncio", "cpu", 1, 2);
        Pick g1 = g[0];
        Pick g2 = g[1];
        Pick p1 = py[0];
        Pick p2 = py[1];
        Result l1 = e.get("cpu-cores", "eventloop", "cpu", 1);
        Result l2 = e.get("cpu-cores", "eventloop", "cpu", 2);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(g1.label(t), cell(t, g1), cell(t, g2), speedup(t, g1.result(), g2.result())));
        rows.add(List.of(p1.label(t), cell(t, p1), cell(t, p2), speedup(t, p1.result(), p2.result())));
        for (String m : List.of("eventloop", "virtual", "platform")) {
            Result a = e.get("cpu-cores", m, "cpu", 1);
            Result b = e.get("cpu-cores", m, "cpu", 2);
            rows.add(List.of(m, cell(t, a), cell(t, b), speedup(t, a, b)));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.one"), t.get("col.two", 2), t.get("col.speedup")), rows);
        List<String> cav = caveats(t, g1, g2, p1, p2);
        if (!allOk(g1, g2, p1, p2)) return missing(t, table, cav, g1, g2, p1, p2);
        String gs = speedup(t, g1.result(), g2.result());
        String ps = speedup(t, p1.result(), p2.result());
        if (parallel(g1.result(), g2.result()) && noSpeedup(p1.result(), p2.result())) {
            return new Body(table, List.of(), new Verdict(Outcome.NUANCED, t.get("v.parallel", gs, ps, speedup(t, l1, l2)), cav));
        }
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.parallel.nogo", gs, ps), cav));
    }

    static Body block(Evidence e, Text t) {
        List<List<String>> rows = new ArrayList<>();
        Double io = null;
        double cpu = 0;
        for (String w : List.of("io", "mixed", "cpu")) {
            Result r = e.get("lag", "eventloop", w, null);
            if (r == null || !r.ok() || r.loopLag() == null) {
                rows.add(List.of(w, "–", "–", "–"));
                continue;
            }
            rows.add(List.of(w, t.ms(r.loopLag().p50()), t.ms(r.loopLag().p99()), t.ms(r.loopLag().max())));
            if (w.equals("io")) io = r.loopLag().p99();
            else cpu = Math.max(cpu, r.loopLag().p99());
        }
        Slide.Table table = table(List.of(t.get("col.workload"), t.get("col.lag50"), t.get("col.lag99"), t.get("col.lagmax")), rows);
        List<String> cav = List.of(t.get("v.block.caveat"));
        if (io == null || cpu == 0) {
            return new Body(table, List.of(), new Verdict(Outcome.UNAVAILABLE, t.get("v.unavailable", "eventloop (lag)"), cav));
        }
        if (cpu > 5 && cpu > 3 * io) {
            return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.block", t.ms(io), t.ms(cpu)), cav));
        }
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.block.no", t.ms(io), t.ms(cpu)), cav));
    }

    static Body channels(Evidence e, Text t) {
        Pick g = e.pick("pipeline", "go-goroutine", "pipeline", null);
        Pick p = e.pick("pipeline", "python-asyncio", "pipeline", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(g, p, e.pick("pipeline", "virtual", "pipeline", null), e.pick("pipeline", "eventloop", "pipeline", null))) {
            rows.add(List.of(x.label(t), cell(t, x), x.ok() ? t.n(x.result().throughputTasksPerSec()) : "–"));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.items")), rows);
        List<String> cav = caveats(t, g, p);
        if (!allOk(g, p)) return missing(t, table, cav, g, p);
        return new Body(table, List.of(), new Verdict(Outcome.NUANCED, t.get("v.channels", t.n(g.result().params().tasks()),
                t.time(g.result()), t.time(p.result())), cav));
    }

    // ---- 1.2 -----------------------------------------------------------------------------------

    private static Slide.Table coresTable(Evidence e, Text t, List<String> models) {
        List<List<String>> rows = new ArrayList<>();
        for (String m : models) {
            Result a = e.get("cpu-cores", m, "cpu", 1);
            Result b = e.get("cpu-cores", m, "cpu", 2);
            rows.add(List.of(m, cell(t, a), cell(t, b), speedup(t, a, b), threadsOf(t, b)));
        }
        return table(List.of(t.get("col.model"), t.get("col.one"), t.get("col.two", 2), t.get("col.speedup"), t.get("col.threads")), rows);
    }

    static Body oneThread(Evidence e, Text t) {
        Slide.Table table = coresTable(e, t, List.of("eventloop", "sequential"));
        Result a = e.get("cpu-cores", "eventloop", "cpu", 1);
        Result b = e.get("cpu-cores", "eventloop", "cpu", 2);
        if (!allOk(a, b)) return missing(t, table, List.of(), e.pick("cpu-cores", "eventloop", "cpu", 2));
        String s = speedup(t, a, b);
        if (noSpeedup(a, b)) return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.onethread", s,
                Evidence.threads(b) == null ? -1 : Evidence.threads(b)), List.of()));
        return new Body(table, List.of(), new Verdict(Outcome.CONTRADICTED, t.get("v.onethread.no", s), List.of()));
    }

    static Body threadsParallel(Evidence e, Text t) {
        Slide.Table table = coresTable(e, t, List.of("platform", "virtual", "sequential"));
        Result a = e.get("cpu-cores", "platform", "cpu", 1);
        Result b = e.get("cpu-cores", "platform", "cpu", 2);
        Result va = e.get("cpu-cores", "virtual", "cpu", 1);
        Result vb = e.get("cpu-cores", "virtual", "cpu", 2);
        List<String> cav = List.of(t.get("v.threads.caveat"));
        if (!allOk(a, b)) return missing(t, table, cav, e.pick("cpu-cores", "platform", "cpu", 2));
        if (parallel(a, b)) {
            return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.threads.par", speedup(t, a, b), speedup(t, va, vb)), cav));
        }
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.threads.nopar", speedup(t, a, b)), cav));
    }

    static Body ioCpu(Evidence e, Text t) {
        Result lio = e.get("io", "eventloop", "io", null);
        Result pio = e.get("io", "platform", "io", null);
        Result lcpu = e.get("cpu-cores", "eventloop", "cpu", 2);
        Result pcpu = e.get("cpu-cores", "platform", "cpu", 2);
        List<List<String>> rows = List.of(
                List.of("eventloop", cell(t, lio), cell(t, lcpu)),
                List.of("platform", cell(t, pio), cell(t, pcpu)));
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.io"), t.get("col.cpu") + " (" + t.get("col.two", 2) + ")"), rows);
        for (Result r : java.util.Arrays.asList(lio, pio, lcpu, pcpu)) {
            if (r == null || !r.ok()) return missing(t, table, List.of(), new Pick("eventloop/platform", r, null, r == null ? null : r.note()));
        }
        if (Evidence.compare(lio, pio) < 0 && Evidence.compare(lcpu, pcpu) > 0) {
            return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.iocpu", t.n(lio.params().tasks()), t.time(lio),
                    t.time(pio), t.time(lcpu), t.time(pcpu)), List.of()));
        }
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.iocpu.mixed", t.time(lio), t.time(pio),
                t.time(lcpu), t.time(pcpu)), List.of()));
    }

    static Body cost(Evidence e, Text t) {
        Result pt = e.get("io", "platform-per-task", "io", null);
        Result v = e.get("io", "virtual", "io", null);
        Result el = e.get("io", "eventloop", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (String m : List.of("platform-per-task", "platform", "virtual", "eventloop")) {
            Result r = e.get("io", m, "io", null);
            rows.add(List.of(m, cell(t, r), threadsOf(t, r), mem(t, r),
                    r != null && r.ok() && r.memoryPerTaskBytes() != null ? t.bytes(r.memoryPerTaskBytes()) : "–"));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.threads"), t.get("col.memory"),
                t.get("col.heap")), rows);
        if (!allOk(pt, v) || el == null) {
            return missing(t, table, List.of(), e.pick("io", "platform-per-task", "io", null), e.pick("io", "virtual", "io", null));
        }
        int carriers = v.efficiency() != null ? v.efficiency().computeCap() : e.reports().get("io").environment().availableProcessors();
        // what a thread per task costs, in what the data shows best: OS threads alive and the batch's time
        return new Body(table, List.of(), new Verdict(Outcome.NUANCED, t.get("v.cost", t.n(Evidence.threads(pt) == null ? 0 : Evidence.threads(pt)),
                t.time(pt), t.n(Evidence.threads(v) == null ? 0 : Evidence.threads(v)), t.time(v), carriers, t.n(pt.params().tasks())),
                List.of(t.get("cav.rss"))));
    }

    static Body race(Evidence e, Text t) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        long syncLost = 0;
        Long loopLost = null;
        for (String m : List.of("sequential", "platform", "virtual", "forkjoin", "reactive", "eventloop")) {
            Result r = e.get("race", m, "race", null);
            if (r == null || r.race() == null) {
                rows.add(List.of(m, t.notOk(r), "–"));
                continue;
            }
            var race = r.race();
            rows.add(List.of(m, t.n(race.lostMean()) + " / " + t.n(race.updatesPerBatch()) + " (" + t.pct(race.lostPct() / 100) + ")",
                    t.n(race.synchronisedLost())));
            syncLost = Math.max(syncLost, race.synchronisedLost());
            if (m.equals("eventloop")) loopLost = Math.round(race.lostMean());
            else if (race.lostMean() > 0) lost.add(m + " " + t.pct(race.lostPct() / 100));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.lost"), t.get("col.lostsync")), rows);
        if (syncLost > 0) return new Body(table, List.of(), new Verdict(Outcome.CONTRADICTED, t.get("v.race.sync", t.n(syncLost)), List.of()));
        if (loopLost == null) return missing(t, table, List.of(), e.pick("race", "eventloop", "race", null));
        if (lost.isEmpty()) return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.race.none"), List.of()));
        Outcome o = loopLost == 0 ? Outcome.SUPPORTED : Outcome.CONTRADICTED;
        return new Body(table, List.of(), new Verdict(o, t.get("v.race", String.join(", ", lost), t.n(loopLost)), List.of()));
    }

    // ---- 1.3 -----------------------------------------------------------------------------------

    static Body emitter(Evidence e, Text t) {
        Pick n = e.pick("io", "node-eventloop", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(n, e.pick("io", "eventloop", "io", null), e.pick("io", "python-asyncio", "io", null))) {
            rows.add(List.of(x.label(t), cell(t, x), threadsOf(t, x.result())));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.threads")), rows);
        List<String> cav = caveats(t, n);
        if (!n.ok()) return missing(t, table, cav, n);
        var params = n.result().params();
        double latency = params.latencyMs() == null ? 0 : params.latencyMs();
        String key = n.result().batchTime().score() <= 3 * latency ? "v.emitter" : "v.emitter.slow";
        return new Body(table, List.of(), new Verdict(key.equals("v.emitter") ? Outcome.SUPPORTED : Outcome.NUANCED,
                t.get(key, t.n(params.tasks()), t.time(n.result()), t.ms(latency)), cav));
    }

    static Body rx(Evidence e, Text t) {
        List<Pick> picks = List.of(e.pick("pipeline", "reactive", "pipeline", null), e.pick("pipeline", "node-rxjs", "pipeline", null),
                e.pick("pipeline", "node-eventloop", "pipeline", null), e.pick("pipeline", "eventloop", "pipeline", null),
                e.pick("pipeline", "virtual", "pipeline", null));
        List<List<String>> rows = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (Pick x : picks) {
            rows.add(List.of(x.label(t), cell(t, x), x.ok() ? t.n(x.result().throughputTasksPerSec()) : "–"));
            if (x.ok() && x.standIn() == null && (x.model().equals("reactive") || x.model().equals("node-rxjs"))) {
                times.add(x.model() + " " + t.time(x.result()));
            }
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.items")), rows);
        List<String> cav = caveats(t, picks.toArray(Pick[]::new));
        Pick reactive = picks.get(0);
        if (!reactive.ok()) return missing(t, table, cav, reactive);
        return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.rx", t.n(reactive.result().params().tasks()),
                String.join(", ", times)), cav));
    }

    static Body reactive(Evidence e, Text t) {
        Result r = e.get("io", "reactive", "io", null);
        Result l = e.get("io", "eventloop", "io", null);
        Result v = e.get("io", "virtual", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (String m : List.of("reactive", "eventloop", "virtual")) {
            Result x = e.get("io", m, "io", null);
            rows.add(List.of(m, cell(t, x), threadsOf(t, x), mem(t, x)));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.threads"), t.get("col.memory")), rows);
        if (!allOk(r, l, v)) {
            return missing(t, table, List.of(), e.pick("io", "reactive", "io", null), e.pick("io", "eventloop", "io", null),
                    e.pick("io", "virtual", "io", null));
        }
        return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.reactive", t.n(r.params().tasks()), t.time(r),
                t.time(l), t.time(v)), List.of()));
    }

    // ---- 1.4 -----------------------------------------------------------------------------------

    private static Slide.Table seqparTable(Evidence e, Text t, String exp, String workload) {
        List<List<String>> rows = new ArrayList<>();
        for (String m : List.of("sequential", "forkjoin", "virtual", "eventloop")) {
            Result a = e.get(exp, m, workload, 1);
            Result b = e.get(exp, m, workload, 2);
            rows.add(List.of(m, cell(t, a), cell(t, b), speedup(t, a, b)));
        }
        return table(List.of(t.get("col.model"), t.get("col.one"), t.get("col.two", 2), t.get("col.speedup")), rows);
    }

    static Body sequential(Evidence e, Text t) {
        Slide.Table table = seqparTable(e, t, "seqpar-cpu", "cpu");
        Result a = e.get("seqpar-cpu", "sequential", "cpu", 1);
        Result b = e.get("seqpar-cpu", "sequential", "cpu", 2);
        if (!allOk(a, b)) return missing(t, table, List.of(), e.pick("seqpar-cpu", "sequential", "cpu", 2));
        if (noSpeedup(a, b)) {
            return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.sequential", t.time(a), t.time(b), speedup(t, a, b)), List.of()));
        }
        return new Body(table, List.of(), new Verdict(Outcome.CONTRADICTED, t.get("v.sequential.no", t.time(a), t.time(b)), List.of()));
    }

    static Body parallel2(Evidence e, Text t) {
        Slide.Table table = seqparTable(e, t, "seqpar-cpu", "cpu");
        Result f2 = e.get("seqpar-cpu", "forkjoin", "cpu", 2);
        Result s2 = e.get("seqpar-cpu", "sequential", "cpu", 2);
        Result f1 = e.get("seqpar-cpu", "forkjoin", "cpu", 1);
        if (!allOk(f2, s2, f1)) {
            return missing(t, table, List.of(), e.pick("seqpar-cpu", "forkjoin", "cpu", 2), e.pick("seqpar-cpu", "sequential", "cpu", 2));
        }
        if (parallel(s2, f2)) {
            return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.parallel2", t.time(f2), t.time(s2),
                    speedup(t, s2, f2), t.time(f1)), List.of()));
        }
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.parallel2.no", t.time(f2), t.time(s2)), List.of()));
    }

    static Body concurrent(Evidence e, Text t) {
        Slide.Table table = seqparTable(e, t, "seqpar-io", "io");
        Result l1 = e.get("seqpar-io", "eventloop", "io", 1);
        Result l2 = e.get("seqpar-io", "eventloop", "io", 2);
        Result s1 = e.get("seqpar-io", "sequential", "io", 1);
        if (!allOk(l1, l2, s1)) {
            return missing(t, table, List.of(), e.pick("seqpar-io", "eventloop", "io", 1), e.pick("seqpar-io", "sequential", "io", 1));
        }
        Outcome o = Evidence.compare(l1, s1) < 0 ? Outcome.SUPPORTED : Outcome.INCONCLUSIVE;
        return new Body(table, List.of(), new Verdict(o, t.get("v.concurrent", t.n(l1.params().tasks()), t.time(l1), t.time(s1),
                speedup(t, s1, l1), t.time(l2)), List.of()));
    }

    /** What a traced batch shows: threads that ran code, most runs at once, most tasks in progress at once. */
    record Shape(int threads, int running, int inFlight) {}

    static Shape shape(Timeline tl) {
        Set<String> threads = new HashSet<>();
        List<long[]> runs = new ArrayList<>();
        List<long[]> spans = new ArrayList<>();
        for (var task : tl.timeline()) {
            spans.add(new long[] {task.start(), task.end()});
            for (var s : task.segments()) {
                if (!s.kind().equals(Timeline.RUN)) continue;
                threads.add(s.carrier() != null ? s.carrier() : s.thread());
                runs.add(new long[] {s.start(), s.end()});
            }
        }
        return new Shape(threads.size(), maxOverlap(runs), maxOverlap(spans));
    }

    /** The most intervals open at one instant (an interval ending at t does not overlap one starting at t). */
    static int maxOverlap(List<long[]> intervals) {
        List<long[]> events = new ArrayList<>();
        for (long[] i : intervals) {
            events.add(new long[] {i[0], 1});
            events.add(new long[] {i[1], -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int max = 0;
        for (long[] ev : events) {
            open += (int) ev[1];
            max = Math.max(max, open);
        }
        return max;
    }

    static Body timeline(Evidence e, Text t) {
        List<Result> charts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        Shape seq = null;
        Shape fj = null;
        Shape loop = null;
        for (String exp : List.of("seqpar-cpu", "seqpar-io")) {
            String w = exp.equals("seqpar-cpu") ? "cpu" : "io";
            for (String m : List.of("sequential", "forkjoin", "eventloop")) {
                Result r = e.get(exp, m, w, 2);
                if (r == null || r.trace() == null) {
                    rows.add(List.of(m, w, "–", "–", "–"));
                    continue;
                }
                charts.add(r);
                Shape s = shape(r.trace());
                rows.add(List.of(m, w, String.valueOf(s.threads()), String.valueOf(s.running()), String.valueOf(s.inFlight())));
                if (m.equals("sequential") && w.equals("cpu")) seq = s;
                if (m.equals("forkjoin") && w.equals("cpu")) fj = s;
                if (m.equals("eventloop") && w.equals("io")) loop = s;
            }
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.workload"), t.get("col.threadsused"),
                t.get("col.running"), t.get("col.inflight")), rows);
        if (seq == null || fj == null || loop == null) {
            return new Body(table, charts, new Verdict(Outcome.UNAVAILABLE, t.get("v.timeline.missing",
                    "sequential/cpu, forkjoin/cpu, eventloop/io @2"), List.of()));
        }
        boolean matches = seq.running() == 1 && seq.threads() == 1 && fj.running() >= 2 && loop.threads() == 1
                && loop.running() == 1 && loop.inFlight() > 1;
        return new Body(table, charts, new Verdict(matches ? Outcome.SUPPORTED : Outcome.NUANCED, t.get("v.timeline",
                seq.running(), seq.threads(), fj.running(), fj.threads(), loop.inFlight(), loop.threads()), List.of()));
    }

    static Body perTask(Evidence e, Text t) {
        Result pool = e.get("pertask", "platform", "cpu", null);
        Result per = e.get("pertask", "platform-per-task", "cpu", null);
        List<List<String>> rows = new ArrayList<>();
        for (String m : List.of("platform", "platform-per-task", "forkjoin")) {
            Result r = e.get("pertask", m, "cpu", null);
            rows.add(List.of(m, cell(t, r), threadsOf(t, r), r != null && r.usage() != null ? t.n(r.usage().threadsPerBatch()) : "–"));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.threads"), t.get("col.perbatch")), rows);
        if (!allOk(pool, per)) {
            return missing(t, table, List.of(), e.pick("pertask", "platform", "cpu", null), e.pick("pertask", "platform-per-task", "cpu", null));
        }
        int c = Evidence.compare(pool, per);
        if (c < 0) {
            return new Body(table, List.of(), new Verdict(Outcome.CONTRADICTED, t.get("v.pertask", t.n(pool.params().tasks()),
                    pool.params().threads(), t.time(pool), t.time(per)), List.of()));
        }
        if (c > 0) return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.pertask.yes", t.time(per), t.time(pool)), List.of()));
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.pertask.same", t.time(per), t.time(pool)), List.of()));
    }

    // ---- 1.5 -----------------------------------------------------------------------------------

    static final List<String> PYTHON = List.of("python-asyncio", "python-threading", "python-multiprocessing", "python-joblib",
            "python-dask", "python-twisted", "python-celery");

    private static String vsSeq(Text t, Result seq, Result r) {
        if (!allOk(seq, r)) return t.notOk(r);
        return t.time(r) + " · " + speedup(t, seq, r);
    }

    static Body pythonTable(Evidence e, Text t) {
        Result seqIo = e.get("python-io", "python-sequential", "io", null);
        Result seqCpu = e.get("python-cpu", "python-sequential", "cpu", null);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("python-sequential", "", "sequential", cell(t, seqIo), cell(t, seqCpu)));
        String bestIo = null;
        double bestIoS = 0;
        String bestCpu = null;
        double bestCpuS = 0;
        List<String> missing = new ArrayList<>();
        for (String m : PYTHON) {
            Result io = e.get("python-io", m, "io", null);
            Result cpu = e.get("python-cpu", m, "cpu", null);
            rows.add(List.of(m, t.get("fw." + m), Evidence.COUNTERPART.get(m), vsSeq(t, seqIo, io), vsSeq(t, seqCpu, cpu)));
            if (io == null || !io.ok()) missing.add(m);
            if (seqIo != null && seqIo.ok() && io != null && io.ok() && Evidence.speedup(seqIo, io) > bestIoS) {
                bestIoS = Evidence.speedup(seqIo, io);
                bestIo = m;
            }
            if (seqCpu != null && seqCpu.ok() && cpu != null && cpu.ok() && Evidence.speedup(seqCpu, cpu) > bestCpuS) {
                bestCpuS = Evidence.speedup(seqCpu, cpu);
                bestCpu = m;
            }
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.what"), t.get("col.jvm"),
                t.get("col.io") + " (" + t.get("col.vsseq") + ")", t.get("col.cpu") + " (" + t.get("col.vsseq") + ")"), rows);
        List<String> cav = missing.isEmpty() ? List.of() : List.of(t.get("v.table.partial", String.join(", ", missing)));
        if (bestIo == null || bestCpu == null) {
            return missing(t, table, cav, e.pick("python-io", "python-sequential", "io", null), e.pick("python-cpu", "python-sequential", "cpu", null));
        }
        return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.table", bestIo, t.x(bestIoS), bestCpu, t.x(bestCpuS)), cav));
    }

    static Body threading(Evidence e, Text t) {
        Result seqIo = e.get("python-io", "python-sequential", "io", null);
        Result seqCpu = e.get("python-cpu", "python-sequential", "cpu", null);
        Result io = e.get("python-io", "python-threading", "io", null);
        Result cpu = e.get("python-cpu", "python-threading", "cpu", null);
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.io"), t.get("col.cpu")), List.of(
                List.of("python-sequential", cell(t, seqIo), cell(t, seqCpu)),
                List.of("python-threading", vsSeq(t, seqIo, io), vsSeq(t, seqCpu, cpu))));
        for (Result r : java.util.Arrays.asList(seqIo, seqCpu, io, cpu)) {
            if (r == null || !r.ok()) return missing(t, table, List.of(), e.pick("python-io", "python-threading", "io", null),
                    e.pick("python-cpu", "python-threading", "cpu", null), e.pick("python-io", "python-sequential", "io", null));
        }
        String sIo = speedup(t, seqIo, io);
        String sCpu = speedup(t, seqCpu, cpu);
        if (parallel(seqIo, io) && noSpeedup(seqCpu, cpu)) {
            return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.threading", sIo, sCpu), List.of()));
        }
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.threading.no", sIo, sCpu), List.of()));
    }

    static Body processes(Evidence e, Text t) {
        Result seq = e.get("python-cpu", "python-sequential", "cpu", null);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("python-sequential", cell(t, seq), "–"));
        List<String> s = new ArrayList<>();
        for (String m : List.of("python-multiprocessing", "python-joblib", "python-dask")) {
            Result r = e.get("python-cpu", m, "cpu", null);
            rows.add(List.of(m, cell(t, r), speedup(t, seq, r)));
            s.add(speedup(t, seq, r));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.cpu"), t.get("col.vsseq")), rows);
        Result mp = e.get("python-cpu", "python-multiprocessing", "cpu", null);
        if (!allOk(seq, mp)) {
            return missing(t, table, List.of(), e.pick("python-cpu", "python-multiprocessing", "cpu", null),
                    e.pick("python-cpu", "python-sequential", "cpu", null));
        }
        if (parallel(seq, mp)) return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.processes", s.get(0), s.get(1), s.get(2)), List.of()));
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.processes.no", s.get(0)), List.of()));
    }

    static Body celery(Evidence e, Text t) {
        Result c = e.get("python-io", "python-celery", "io", null);
        Result mp = e.get("python-io", "python-multiprocessing", "io", null);
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.io")), List.of(
                List.of("python-celery", cell(t, c)), List.of("python-multiprocessing", cell(t, mp))));
        if (!allOk(c, mp)) {
            return missing(t, table, List.of(), e.pick("python-io", "python-celery", "io", null), e.pick("python-io", "python-multiprocessing", "io", null));
        }
        int n = c.params().tasks();
        double perTask = (c.batchTime().score() - mp.batchTime().score()) / n;
        if (Evidence.compare(c, mp) > 0) {
            return new Body(table, List.of(), new Verdict(Outcome.SUPPORTED, t.get("v.celery", t.n(n), t.time(c), t.time(mp), t.ms(perTask)), List.of()));
        }
        return new Body(table, List.of(), new Verdict(Outcome.INCONCLUSIVE, t.get("v.celery.faster", t.time(c), t.time(mp), t.n(n)), List.of()));
    }
}
