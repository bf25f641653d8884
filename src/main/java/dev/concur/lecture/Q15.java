package dev.concur.lecture;

import static dev.concur.lecture.Rules.allOk;
import static dev.concur.lecture.Rules.cell;
import static dev.concur.lecture.Rules.missing;
import static dev.concur.lecture.Rules.ratio;
import static dev.concur.lecture.Rules.speedup;
import static dev.concur.lecture.Rules.table;
import static dev.concur.lecture.Rules.verdict;

import dev.concur.lecture.Claims.Body;
import dev.concur.lecture.Judge.Scaling;
import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.ForkInfo;
import dev.concur.result.Result;
import dev.concur.stats.Ratio;
import dev.concur.stats.Stats;
import java.util.ArrayList;
import java.util.List;

/** Question 1.5: Python's frameworks for parallelism and concurrency. */
final class Q15 {
    private Q15() {}

    static final List<String> PYTHON = List.of("python-asyncio", "python-threading", "python-multiprocessing", "python-joblib",
            "python-dask", "python-twisted", "python-celery");
    /** The frameworks whose workers are processes: each has its own interpreter and GIL. */
    static final List<String> PROCESSES = List.of("python-multiprocessing", "python-joblib", "python-dask", "python-celery");

    /** Tasks a model can keep waiting at once, from its efficiency ideal. */
    private static String atOnce(Text t, Result r) {
        return r != null && r.ok() && r.efficiency() != null ? t.n(r.efficiency().waitCap()) : "–";
    }

