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
import java.util.ArrayList;
import java.util.List;

/** Question 1.3: reactive programming and event-driven services outside Python. */
final class Q13 {
    private Q13() {}

    static Body emitter(Evidence e, Text t) {
        Pick n = e.pick("io", "node-eventloop", "io", null);
        List<List<String>> rows = new ArrayList<>();
        for (Pick x : List.of(n, e.pick("io", "eventloop", "io", null), e.pick("io", "python-asyncio", "io", null))) {
            rows.add(List.of(x.label(t), cell(t, x), threadsOf(t, x.result())));
        }
        Slide.Table table = table(List.of(t.get("col.model"), t.get("col.batch"), t.get("col.threads")), rows);
        List<String> cav = List.of(t.get("v.emitter.caveat"));
        if (!n.ok()) return missing(t, table, cav, n);
        var params = n.result().params();
        double latency = params.latencyMs() == null ? 0 : params.latencyMs();
        String text = t.get("v.emitter", t.n(params.tasks()), t.time(n.result()), t.ms(latency), t.ms(Q11.OVERLAP * latency));
        return switch (Q11.overlapped(n.result())) {
            case 1 -> verdict(t, table, Outcome.SUPPORTED, text, cav, n);
            case -1 -> verdict(t, table, Outcome.CONTRADICTED, text + " " + t.get("v.io.not", n.label(t)), cav, n);
            default -> verdict(t, table, Outcome.INCONCLUSIVE, text + " " + t.get("v.io.some"), cav, n);
        };
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
