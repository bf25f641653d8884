package dev.concur.lecture;

import static dev.concur.lecture.Rules.allOk;
import static dev.concur.lecture.Rules.cell;
import static dev.concur.lecture.Rules.mem;
import static dev.concur.lecture.Rules.missing;
import static dev.concur.lecture.Rules.ratio;
import static dev.concur.lecture.Rules.speedup;
import static dev.concur.lecture.Rules.suspect;
import static dev.concur.lecture.Rules.table;
import static dev.concur.lecture.Rules.threadsOf;
import static dev.concur.lecture.Rules.verdict;

import dev.concur.lecture.Claims.Body;
import dev.concur.lecture.Evidence.Pick;
import dev.concur.lecture.Judge.Scaling;
import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Result;
import dev.concur.stats.Ratio;
import java.util.ArrayList;
import java.util.List;

/** Question 1.2: what event loops are for, and how they differ from threads. */
final class Q12 {
    private Q12() {}

    static Slide.Table coresTable(Evidence e, Text t, List<String> models) {
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
        Ratio r = Judge.speedup(a, b);
        String s = ratio(t, r);
        return switch (Judge.scaling(r)) {
            case NONE -> verdict(t, table, Outcome.SUPPORTED, t.get("v.onethread", s), List.of());
            // the process sped up, not necessarily the loop's thread: not a contradiction of "one thread"
            case SPEEDUP -> verdict(t, table, Outcome.INCONCLUSIVE, t.get("v.onethread.no", s), List.of());
            case SLOWDOWN -> suspect(t, table, t.get("v.slower", "eventloop", s));
            case UNCLEAR -> verdict(t, table, Outcome.INCONCLUSIVE, t.get("v.onethread.unclear", s), List.of());
        };
    }

    static Body threadsParallel(Evidence e, Text t) {
        Slide.Table table = coresTable(e, t, List.of("platform", "virtual", "sequential"));
        Result a = e.get("cpu-cores", "platform", "cpu", 1);
        Result b = e.get("cpu-cores", "platform", "cpu", 2);
        List<String> cav = List.of(t.get("v.threads.caveat"));
        if (!allOk(a, b)) return missing(t, table, cav, e.pick("cpu-cores", "platform", "cpu", 2));
        Ratio r = Judge.speedup(a, b);
        String s = ratio(t, r);
        return switch (Judge.scaling(r)) {
            case SPEEDUP -> verdict(t, table, Outcome.SUPPORTED, t.get("v.threads.par", s), cav);
            case NONE, SLOWDOWN -> verdict(t, table, Outcome.CONTRADICTED, t.get("v.threads.none", s), cav);
            case UNCLEAR -> verdict(t, table, Outcome.INCONCLUSIVE, t.get("v.threads.nopar", s), cav);
        };
    }

