package dev.concur.lecture;

import dev.concur.lecture.Claims.Body;
import dev.concur.report.Charts;
import dev.concur.report.LoadCharts;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.stats.Ratio;
import dev.concur.stats.Stats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server slides share (1.2.2, 1.4.3, 1.5.4, 1.5.5, read from {@code concur load} reports):
 * one model's server processes at one configuration, their per-process figures, the table and the
 * charts. The unit is the server process, as the JMH fork is elsewhere: each figure is one number
 * per process, and two models compare by {@link Ratio}'s interval over those numbers.
 */
final class Servers {
    /** A server keeps up with its connections when its answers per second reach this share of its Little's-law ceiling. */
    static final double KEEPS_UP = 0.8;
    /** Resident memory moves by pages: a growth below one page over all connections is below what it can show. */
    static final double PAGE = 4096;

    private Servers() {}

    /**
     * One model's server processes at one configuration.
     *
     * @param missing why they are not a measurement, in the deck's words ({@link Evidence#NOT_RUN} when none ran), or {@code null}
     */
    record Procs(String model, int connections, List<LoadResult> results, String missing) {
        boolean ok() {
            return missing == null;
        }

        /** Correct answers per second, one per process. */
        List<Double> achieved() {
            return results.stream().map(r -> Math.max(r.achievedRate() == null ? 0 : r.achievedRate(), 1e-9)).toList();
        }

        /** The Little's-law ceiling, one per process (the same unless a process opened fewer connections). */
        List<Double> ceilings() {
            return results.stream().map(r -> r.ceiling() == null ? Double.NaN : r.ceiling().rate()).toList();
        }

        boolean hasCeiling() {
            return results.stream().allMatch(r -> r.ceiling() != null && r.ceiling().rate() > 0);
        }

        /** Memory per held connection, one per process, at least {@link #PAGE} over all connections. */
        List<Double> memory() {
            double floor = PAGE / connections;
            return results.stream().map(r -> Math.max(r.perRequest() == null || r.perRequest().memoryBytes() == null ? 0
                    : r.perRequest().memoryBytes(), floor)).toList();
        }

        /** Whether a process's resident memory grew by less than a page over all its connections. */
        boolean belowAPage() {
            return results.stream().anyMatch(r -> r.perRequest() == null || r.perRequest().memoryBytes() == null
                    || r.perRequest().memoryBytes() < PAGE / connections);
        }

        /** The median process's threads at the end (hold: with every connection open; wait: after the measured phase). */
        int threads() {
            return (int) Math.round(Stats.median(results.stream().map(r -> r.server() == null ? 0.0 : r.server().threadsAfter()).toList()));
        }

        /** Answers per second across the processes: their geometric mean, the one {@link #share} divides by the ceiling. */
        double meanAchieved() {
            return geometricMean(achieved());
        }

        /** Memory per connection across the processes: their geometric mean, the one every memory ratio is made of. */
        double meanMemory() {
            return geometricMean(memory());
        }

        /** For {@link Rules#missing}: a pick with no result, and why. */
        Evidence.Pick pick() {
            return new Evidence.Pick(model, null, null, missing);
        }
    }

    /**
     * {@code model}'s processes at {@code connections} in load experiment {@code exp}: every one a measurement
     * ({@code ok}, or {@code degraded}: a server that did not keep up, with what it really did), or why not.
     */
    static Procs of(Evidence e, Text t, String exp, String model, int connections) {
        List<LoadResult> rs = e.load(exp, model, connections);
        if (rs.isEmpty()) return new Procs(model, connections, rs, Evidence.NOT_RUN);
        for (LoadResult r : rs) if (!measured(r)) return new Procs(model, connections, rs, why(t, r));
        return new Procs(model, connections, rs, null);
    }

    /** A result whose figures are what the server did: {@code ok}, or {@code degraded}. */
    static boolean measured(LoadResult r) {
        return r.status().equals("ok") || r.status().equals("degraded");
    }

    /** "skipped: python3 not found (…)", the status and the report's first reason, in the deck's language where known. */
    static String why(Text t, LoadResult r) {
        String word = t.has("load.status." + r.status()) ? t.get("load.status." + r.status()) : r.status();
        return r.why() == null || r.why().isEmpty() ? word : word + ": " + t.messages().note(r.why().get(0));
    }

    /** The caveats naming every degraded process of the judged models: its figures count, and why it did not keep up. */
    static List<String> degraded(Text t, Procs... ps) {
        List<String> out = new ArrayList<>();
        for (Procs p : ps) {
            for (LoadResult r : p.results()) {
                if (r.status().equals("degraded")) out.add(t.get("cav.degraded", p.model(), r.process(), why(t, r)));
            }
        }
        return out;
    }

