package dev.concur.lecture;

import static dev.concur.lecture.Rules.allOk;
import static dev.concur.lecture.Rules.cell;
import static dev.concur.lecture.Rules.missing;
import static dev.concur.lecture.Rules.ratio;
import static dev.concur.lecture.Rules.speedup;
import static dev.concur.lecture.Rules.suspect;
import static dev.concur.lecture.Rules.table;
import static dev.concur.lecture.Rules.threadsOf;
import static dev.concur.lecture.Rules.verdict;

import dev.concur.lecture.Claims.Body;
import dev.concur.lecture.Judge.Scaling;
import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Result;
import dev.concur.result.Timeline;
import dev.concur.stats.Ratio;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Question 1.4: sequential, parallel, and where concurrency comes in. */
final class Q14 {
    private Q14() {}

    /** A median task "finished later" when its completion time is at least this many times the other's. */
    static final double LATER = 1.2;

    static Slide.Table seqparTable(Evidence e, Text t, String exp, String workload) {
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
        Ratio r = Judge.speedup(a, b);
        String s = ratio(t, r);
        return switch (Judge.scaling(r)) {
            case NONE -> verdict(t, table, Outcome.SUPPORTED, t.get("v.sequential", t.time(a), t.time(b), s), List.of());
            // sequential code, yet the process used the second core (the JVM's own threads): the claim, corrected
            case SPEEDUP -> verdict(t, table, Outcome.NUANCED, t.get("v.sequential.no", t.time(a), t.time(b), s), List.of());
            case SLOWDOWN -> suspect(t, table, t.get("v.slower", "sequential", s));
            case UNCLEAR -> verdict(t, table, Outcome.INCONCLUSIVE, t.get("v.sequential.unclear", t.time(a), t.time(b), s), List.of());
        };
    }

    static Body parallel(Evidence e, Text t) {
        Slide.Table table = seqparTable(e, t, "seqpar-cpu", "cpu");
        Result f2 = e.get("seqpar-cpu", "forkjoin", "cpu", 2);
        Result s2 = e.get("seqpar-cpu", "sequential", "cpu", 2);
        Result f1 = e.get("seqpar-cpu", "forkjoin", "cpu", 1);
        Result s1 = e.get("seqpar-cpu", "sequential", "cpu", 1);
        if (!allOk(f2, s2)) {
            return missing(t, table, List.of(), e.pick("seqpar-cpu", "forkjoin", "cpu", 2), e.pick("seqpar-cpu", "sequential", "cpu", 2));
        }
        Ratio two = Judge.speedup(s2, f2);
        String text = t.get("v.parallel2", t.time(f2), t.time(s2), ratio(t, two));
        // "without spare cores there is no parallelism": said only when the 1-core pair shows it
        Ratio one = Judge.speedup(s1, f1);
        if (allOk(f1, s1) && Judge.scaling(one) == Scaling.NONE) text += " " + t.get("v.parallel2.one", ratio(t, one));
        return switch (Judge.scaling(two)) {
            case SPEEDUP -> verdict(t, table, Outcome.SUPPORTED, text, List.of());
            case NONE, SLOWDOWN -> verdict(t, table, Outcome.CONTRADICTED, text, List.of());
            case UNCLEAR -> verdict(t, table, Outcome.INCONCLUSIVE, text, List.of());
        };
    }

    static Body concurrent(Evidence e, Text t) {
        Slide.Table table = seqparTable(e, t, "seqpar-io", "io");
        Result l1 = e.get("seqpar-io", "eventloop", "io", 1);
        Result l2 = e.get("seqpar-io", "eventloop", "io", 2);
        Result s1 = e.get("seqpar-io", "sequential", "io", 1);
        if (!allOk(l1, s1)) {
            return missing(t, table, List.of(), e.pick("seqpar-io", "eventloop", "io", 1), e.pick("seqpar-io", "sequential", "io", 1));
        }
        String text = t.get("v.concurrent", t.n(l1.params().tasks()), t.time(l1), t.time(s1), speedup(t, s1, l1));
        // "concurrency without parallelism": said only when the second core measurably changes nothing
        Ratio cores = Judge.speedup(l1, l2);
        if (allOk(l2) && Judge.scaling(cores) == Scaling.NONE) text += " " + t.get("v.concurrent.two", t.time(l2), ratio(t, cores));
        int c = Judge.compare(l1, s1);
        Outcome o = c < 0 ? Outcome.SUPPORTED : c > 0 ? Outcome.CONTRADICTED : Outcome.INCONCLUSIVE;
        return verdict(t, table, o, text, List.of());
    }