    static Body ioCpu(Evidence e, Text t) {
        Result lio = e.get("io", "eventloop", "io", null);
        Result pio = e.get("io", "platform", "io", null);
        Result lcpu = e.get("cpu-cores", "eventloop", "cpu", 2);
        Result pcpu = e.get("cpu-cores", "platform", "cpu", 2);
        // what each pays for the same waits: CPU time per task over the io batches, and memory per task from the same
        // waits held alive at once (hold), the only measure where every task is alive at the peak
        Result lhold = e.get("io-hold", "eventloop", "hold", null);
        Result phold = e.get("io-hold", "platform", "hold", null);
        List<List<String>> rows = List.of(
                List.of("eventloop", cell(t, lio), threadsOf(t, lio), cpuPerTask(t, lio), mem(t, lhold), cell(t, lcpu)),
                List.of(pio == null ? "platform" : "platform (" + t.n(pio.params().threads()) + ")", cell(t, pio), threadsOf(t, pio),
                        cpuPerTask(t, pio), mem(t, phold), cell(t, pcpu)));
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.io"), t.get("col.threads"), t.get("col.cpupertask"),
                t.get("col.memory"), t.get("col.cpu") + " (" + t.get("col.two", 2) + ")"), rows);
        for (Result r : java.util.Arrays.asList(lio, pio, lcpu, pcpu)) {
            if (r == null || !r.ok()) {
                return missing(t, table, List.of(), new Pick("eventloop/platform", r, null, r == null ? null : r.note()));
            }
        }
        // equal concurrency on I/O: the pool has a thread for every task that waits, so time alone cannot
        // separate them; "efficient" is what each pays for the same waits: threads (and memory where measured)
        int n = lio.params().tasks();
        boolean equal = pio.params().threads() >= n;
        Ratio ior = Judge.speedup(lio, pio); // T(loop) / T(pool): above the band, the pool was faster
        Ratio cpur = Judge.speedup(lcpu, pcpu);
        Scaling io = Judge.scaling(ior);
        Scaling cpu = Judge.scaling(cpur);
        Integer lt = Evidence.threads(lio);
        Integer pt = Evidence.threads(pio);
        boolean fewer = lt != null && pt != null && lt < pt;
        String text = t.get("v.iocpu", t.n(n), t.time(lio), lt == null ? -1 : lt, t.n(pio.params().threads()), t.time(pio),
                ratio(t, ior), t.time(lcpu), t.time(pcpu), ratio(t, cpur));
        List<String> cav = new ArrayList<>();
        if (!equal) cav.add(t.get("v.iocpu.unequal", t.n(pio.params().threads()), t.n(n)));
        cav.add(t.get("cav.iocpu.pays", t.n(n)));
        boolean ioHolds = equal && fewer && io != Scaling.SPEEDUP && io != Scaling.UNCLEAR;
        boolean ioFails = equal && (io == Scaling.SPEEDUP || (lt != null && pt != null && lt >= pt));
        if (ioHolds && cpu == Scaling.SPEEDUP) return verdict(t, table, Outcome.SUPPORTED, text, cav);
        if (ioFails || cpu == Scaling.NONE || cpu == Scaling.SLOWDOWN) {
            return verdict(t, table, Outcome.CONTRADICTED, text + " " + t.get(ioFails ? "v.iocpu.io" : "v.iocpu.cpu"), cav);
        }
        return verdict(t, table, Outcome.INCONCLUSIVE, text, cav);
    }

    /** CPU time the measuring process used per task ("85 µs"), or "–" where not measured. */
    static String cpuPerTask(Text t, Result r) {
        return r != null && r.ok() && r.cpuPerTaskNanos() != null ? t.micros(r.cpuPerTaskNanos() / 1000) : "–";
    }

    static Body cost(Evidence e, Text t) {
        Result pt = e.get("io", "platform-per-task", "io", null);
        Result v = e.get("io", "virtual", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (String m : List.of("platform-per-task", "virtual", "eventloop")) {
            Result r = e.get("io", m, "io", null);
            rows.add(List.of(m, cell(t, r), threadsOf(t, r), mem(t, r),
                    r != null && r.ok() && r.memoryPerTaskBytes() != null ? t.bytes(r.memoryPerTaskBytes()) : "–"));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.threads"), t.get("col.memory"),
                t.get("col.heap")), rows);
        if (!allOk(pt, v)) {
            return missing(t, table, List.of(), e.pick("io", "platform-per-task", "io", null), e.pick("io", "virtual", "io", null));
        }
        Ratio r = Judge.speedup(pt, v);
        String text = t.get("v.cost", t.n(pt.params().tasks()), t.time(pt), threadsOf(t, pt), t.time(v), ratio(t, r));
        List<String> cav = List.of(t.get("cav.rss"));
        return switch (Judge.scaling(r)) {
            // both are a thread per task: what the virtual one saves is what an OS thread costs
            case SPEEDUP -> verdict(t, table, Outcome.NUANCED, text + " " + t.get("v.cost.os"), cav);
            case NONE, SLOWDOWN -> verdict(t, table, Outcome.CONTRADICTED, text + " " + t.get("v.cost.no"), cav);
            case UNCLEAR -> verdict(t, table, Outcome.INCONCLUSIVE, text, cav);
        };
    }

    /** The JVM models that share memory between threads, for the race. */
    static final List<String> THREADED = List.of("platform", "virtual", "forkjoin", "reactive");

    static Body race(Evidence e, Text t) {
        List<List<String>> rows = new ArrayList<>();
        long syncLost = 0;
        List<String> lost = new ArrayList<>();
        for (String m : List.of("sequential", "platform", "virtual", "forkjoin", "reactive", "eventloop")) {
            Result r = e.get("race", m, "race", null);
            rows.add(raceRow(t, m, "race", r));
            if (r != null && r.race() != null) {
                syncLost = Math.max(syncLost, r.race().synchronisedLost());
                if (THREADED.contains(m) && r.race().lostMean() > 0) lost.add(m + " " + t.pct(r.race().lostPct() / 100));
            }
        }
        Result loopAwait = e.get("race", "eventloop", "race-await", null);
        rows.add(raceRow(t, "eventloop", "race-await", loopAwait));
        for (String[] x : List.of(new String[] {"race-py", "python-asyncio", "race"}, new String[] {"race-py", "python-asyncio", "race-await"},
                new String[] {"race-py", "python-threading", "race"}, new String[] {"race-go", "go-goroutine", "race"})) {
            Result r = e.get(x[0], x[1], x[2], null);
            if (r != null) {
                rows.add(raceRow(t, x[1], x[2], r));
                if (r.race() != null) syncLost = Math.max(syncLost, r.race().synchronisedLost());
            }
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.workload"), t.get("col.lost"), t.get("col.lostsync")), rows);
        if (syncLost > 0) return suspect(t, table, t.get("v.race.sync", t.n(syncLost)));
        Result loop = e.get("race", "eventloop", "race", null);
        if (loop == null || loop.race() == null || loopAwait == null || loopAwait.race() == null) {
            return missing(t, table, List.of(), e.pick("race", "eventloop", "race", null), e.pick("race", "eventloop", "race-await", null));
        }
        if (loop.race().lostMax() > 0) return suspect(t, table, t.get("v.race.loop", t.n(loop.race().lostMax())));
        long awaitLost = Math.round(loopAwait.race().lostMean());
        // with an await between read and write every task reads before any writes: a loop that loses none is a concur bug
        if (awaitLost == 0) return suspect(t, table, t.get("v.race.noawait"));
        if (lost.isEmpty()) {
            return verdict(t, table, Outcome.INCONCLUSIVE, t.get("v.race.none", lost.isEmpty() ? "–" : String.join(", ", lost),
                    t.n(awaitLost)), List.of());
        }
        // threads race, as the course says; "cooperative" is safe only between awaits: the claim, corrected
        return verdict(t, table, Outcome.NUANCED, t.get("v.race", String.join(", ", lost), t.n(awaitLost),
                t.pct(loopAwait.race().lostPct() / 100)), List.of());
    }

    private static List<String> raceRow(Text t, String model, String workload, Result r) {
        if (r == null || r.race() == null) return List.of(model, workload, t.notOk(r), "–");
        var race = r.race();
        return List.of(model, workload, t.n(race.lostMean()) + " / " + t.n(race.updatesPerBatch()) + " (" + t.pct(race.lostPct() / 100) + ")",
                t.n(race.synchronisedLost()));
    }

    /** The loop "holds as many answers" as a thread per connection unless its interval lies below this share of theirs. */
    static final double FEWER = 0.8;
    /** A loop's server "does not make a thread per connection" below one thread per this many connections. */
    static final int CONNECTIONS_PER_THREAD = 10;

    /**
     * Event loops are "ideal for high concurrency with many connections, like web servers": at N connections held idle
     * (hold), a thread per connection pays more memory per connection than the loop's server (the interval of
     * threads / loop above 1) and the loop's server has fewer than one thread per 10 connections; with the same N connections each waiting D (wait), it
     * reaches {@value Servers#KEEPS_UP} of its Little's-law ceiling N / D with its one thread. Contradicted when the
     * loop answers conclusively fewer than {@value #FEWER} of the thread per connection's answers, costs conclusively
     * more memory per connection, or has a thread per 10 connections or more. Node's and asyncio's servers are shown
     * beside, not judged.
     */
    static Body connections(Evidence e, Text t) {
        int n = Catalog.LOAD_CONNECTIONS;
        Servers.Procs loopHold = Servers.of(e, t, "load-hold", "eventloop", n);
        Servers.Procs ppcHold = Servers.of(e, t, "load-hold", "platform-per-connection", n);
        Servers.Procs loopWait = Servers.of(e, t, "load-wait", "eventloop", n);
        Servers.Procs ppcWait = Servers.of(e, t, "load-wait", "platform-per-connection", n);
        Slide.Table table = Servers.table(e, t, List.of("eventloop", "platform-per-connection", "node-http", "python-asyncio"));
        List<Slide.Figure> figures = Servers.figures(e, t, true, true);
        List<String> cav = new ArrayList<>(Servers.caveats(e, t, "load-hold", "load-wait", "load-rate"));
        if (!Servers.allOk(loopHold, ppcHold, loopWait, ppcWait) || !loopWait.hasCeiling()) {
            return Servers.missing(t, table, cav, figures, loopHold, ppcHold, loopWait, ppcWait);
        }
        if (loopHold.belowAPage()) cav.add(t.get("cav.page", "eventloop", t.bytes(Servers.PAGE / n)));
        cav.addAll(Servers.degraded(t, loopHold, ppcHold, loopWait, ppcWait));
        Ratio mem = Servers.ratio(ppcHold.memory(), loopHold.memory());   // threads / loop: how many times the loop's memory
        Ratio share = Servers.share(loopWait);
        Ratio answers = Servers.ratio(loopWait.achieved(), ppcWait.achieved());
        int loopThreads = loopHold.threads();
        String text = t.get("v.connections", t.n(n), Servers.mem(t, loopHold), Servers.mem(t, ppcHold), (loopHold.belowAPage() ? "≥ " : "") + ratio(t, mem),
                loopThreads, ppcHold.threads(), t.messages().duration(Catalog.LOAD_WAIT_MICROS * 1000),
                t.n(loopWait.meanAchieved()), Servers.pct(t, share), t.n(ppcWait.meanAchieved()), ratio(t, answers));
        List<String> against = new ArrayList<>();
        if (answers.below(FEWER)) against.add(t.get("v.connections.fewer"));
        if (mem.below(1)) against.add(t.get("v.connections.heavier"));
        if (loopThreads * CONNECTIONS_PER_THREAD >= n) against.add(t.get("v.connections.threads", t.n(loopThreads), t.n(n)));
        Outcome o = !against.isEmpty() ? Outcome.CONTRADICTED
                : mem.above(1) && share.above(Servers.KEEPS_UP) ? Outcome.SUPPORTED : Outcome.INCONCLUSIVE;
        if (!against.isEmpty()) text += " " + String.join(" ", against);
        // the threads kept up too: what the loop saves is memory and threads, not answers
        if (o == Outcome.SUPPORTED && ppcWait.hasCeiling() && Servers.share(ppcWait).above(Servers.KEEPS_UP)) {
            text += " " + t.get("v.connections.both", Servers.pct(t, Servers.share(ppcWait)));
        }
        return Servers.withFigures(verdict(t, table, o, text, cav), figures);
    }
}
