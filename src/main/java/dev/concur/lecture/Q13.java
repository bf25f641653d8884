package dev.concur.lecture;

import static dev.concur.lecture.Rules.cell;
import static dev.concur.lecture.Rules.mem;
import static dev.concur.lecture.Rules.missing;
import static dev.concur.lecture.Rules.ratio;
import static dev.concur.lecture.Rules.table;
import static dev.concur.lecture.Rules.threadsOf;
import static dev.concur.lecture.Rules.verdict;

import dev.concur.lecture.Claims.Body;
import dev.concur.lecture.Evidence.Pick;
import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Result;
import dev.concur.workload.EmitWorkload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Question 1.3: reactive programming and event-driven services outside Python. */
final class Q13 {
    private Q13() {}

    /**
     * The loop does not block on waits (io: Node's 10,000 timers overlap, {@link Q11#overlapped}), but
     * {@code emit()} calls its listeners before it returns: with one event alive at a time in every process
     * ({@link #ONE_AT_A_TIME}) and the loop's probe waiting at least {@link Q11#BLOCKED} of the batch, the claim
     * holds with a correction. Deferred with setImmediate, every emit returned before any listener ran (all N
     * alive) and the probe still waited: deferring frees the caller, not the loop. Events that outlived their
     * emit() in the synchronous form would make "non-blocking" hold as it stands: supported.
     */
    static Body emitter(Evidence e, Text t) {
        Pick n = e.pick("io", "node-eventloop", "io", null);
        Pick s = e.pick("emit", "node-eventloop", "emit", 1);
        Pick d = e.pick("emit", "node-eventloop", "emit-deferred", 1);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(t, n, "io"));
        rows.add(row(t, s, "emit"));
        rows.add(row(t, d, "emit-deferred"));
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.workload"), t.get("col.batch"), t.get("col.atonce"),
                t.get("col.lag99")), rows);
        List<String> cav = List.of(t.get("v.emitter.caveat", EmitWorkload.LISTENERS));
        if (!Rules.allOk(n, s, d)) return missing(t, table, cav, n, s, d);
        Result sr = s.result();
        Result dr = d.result();
        if (sr.alive() == null || dr.alive() == null || sr.loopLag() == null || dr.loopLag() == null) {
            return missing(t, table, cav, s, d);
        }
        var params = n.result().params();
        double latency = params.latencyMs() == null ? 0 : params.latencyMs();
        String text = t.get("v.emitter", t.n(params.tasks()), t.time(n.result()), t.ms(latency), t.ms(Q11.OVERLAP * latency));
        int overlapped = Q11.overlapped(n.result());
        if (overlapped < 0) return verdict(t, table, Outcome.CONTRADICTED, text + " " + t.get("v.io.not", n.label(t)), cav, n);
        if (overlapped == 0) return verdict(t, table, Outcome.INCONCLUSIVE, text + " " + t.get("v.io.some"), cav, n);
        long events = sr.alive().tasks();
        long syncMost = Collections.max(sr.alive().peakPerFork());
        if (syncMost > ONE_AT_A_TIME) {
            // the listeners outlived their emit(): emit did not wait for them
            return verdict(t, table, Outcome.SUPPORTED, text + " " + t.get("v.emitter.async", t.n(syncMost), t.n(events)), cav,
                    n, s, d);
        }
        if (Q11.blocked(sr) < 0) {
            // one event at a time, yet the probe was served while the listeners ran: the probe does not decide
            return verdict(t, table, Outcome.INCONCLUSIVE, text + " " + t.get("v.emitter.sync.free", t.ms(sr.loopLag().p99()),
                    t.ms(sr.batchTime().score())), cav, n, s, d);
        }
        long deferredLeast = Collections.min(dr.alive().peakPerFork());
        String later = deferredLeast >= dr.alive().tasks()
                ? t.get(Q11.blocked(dr) > 0 ? "v.emitter.later" : "v.emitter.later.free", t.n(dr.alive().tasks()),
                        t.ms(dr.loopLag().p99()), t.ms(dr.batchTime().score()))
                : t.get("v.emitter.later.some", t.n(deferredLeast), t.n(dr.alive().tasks()));
        return verdict(t, table, Outcome.NUANCED, text + " " + t.get("v.emitter.sync", t.n(events), EmitWorkload.LISTENERS,
                t.ms(sr.loopLag().p99()), t.ms(sr.batchTime().score())) + " " + later, cav, n, s, d);
    }

    /** Events alive at once, at most, in every process, for "emit() returned only after its listeners". */
    static final long ONE_AT_A_TIME = 1;

    private static List<String> row(Text t, Pick p, String what) {
        Result r = p.ok() ? p.result() : null;
        String atOnce = "–";
        if (r != null && r.alive() != null && !r.alive().peakPerFork().isEmpty()) {
            long lo = Collections.min(r.alive().peakPerFork());
            long hi = Collections.max(r.alive().peakPerFork());
            atOnce = lo == hi ? t.n(lo) : t.n(lo) + "–" + t.n(hi);
        }
        return List.of(p.label(t), what, cell(t, p), atOnce, r != null && r.loopLag() != null ? t.ms(r.loopLag().p99()) : "–");
    }

    static Body rx(Evidence e, Text t) {
        List<Pick> picks = List.of(e.pick("pipeline", "reactive", "pipeline", null), e.pick("pipeline", "node-rxjs", "pipeline", null),
                e.pick("pipeline", "node-eventloop", "pipeline", null), e.pick("pipeline", "eventloop", "pipeline", null),
                e.pick("pipeline", "virtual", "pipeline", null));
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : picks) rows.add(List.of(x.label(t), cell(t, x), x.ok() ? t.n(x.result().throughputTasksPerSec()) : "–"));
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.items")), rows);
        Pick reactive = picks.get(0);
        Pick rxjs = picks.get(1);
        if (!reactive.ok()) return missing(t, table, List.of(), reactive);
        // "lets us transform streams" describes a library: shown, not judged. Both chains hop asynchronously before
        // each stage and the consumer (Reactor between threads, RxJS a microtask on one thread), so their times are
        // set side by side through Judge, as a figure; bounded demand is Reactor's alone.
        String text = t.get("v.rx", t.n(reactive.result().params().tasks()), t.time(reactive.result())) + " "
                + (rxjs.ok() && rxjs.standIn() == null
                        ? t.get("v.rx.rxjs", t.time(rxjs.result()), ratio(t, Judge.speedup(rxjs.result(), reactive.result())))
                        : t.get("v.rx.norxjs", Rules.why(t, e.get("pipeline", "node-rxjs", "pipeline", null))));
        return verdict(t, table, Outcome.ILLUSTRATION, text, List.of());
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
        if (!Rules.allOk(r, l, v)) {
            return missing(t, table, List.of(), e.pick("io", "reactive", "io", null), e.pick("io", "eventloop", "io", null),
                    e.pick("io", "virtual", "io", null));
        }
        // a definition: shown, with what the data says of its cost beside the loop
        int c = Judge.compare(r, l);
        String vs = t.get(c < 0 ? "v.reactive.faster" : c > 0 ? "v.reactive.slower" : "v.reactive.same",
                ratio(t, Judge.speedup(r, l)));
        return verdict(t, table, Outcome.ILLUSTRATION, t.get("v.reactive", t.n(r.params().tasks()), t.time(r), t.time(l), t.time(v))
                + " " + vs, List.of());
    }
}