    /** What a traced batch shows: threads that ran code, most runs at once, most tasks in progress at once. */
    record Shape(int threads, int running, int inFlight, int tasks) {}

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
        return new Shape(threads.size(), maxOverlap(runs), maxOverlap(spans), tl.timeline().size());
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
        // a traced batch that does not have the three shapes says the course's picture failed here, with the shapes seen
        return Rules.verdict(t, table, charts, matches ? Outcome.SUPPORTED : Outcome.CONTRADICTED, t.get("v.timeline",
                seq.running(), seq.threads(), fj.running(), fj.threads(), loop.inFlight(), loop.threads(), loop.running(),
                loop.tasks()), List.of());
    }

    static Body perTask(Evidence e, Text t) {
        Result seq = e.get("pertask", "sequential", "cpu", 2);
        Result pool = e.get("pertask", "platform", "cpu", 2);
        Result per = e.get("pertask", "platform-per-task", "cpu", 2);
        List<List<String>> rows = new ArrayList<>();
        for (Result r : java.util.Arrays.asList(seq, pool, per)) {
            if (r == null) continue;
            String name = r.model().equals("platform") ? "platform (" + r.params().threads() + ")" : r.model();
            rows.add(List.of(name, cell(t, r), r.ok() && r.taskLatency() != null ? t.ms(r.taskLatency().p50()) : "–",
                    r.ok() && r.taskLatency() != null ? t.ms(r.taskLatency().p99()) : "–", threadsOf(t, r)));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.task50"), t.get("col.task99"),
                t.get("col.threads")), rows);
        if (!allOk(seq, pool, per) || pool.taskLatency() == null || per.taskLatency() == null) {
            return missing(t, table, List.of(), e.pick("pertask", "sequential", "cpu", 2), e.pick("pertask", "platform", "cpu", 2),
                    e.pick("pertask", "platform-per-task", "cpu", 2));
        }
        Ratio poolSpeedup = Judge.speedup(seq, pool);
        Scaling batch = Judge.scaling(poolSpeedup);
        double later = per.taskLatency().p50() / pool.taskLatency().p50();
        String text = t.get("v.pertask", t.n(seq.params().tasks()), ratio(t, poolSpeedup), pool.params().threads(),
                t.ms(pool.taskLatency().p50()), t.ms(per.taskLatency().p50()), t.x(later));
        List<String> cav = List.of(t.get("v.pertask.caveat"));
        if (batch == Scaling.NONE || batch == Scaling.SLOWDOWN) return verdict(t, table, Outcome.CONTRADICTED, text, cav);
        if (batch == Scaling.SPEEDUP && later >= LATER) {
            return verdict(t, table, Outcome.NUANCED, text + " " + t.get("v.pertask.later", cell(t, per), cell(t, seq),
                    threadsOf(t, per)), cav);
        }
        if (batch == Scaling.SPEEDUP && later <= 1 / LATER) return verdict(t, table, Outcome.SUPPORTED, text, cav);
        return verdict(t, table, Outcome.INCONCLUSIVE, text, cav);
    }

    /** One loop thread "interleaves connections" when it answers this many times what the same loop does with a blocking handler. */
    static final double INTERLEAVES = 10;
    /** Below this many times, it did not interleave them. */
    static final double DOES_NOT = 2;

    /**
     * "A web server based on a single thread … interleaves the handling of different connections": the same connections
     * each waiting the same D, against one loop thread whose waits are timers (eventloop) and against the same loop whose
     * handler sleeps (eventloop-blocking, capped at 1 / D). Supported when the interval of their answers per second lies
     * above {@value #INTERLEAVES}×; contradicted below {@value #DOES_NOT}×.
     */
    static Body interleave(Evidence e, Text t) {
        int c = Catalog.INTERLEAVE_CONNECTIONS;
        Servers.Procs loop = Servers.of(e, t, "load-interleave", "eventloop", c);
        Servers.Procs blocking = Servers.of(e, t, "load-interleave", "eventloop-blocking", c);
        List<List<String>> rows = new ArrayList<>();
        for (Servers.Procs p : List.of(loop, blocking)) {
            boolean fig = p.ok() && p.hasCeiling();
            rows.add(List.of(p.model(), p.ok() ? t.n(p.threads()) : "–", p.ok() ? t.n(p.meanAchieved()) : Servers.notOk(t, p),
                    fig ? t.n(dev.concur.stats.Stats.median(p.ceilings())) : "–", fig ? Servers.pct(t, Servers.share(p)) : "–"));
        }
        String wait = t.messages().duration(Catalog.INTERLEAVE_WAIT_MICROS * 1000);
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.loadthreads"), t.get("col.answers", t.n(c), wait),
                t.get("col.ceiling"), t.get("col.ofceiling")), rows);
        List<String> cav = new ArrayList<>(Servers.caveats(e, t, "load-interleave"));
        cav.addAll(Servers.degraded(t, loop, blocking));
        if (!Servers.allOk(loop, blocking) || !loop.hasCeiling() || !blocking.hasCeiling()) {
            return Servers.missing(t, table, cav, List.of(), loop, blocking);
        }
        Ratio r = Servers.ratio(loop.achieved(), blocking.achieved());
        String text = t.get("v.interleave", t.n(c), wait, t.n(loop.meanAchieved()), Servers.pct(t, Servers.share(loop)),
                t.n(blocking.meanAchieved()), t.n(dev.concur.stats.Stats.median(blocking.ceilings())), ratio(t, r));
        Outcome o = r.above(INTERLEAVES) ? Outcome.SUPPORTED : r.below(DOES_NOT) ? Outcome.CONTRADICTED : Outcome.INCONCLUSIVE;
        return verdict(t, table, o, text, cav);
    }
}