    static Body pythonTable(Evidence e, Text t) {
        Result seqIo = e.get("python-io", "python-sequential", "io", null);
        Result seqCpu = e.get("python-cpu", "python-sequential", "cpu", null);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("python-sequential", "1", cell(t, seqIo), cell(t, seqCpu)));
        List<String> cpuFaster = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String m : PYTHON) {
            Result io = e.get("python-io", m, "io", null);
            Result cpu = e.get("python-cpu", m, "cpu", null);
            // the I/O column at each model's own concurrency, stated beside it: 50 waits at once for a loop or 50
            // threads, one per worker for a pool of 2
            Ratio cpuSpeedup = Judge.speedup(seqCpu, cpu);
            rows.add(List.of(m, atOnce(t, io), vsSeq(t, seqIo, io, Judge.speedup(seqIo, io)), vsSeq(t, seqCpu, cpu, cpuSpeedup)));
            if (io == null || !io.ok() || cpu == null || !cpu.ok()) missing.add(m);
            if (allOk(seqCpu, cpu) && Judge.scaling(cpuSpeedup) == Scaling.SPEEDUP) cpuFaster.add(m);
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.atonce"), t.get("col.io") + " (" + t.get("col.vsseq") + ")",
                t.get("col.cpu") + " (" + t.get("col.vsseq") + ")"), rows);
        List<String> cav = new ArrayList<>(List.of(t.get("v.table.caveat")));
        if (!missing.isEmpty()) cav.add(t.get("v.table.partial", String.join(", ", missing)));
        if (!allOk(seqIo, seqCpu)) {
            return missing(t, table, cav, e.pick("python-io", "python-sequential", "io", null), e.pick("python-cpu", "python-sequential", "cpu", null));
        }
        // "ideal for" is advice, not a measurable claim: the table illustrates it; the one sentence about the data is computed
        boolean onlyProcesses = !cpuFaster.isEmpty() && PROCESSES.containsAll(cpuFaster);
        String text = cpuFaster.isEmpty() ? t.get("v.table.none") : t.get(onlyProcesses ? "v.table" : "v.table.mixed", String.join(", ", cpuFaster));
        return verdict(t, table, Outcome.ILLUSTRATION, text, cav);
    }

    /** r's time and {@code speedup}, its speedup over {@code seq} (computed once by the caller, which judges it too). */
    private static String vsSeq(Text t, Result seq, Result r, Ratio speedup) {
        if (!allOk(seq, r)) return t.notOk(r);
        return t.time(r) + " · " + ratio(t, speedup);
    }

    static Body threading(Evidence e, Text t) {
        Result seqIo = e.get("python-io", "python-sequential", "io", null);
        Result seqCpu = e.get("python-cpu", "python-sequential", "cpu", null);
        Result io = e.get("python-io", "python-threading", "io", null);
        Result cpu = e.get("python-cpu", "python-threading", "cpu", null);
        Ratio ior = Judge.speedup(seqIo, io);
        Ratio cpur = Judge.speedup(seqCpu, cpu);
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.io"), t.get("col.cpu")), List.of(
                List.of("python-sequential", cell(t, seqIo), cell(t, seqCpu)),
                List.of("python-threading", vsSeq(t, seqIo, io, ior), vsSeq(t, seqCpu, cpu, cpur))));
        for (Result r : java.util.Arrays.asList(seqIo, seqCpu, io, cpu)) {
            if (r == null || !r.ok()) return missing(t, table, List.of(), e.pick("python-io", "python-threading", "io", null),
                    e.pick("python-cpu", "python-threading", "cpu", null), e.pick("python-io", "python-sequential", "io", null));
        }
        Scaling sio = Judge.scaling(ior);
        Scaling scpu = Judge.scaling(cpur);
        String text = t.get("v.threading", ratio(t, ior), ratio(t, cpur));
        List<String> cav = List.of(t.get("v.threading.caveat"));
        // threads slower than sequential on CPU (the GIL handed back and forth) is no parallelism either
        boolean noCpu = scpu == Scaling.NONE || scpu == Scaling.SLOWDOWN;
        if (sio == Scaling.SPEEDUP && noCpu) return verdict(t, table, Outcome.SUPPORTED, text, cav);
        if (sio == Scaling.NONE || sio == Scaling.SLOWDOWN || scpu == Scaling.SPEEDUP) {
            return verdict(t, table, Outcome.CONTRADICTED, text, cav);
        }
        return verdict(t, table, Outcome.INCONCLUSIVE, text, cav);
    }

    static Body processes(Evidence e, Text t) {
        Result seq = e.get("python-cpu", "python-sequential", "cpu", null);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("python-sequential", cell(t, seq), "–"));
        List<String> s = new ArrayList<>();
        Ratio mpSpeedup = null;
        for (String m : List.of("python-multiprocessing", "python-joblib", "python-dask")) {
            Result r = e.get("python-cpu", m, "cpu", null);
            Ratio x = Judge.speedup(seq, r);
            if (mpSpeedup == null) mpSpeedup = x; // multiprocessing's, which the verdict reads
            s.add(allOk(seq, r) ? ratio(t, x) : "–");
            rows.add(List.of(m, cell(t, r), s.getLast()));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.cpu"), t.get("col.vsseq")), rows);
        Result mp = e.get("python-cpu", "python-multiprocessing", "cpu", null);
        if (!allOk(seq, mp)) {
            return missing(t, table, List.of(), e.pick("python-cpu", "python-multiprocessing", "cpu", null),
                    e.pick("python-cpu", "python-sequential", "cpu", null));
        }
        String text = t.get("v.processes", s.get(0), s.get(1), s.get(2), atOnce(t, mp));
        return switch (Judge.scaling(mpSpeedup)) {
            case SPEEDUP -> verdict(t, table, Outcome.SUPPORTED, text, List.of());
            case NONE, SLOWDOWN -> verdict(t, table, Outcome.CONTRADICTED, text, List.of());
            case UNCLEAR -> verdict(t, table, Outcome.INCONCLUSIVE, text, List.of());
        };
    }

    /**
     * Celery "runs work in the background": the caller is free again once {@code apply_async} has put the
     * messages on the broker, before the work is done. Judged per process from {@code forks[].dispatch}: the
     * batch time over the time the hand-over took, its interval above the band (supported) or inside it (the
     * caller waited for the work: contradicted). The zero-work round trip beside it is shown, not judged.
     */
    static Body celery(Evidence e, Text t) {
        Result c = e.get("python-io", "python-celery", "io", null);
        Result mp = e.get("python-io", "python-multiprocessing", "io", null);
        Result seq = e.get("python-io", "python-sequential", "io", null);
        Result rtC = e.get("roundtrip", "python-celery", "cpu", null);
        Result rtMp = e.get("roundtrip", "python-multiprocessing", "cpu", null);
        Result rtSeq = e.get("roundtrip", "python-sequential", "cpu", null);
        int n = c != null ? c.params().tasks() : mp != null ? mp.params().tasks() : 0;
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.io") + " (" + t.get("col.tasks.n", t.n(n)) + ")",
                t.get("col.submit"), t.get("col.roundtrip")), List.of(
                List.of("python-celery", cell(t, c), handedOver(t, c), roundTrip(t, rtC)),
                List.of("python-multiprocessing", cell(t, mp), handedOver(t, mp), roundTrip(t, rtMp)),
                List.of("python-sequential", cell(t, seq), "–", roundTrip(t, rtSeq))));
        List<String> cav = new ArrayList<>(List.of(t.get("v.celery.caveat")));
        List<String> noRoundTrip = new ArrayList<>();
        String[] rtModels = {"python-celery", "python-multiprocessing", "python-sequential"};
        Result[] rt = {rtC, rtMp, rtSeq};
        for (int i = 0; i < rt.length; i++) if (rt[i] == null || !rt[i].ok()) noRoundTrip.add(rtModels[i] + " (" + t.notOk(rt[i]) + ")");
        cav.add(noRoundTrip.isEmpty() ? t.get("v.celery.rtcaveat") : t.get("v.celery.nort", String.join("; ", noRoundTrip)));
        if (c == null || !c.ok()) {
            return missing(t, table, cav, new Evidence.Pick("python-celery", c, null, whyMissing(c)));
        }
        Ratio freed = Judge.freedSooner(c);
        if (freed == null) return missing(t, table, cav, new Evidence.Pick("python-celery", c, null, null));
        ForkInfo.Dispatch d = dispatch(c);
        StringBuilder text = new StringBuilder(t.get("v.celery", duration(t, d.submitMs()), t.n(n), duration(t, d.submitMs() / n),
                duration(t, d.completeMs()), ratio(t, freed)));
        Outcome o;
        if (freed.above(Judge.BAND)) {
            o = Outcome.SUPPORTED;
            text.append(' ').append(t.get("v.celery.background"));
        } else if (freed.within(Judge.BAND)) {
            o = Outcome.CONTRADICTED;
            text.append(' ').append(t.get("v.celery.waited"));
        } else {
            o = Outcome.INCONCLUSIVE;
            text.append(' ').append(t.get("v.celery.unclear"));
        }
        ForkInfo.Dispatch dm = dispatch(mp);
        if (dm != null) text.append(' ').append(t.get("v.celery.mp", duration(t, dm.submitMs()), duration(t, dm.completeMs())));
        if (allOk(rtC, rtMp, rtSeq)) {
            text.append(' ').append(t.get("v.celery.roundtrip", t.shortTime(rtC), t.shortTime(rtMp),
                    ratio(t, Judge.speedup(rtC, rtMp)), t.shortTime(rtSeq)));
        }
        return verdict(t, table, o, text.toString(), cav);
    }

    /** A process's hand-over and completion, the median over the result's processes; {@code null} when one did not time it. */
    private static ForkInfo.Dispatch dispatch(Result r) {
        if (r == null || !r.ok() || r.forks() == null || r.forks().isEmpty()) return null;
        List<Double> submit = new ArrayList<>();
        List<Double> complete = new ArrayList<>();
        long batches = 0;
        for (ForkInfo f : r.forks()) {
            if (f.dispatch() == null) return null;
            submit.add(f.dispatch().submitMs());
            complete.add(f.dispatch().completeMs());
            batches += f.dispatch().batches();
        }
        return new ForkInfo.Dispatch(batches, Stats.median(submit), Stats.median(complete));
    }

    /** "14 ms (280 µs/task)": how long the hand-over took, or "–". */
    private static String handedOver(Text t, Result r) {
        ForkInfo.Dispatch d = dispatch(r);
        if (d == null) return "–";
        return duration(t, d.submitMs()) + " (" + t.get("cell.pertask", duration(t, d.submitMs() / r.params().tasks())) + ")";
    }

    private static String roundTrip(Text t, Result r) {
        return r != null && r.ok() ? t.shortTime(r) : t.notOk(r);
    }

    /** Milliseconds from 1 ms up, microseconds below. */
    private static String duration(Text t, double ms) {
        return ms >= 1 ? t.ms(ms) : t.micros(ms * 1000);
    }

    private static String whyMissing(Result r) {
        if (r == null) return Evidence.NOT_RUN;
        return r.note() == null ? r.status() : r.note().lines().findFirst().orElse(r.status());
    }

    /** "A handful" of threads for one reactor: the reactor's and a few the runtime keeps (CPython's main thread, a resolver). */
    static final int HANDFUL = 4;

    /**
     * Threading is "ideal for handling many network connections": http.server's ThreadingHTTPServer (a thread per
     * connection, one GIL), N connections each waiting D, reaches {@value Servers#KEEPS_UP} of its Little's-law ceiling
     * N / D (its threads let go of the GIL while they wait). Contradicted when the interval lies below it. Where
     * asyncio's server holds the same idle connections for conclusively less memory per connection, true with a
     * correction: each connection costs a thread.
     */
    static Body threadConnections(Evidence e, Text t) {
        int n = Catalog.LOAD_CONNECTIONS;
        Servers.Procs wait = Servers.of(e, t, "load-wait", "python-threading", n);
        Servers.Procs hold = Servers.of(e, t, "load-hold", "python-threading", n);
        Servers.Procs asyncio = Servers.of(e, t, "load-hold", "python-asyncio", n);
        Slide.Table table = Servers.table(e, t, List.of("python-threading", "python-asyncio", "python-twisted"));
        List<Slide.Figure> figures = Servers.figures(e, t, true, false);
        List<String> cav = new ArrayList<>(Servers.caveats(e, t, "load-hold", "load-wait"));
        if (!wait.ok() || !wait.hasCeiling()) return Servers.missing(t, table, cav, figures, wait);
        cav.addAll(Servers.degraded(t, wait, hold, asyncio));
        Ratio share = Servers.share(wait);
        StringBuilder text = new StringBuilder(t.get("v.threadconns", t.n(n), t.messages().duration(Catalog.LOAD_WAIT_MICROS * 1000),
                t.n(wait.meanAchieved()), Servers.pct(t, share), wait.threads()));
        Outcome o = share.below(Servers.KEEPS_UP) ? Outcome.CONTRADICTED : share.above(Servers.KEEPS_UP) ? Outcome.SUPPORTED
                : Outcome.INCONCLUSIVE;
        if (o == Outcome.SUPPORTED) text.append(' ').append(t.get("v.threadconns.gil"));
        if (hold.ok() && asyncio.ok()) {
            Ratio mem = Servers.ratio(hold.memory(), asyncio.memory());
            text.append(' ').append(t.get("v.threadconns.mem", t.n(n), Servers.mem(t, hold), hold.threads(), Servers.mem(t, asyncio),
                    asyncio.threads(), (asyncio.belowAPage() ? "≥ " : "") + ratio(t, mem)));
            if (o == Outcome.SUPPORTED && mem.above(1)) {
                o = Outcome.NUANCED;
                text.append(' ').append(t.get("v.threadconns.cost"));
            }
        } else {
            cav.add(t.get("cav.nomemory", String.join(", ", java.util.stream.Stream.of(hold, asyncio).filter(p -> !p.ok())
                    .map(p -> p.model() + " (" + Servers.notOk(t, p) + ")").toList())));
        }
        return Servers.withFigures(verdict(t, table, o, text.toString(), cav), figures);
    }

    /**
     * Twisted is "for HTTP servers": twisted.web, N connections each waiting D, reaches {@value Servers#KEEPS_UP} of its
     * ceiling N / D with at most {@value #HANDFUL} threads in its busiest process (one reactor). Contradicted below it;
     * more threads than a handful, with the answers reached, is true with a correction. asyncio's server, under the
     * same load, is shown beside, not judged.
     */
    static Body twisted(Evidence e, Text t) {
        int n = Catalog.LOAD_CONNECTIONS;
        Servers.Procs tw = Servers.of(e, t, "load-wait", "python-twisted", n);
        Servers.Procs asyncio = Servers.of(e, t, "load-wait", "python-asyncio", n);
        Slide.Table table = Servers.table(e, t, List.of("python-twisted", "python-asyncio", "python-threading"));
        List<Slide.Figure> figures = Servers.figures(e, t, false, true);
        List<String> cav = new ArrayList<>(Servers.caveats(e, t, "load-hold", "load-wait", "load-rate"));
        if (!tw.ok() || !tw.hasCeiling()) return Servers.missing(t, table, cav, figures, tw);
        cav.addAll(Servers.degraded(t, tw));
        Ratio share = Servers.share(tw);
        int threads = tw.results().stream().mapToInt(r -> r.server() == null ? 0 : r.server().threadsAfter()).max().orElse(0);
        StringBuilder text = new StringBuilder(t.get("v.twisted", t.n(n), t.messages().duration(Catalog.LOAD_WAIT_MICROS * 1000),
                t.n(tw.meanAchieved()), Servers.pct(t, share), threads));
        if (asyncio.ok() && asyncio.hasCeiling()) {
            text.append(' ').append(t.get("v.twisted.asyncio", t.n(asyncio.meanAchieved()), Servers.pct(t, Servers.share(asyncio)),
                    ratio(t, Servers.ratio(tw.achieved(), asyncio.achieved()))));
        }
        Outcome o = share.below(Servers.KEEPS_UP) ? Outcome.CONTRADICTED : share.above(Servers.KEEPS_UP)
                ? (threads <= HANDFUL ? Outcome.SUPPORTED : Outcome.NUANCED) : Outcome.INCONCLUSIVE;
        if (o == Outcome.NUANCED) text.append(' ').append(t.get("v.twisted.threads", threads));
        return Servers.withFigures(verdict(t, table, o, text.toString(), cav), figures);
    }
}
