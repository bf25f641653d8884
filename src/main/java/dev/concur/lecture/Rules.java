package dev.concur.lecture;

import dev.concur.lecture.Claims.Body;
import dev.concur.lecture.Evidence.Pick;
import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Result;
import dev.concur.stats.Ratio;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What every claim's rule shares: cells, missing results, stand-ins and the verdict they may give. */
final class Rules {
    private Rules() {}

    /**
     * A verdict about the picks' models. When any pick is a JVM stand-in for a runtime that could not
     * run here, a finding (supported, nuanced, contradicted) becomes an {@link Outcome#ILLUSTRATION}
     * and the text opens by naming the model really measured: a stand-in never speaks for Go,
     * asyncio or Node.
     */
    static Body verdict(Text t, Slide.Table table, Outcome o, String text, List<String> caveats, Pick... picks) {
        return verdict(t, table, List.of(), o, text, caveats, picks);
    }

    static Body verdict(Text t, Slide.Table table, List<Result> timelines, Outcome o, String text, List<String> caveats,
                        Pick... picks) {
        Set<String> stood = new LinkedHashSet<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (Pick p : picks) {
            if (p.standIn() == null) continue;
            stood.add(p.standIn());
            claimed.add(p.model());
        }
        List<String> cav = new ArrayList<>(caveats);
        cav.addAll(Rules.caveats(t, picks));
        if (!stood.isEmpty() && (o == Outcome.SUPPORTED || o == Outcome.NUANCED || o == Outcome.CONTRADICTED)) {
            return new Body(table, timelines, new Verdict(Outcome.ILLUSTRATION,
                    t.get("v.standin", String.join(", ", stood), String.join(", ", claimed)) + " " + text, dedupe(cav)));
        }
        return new Body(table, timelines, new Verdict(o, text, dedupe(cav)));
    }

    private static List<String> dedupe(List<String> xs) {
        return new ArrayList<>(new LinkedHashSet<>(xs));
    }

    /** Why a result is not a measurement, in the deck's language: its note, or "not run". */
    static String why(Text t, Result r) {
        if (r == null) return t.get("cell.notrun");
        return r.note() == null ? t.messages().status(r.status()) : t.messages().note(r.note().lines().findFirst().orElse(r.status()));
    }

    static Body missing(Text t, Slide.Table table, List<String> caveats, Pick... picks) {
        Set<String> what = new LinkedHashSet<>();
        for (Pick p : picks) {
            if (p.ok()) continue;
            String why = p.missing() == null || p.missing().equals(Evidence.NOT_RUN) ? t.get("cell.notrun") : t.messages().note(p.missing());
            what.add(p.model() + " (" + why + ")");
        }
        // every result ran: the rule needed a figure one of them does not carry (a lag probe, task times)
        if (what.isEmpty()) for (Pick p : picks) what.add(p.model() + " (" + t.get("v.nofigure") + ")");
        List<String> cav = new ArrayList<>(caveats);
        cav.addAll(caveats(t, picks));
        return new Body(table, List.of(), new Verdict(Outcome.UNAVAILABLE, t.get("v.unavailable", String.join("; ", what)), dedupe(cav)));
    }

    /** A measurement that cannot be a finding (a concur bug, an anomaly): not available, and why. */
    static Body suspect(Text t, Slide.Table table, String why) {
        return new Body(table, List.of(), new Verdict(Outcome.UNAVAILABLE, t.get("v.suspect", why), List.of()));
    }

    static boolean allOk(Pick... picks) {
        for (Pick p : picks) if (!p.ok()) return false;
        return true;
    }

    /** Every result present and {@code ok}. */
    static boolean allOk(Result... results) {
        for (Result r : results) if (r == null || !r.ok()) return false;
        return true;
    }

    /** Stand-in caveats for every pick that used a JVM counterpart. */
    static List<String> caveats(Text t, Pick... picks) {
        Set<String> out = new LinkedHashSet<>();
        for (Pick p : picks) {
            if (p.standIn() != null) {
                String why = p.missing() == null || p.missing().equals(Evidence.NOT_RUN) ? t.get("cell.notrun") : t.messages().note(p.missing());
                out.add(t.get("standin.caveat", p.model(), why, p.standIn()));
            }
        }
        return new ArrayList<>(out);
    }

    static String cell(Text t, Pick p) {
        return p.ok() ? t.time(p.result()) : t.notOk(p.result());
    }

    static String cell(Text t, Result r) {
        return r != null && r.ok() ? t.time(r) : t.notOk(r);
    }

    /** "1.9× [1.8–2.0]": the ratio and its interval; "1.1× [–]" where there is no interval. */
    static String ratio(Text t, Ratio r) {
        if (Double.isNaN(r.value())) return "–";
        return t.x(r.value()) + (r.hasInterval() ? " [" + t.x2(r.low()) + "–" + t.x2(r.high()) + "]" : " [–]");
    }

    /** The speedup from {@code one} to {@code two} with its interval, or "–" when either is missing. */
    static String speedup(Text t, Result one, Result two) {
        if (!allOk(one, two)) return "–";
        return ratio(t, Judge.speedup(one, two));
    }

    static String threadsOf(Text t, Result r) {
        Integer n = r == null ? null : Evidence.threads(r);
        return n == null ? "–" : t.n(n);
    }

    static String mem(Text t, Result r) {
        Double b = r == null || !r.ok() ? null : Evidence.bytesPerTask(r);
        return b == null ? "–" : t.bytes(b);
    }

    static Slide.Table table(List<String> headers, List<List<String>> rows) {
        return new Slide.Table(headers, rows);
    }
}