    static double geometricMean(List<Double> xs) {
        return Math.exp(xs.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
    }

    static boolean allOk(Procs... ps) {
        for (Procs p : ps) if (!p.ok()) return false;
        return true;
    }

    /** Not available: the processes that are not a measurement, and why; the charts still shown. */
    static Body missing(Text t, Slide.Table table, List<String> caveats, List<Slide.Figure> figures, Procs... ps) {
        List<Evidence.Pick> picks = new ArrayList<>();
        for (Procs p : ps) if (!p.ok()) picks.add(p.pick());
        return withFigures(Rules.missing(t, table, caveats, picks.toArray(Evidence.Pick[]::new)), figures);
    }

    static Body withFigures(Body b, List<Slide.Figure> figures) {
        return new Body(b.table(), b.timelines(), figures, b.verdict());
    }

    static Ratio ratio(List<Double> a, List<Double> b) {
        return Ratio.of(a, b, Judge.CONFIDENCE);
    }

    /** Answers per second over the ceiling, per process: how much of Little's law the server reached. */
    static Ratio share(Procs p) {
        return ratio(p.achieved(), p.ceilings());
    }

    /** "98,5 % [97,9–99,1]": a share and its interval; "[–]" where there is none. */
    static String pct(Text t, Ratio r) {
        if (Double.isNaN(r.value())) return "–";
        var m = t.messages();
        return t.pct(r.value()) + (r.hasInterval() ? " [" + m.number(100 * r.low(), 1) + "–" + m.number(100 * r.high(), 1) + "]" : " [–]");
    }

    /** "2,1 KB", or "≤ 4 B" where the resident set grew by less than a page over all connections. */
    static String mem(Text t, Procs p) {
        if (!p.ok()) return notOk(t, p);
        return p.belowAPage() && p.meanMemory() <= PAGE / p.connections() ? "≤ " + t.bytes(PAGE / p.connections()) : t.bytes(p.meanMemory());
    }

    /**
     * The servers side by side: memory per idle connection and threads (hold), answers per second and the share of the
     * ceiling (wait), at {@link Catalog#LOAD_CONNECTIONS}: every model at the same connections and the same wait.
     */
    static Slide.Table table(Evidence e, Text t, List<String> models) {
        int n = Catalog.LOAD_CONNECTIONS;
        List<List<String>> rows = new ArrayList<>();
        for (String m : models) {
            Procs hold = of(e, t, "load-hold", m, n);
            Procs wait = of(e, t, "load-wait", m, n);
            String threads = (hold.ok() ? t.n(hold.threads()) : "–") + " / " + (wait.ok() ? t.n(wait.threads()) : "–");
            rows.add(List.of(m, mem(t, hold), threads, wait.ok() ? t.n(wait.meanAchieved()) : notOk(t, wait),
                    wait.ok() && wait.hasCeiling() ? pct(t, share(wait)) : "–"));
        }
        return Rules.table(List.of(t.get("col.model"), t.get("col.memconn", t.n(n)), t.get("col.srvthreads"),
                t.get("col.answers", t.n(n), t.messages().duration(Catalog.LOAD_WAIT_MICROS * 1000)), t.get("col.ofceiling")), rows);
    }

    /** A cell for processes that are not a measurement: "not run", or the status and its reason. */
    static String notOk(Text t, Procs p) {
        return p.missing().equals(Evidence.NOT_RUN) ? t.get("cell.notrun") : p.missing();
    }

    /** What every server slide says it measured, and how the machine was shared (from the results themselves). */
    static List<String> caveats(Evidence e, Text t, String... exps) {
        Set<String> sharing = new LinkedHashSet<>();
        for (String exp : exps) for (LoadResult r : e.load(exp)) if (r.sharing() != null) sharing.add(sharing(t, r.sharing()));
        List<String> out = new ArrayList<>();
        out.add(t.get("cav.servers"));
        if (!sharing.isEmpty()) out.add(t.get("cav.sharing", String.join("; ", sharing)));
        return out;
    }

    private static final Pattern PINNED = Pattern.compile("server on CPUs (\\S+), generator \\(concur\\) on CPUs (\\S+)");
    private static final Pattern SHARED = Pattern.compile("server and generator share all (\\d+) CPUs");

    /** The report's sharing line in the deck's language. */
    static String sharing(Text t, String english) {
        Matcher p = PINNED.matcher(english);
        if (p.matches()) return t.get("cav.sharing.pinned", p.group(1), p.group(2));
        Matcher s = SHARED.matcher(english);
        if (s.matches()) return t.get("cav.sharing.shared", s.group(1));
        return english;
    }

    /** The memory chart (hold) and the latency chart (rate), where their experiments left something to draw. */
    static List<Slide.Figure> figures(Evidence e, Text t, boolean memory, boolean latency) {
        List<Slide.Figure> out = new ArrayList<>();
        List<LoadResult> hold = e.load("load-hold");
        List<LoadResult> rate = e.load("load-rate");
        if (memory && LoadCharts.memory(hold, t.messages()) != null) {
            out.add(new Slide.Figure("memory", t.get("fig.memory"), () -> png(LoadCharts.memory(hold, t.messages()))));
        }
        if (latency && LoadCharts.latency(rate, t.messages()) != null) {
            out.add(new Slide.Figure("latency", t.get("fig.latency"), () -> png(LoadCharts.latency(rate, t.messages()))));
        }
        return out;
    }

    private static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            return Charts.png(chart);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
