package dev.concur.report;

import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.LoadReportReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables of load reports for the human formats (md, latex, html), already in one language:
 * one table per experiment, as {@link LoadTable} prints them in the terminal. A row is a model at
 * a connection count; each figure is the mean over the server processes that measured it, with the
 * lowest and highest below it when there are several that differ in the digits shown. A process that is not {@code ok} is listed
 * under its table with its status and reasons; one without figures (failed, invalid, skipped) adds
 * nothing to the row. Several reports are pooled: their processes add up.
 */
public final class LoadTables {
    /** A cell: its main line and a second, smaller line ({@code ""} for none). */
    public record Cell(String main, String detail) {}

    /**
     * @param experiment  {@code hold}, {@code wait}, …
     * @param title       the table's title in this language
     * @param headers     column headings
     * @param leftColumns how many leading columns are text (left-aligned); the rest are figures
     * @param rows        the cells, one list per row
     * @param notes       one line per process that is not {@code ok}: model, process, status, reasons
     */
    public record Table(String experiment, String title, List<String> headers, int leftColumns, List<List<Cell>> rows,
            List<String> notes) {}

    private record Column(String header, Function<LoadResult, Number> value, Function<Double, String> format) {}

    private final List<LoadReport> reports;
    private final Messages m;
    private final List<Table> tables = new ArrayList<>();

    public LoadTables(List<LoadReport> reports, Messages m) {
        this.reports = List.copyOf(reports);
        this.m = m;
        List<LoadResult> all = reports.stream().flatMap(r -> r.results().stream()).toList();
        for (String e : LoadReportReader.EXPERIMENTS) {
            List<LoadResult> rs = all.stream().filter(r -> r.experiment().equals(e)).toList();
            if (!rs.isEmpty()) tables.add(e.equals("hostile") ? hostile(rs) : table(e, rs));
        }
    }

    public List<Table> tables() {
        return tables;
    }

    public List<LoadReport> reports() {
        return reports;
    }

    /** How server and generator shared the machine, in this language, or {@code null} when no result says. */
    public String sharing() {
        Set<String> s = new LinkedHashSet<>();
        for (LoadReport r : reports) for (LoadResult x : r.results()) if (x.sharing() != null) s.add(m.note(x.sharing()));
        return s.isEmpty() ? null : m.get("load.sharing", String.join("; ", s));
    }

    /** A sentence for each report that did not finish, in this language. */
    public List<String> partial() {
        return reports.stream().map(LoadReport::termination).filter(t -> !t.equals("complete")).distinct()
                .map(t -> m.get("load.partial." + t)).toList();
    }

    private Table table(String e, List<LoadResult> rs) {
        List<LoadResult> measured = rs.stream().filter(LoadReportReader::hasFigures).toList();
        Set<Long> waits = new LinkedHashSet<>();
        Set<Long> rounds = new LinkedHashSet<>();
        for (LoadResult r : measured) {
            waits.add(r.waitMicros());
            rounds.add(r.workRounds());
        }
        boolean manyWaits = waits.size() > 1;
        Map<String, List<LoadResult>> rows = new LinkedHashMap<>();
        for (LoadResult r : measured) {
            rows.computeIfAbsent(r.model() + "|" + r.connections() + "|" + r.waitMicros() + "|" + r.workRounds(), k -> new ArrayList<>()).add(r);
        }
        List<Column> cols = columns(e);
        List<String> headers = new ArrayList<>(List.of(m.get("load.col.model"), m.get("load.col.connections")));
        for (Column c : cols) headers.add(c.header());
        headers.add(m.get("load.col.processes"));
        List<List<Cell>> cells = new ArrayList<>();
        for (List<LoadResult> g : rows.values()) {
            LoadResult first = g.get(0);
            String model = first.model() + (manyWaits ? " (" + micros(first.waitMicros()) + ")" : "");
            List<Cell> row = new ArrayList<>(List.of(new Cell(model, ""), new Cell(m.number(first.connections(), 0), "")));
            for (Column c : cols) row.add(c.value() == null ? ceiling(g) : figure(g, c));
            row.add(new Cell(m.number(g.size(), 0), ""));
            cells.add(row);
        }
        String what = switch (e) {
            case "cpu" -> String.join(", ", rounds.stream().map(x -> m.number(x, 0)).toList());
            case "hold" -> "";
            default -> String.join(", ", waits.stream().map(this::micros).toList());
        };
        return new Table(e, m.get("load.title." + e, what), headers, 1, cells, notes(rs, true));
    }

    private List<Column> columns(String e) {
        Function<Double, String> count = v -> m.number(v, 0);
        Function<Double, String> us = this::micros;
        return switch (e) {
            case "hold" -> List.of(
                    new Column(m.get("load.col.memory"), r -> r.perRequest().memoryBytes(), this::bytes),
                    new Column(m.get("load.col.threads"), r -> r.server().threadsAfter(), count),
                    new Column(m.get("load.col.fds"), r -> r.server().fdsAfter(), count),
                    new Column(m.get("load.col.open"), r -> r.perRequest().openSeconds(), v -> m.number(v, 2) + " s"),
                    new Column(m.get("load.col.probe50"), r -> r.latency() == null ? null : r.latency().p50(), us),
                    new Column(m.get("load.col.probe99"), r -> r.latency() == null ? null : r.latency().p99(), us));
            case "rate" -> List.of(
                    new Column(m.get("load.col.offered"), LoadResult::offeredRate, count),
                    new Column(m.get("load.col.achieved"), LoadResult::achievedRate, count),
                    latency("p50", r -> r.latency().p50()), latency("p90", r -> r.latency().p90()),
                    latency("p99", r -> r.latency().p99()), latency("p99.9", r -> r.latency().p999()),
                    latency("max", r -> r.latency().max()),
                    new Column(m.get("load.col.cpu"), r -> r.perRequest().cpuMicros(), us));
            case "wrk" -> List.of(
                    new Column(m.get("load.col.concur"), LoadResult::achievedRate, count),
                    new Column(m.get("load.col.wrk"), r -> r.crossCheck().rate(), count),
                    new Column(m.get("load.col.ratio"), r -> r.crossCheck().ratio(), v -> m.number(v, 2)),
                    new Column(m.get("load.col.concur50"), r -> r.latency() == null ? null : r.latency().p50(), us),
                    new Column(m.get("load.col.wrk50"), r -> r.crossCheck().p50Micros(), us),
                    new Column(m.get("load.col.concur99"), r -> r.latency() == null ? null : r.latency().p99(), us),
                    new Column(m.get("load.col.wrk99"), r -> r.crossCheck().p99Micros(), us));
            default -> List.of( // wait, cpu
                    new Column(m.get("load.col.answers"), LoadResult::achievedRate, count),
                    new Column(m.get("load.col.ceiling"), null, null), // text: the rate and how it was reached
                    new Column(m.get("load.col.ofCeiling"), r -> r.ceiling() == null || !(r.ceiling().rate() > 0) ? null
                            : r.achievedRate() / r.ceiling().rate(), v -> m.percent(v, 0)),
                    latency("p50", r -> r.latency().p50()), latency("p99", r -> r.latency().p99()),
                    new Column(m.get("load.col.cpu"), r -> r.perRequest().cpuMicros(), us));
        };
    }

    private Column latency(String header, Function<LoadResult, Number> f) {
        return new Column(header, r -> r.latency() == null ? null : f.apply(r), this::micros);
    }

    /** The mean, and below it the lowest and highest of the processes that have this figure. */
    private Cell figure(List<LoadResult> g, Column c) {
        List<Double> v = new ArrayList<>();
        for (LoadResult r : g) {
            Number x = c.value().apply(r);
            if (x != null && Double.isFinite(x.doubleValue())) v.add(x.doubleValue());
        }
        if (v.isEmpty()) return new Cell("–", "");
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        String main = c.format().apply(mean);
        if (v.size() < 2) return new Cell(main, "");
        String lo = c.format().apply(v.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        String hi = c.format().apply(v.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        return new Cell(main, lo.equals(hi) ? "" : lo + "–" + hi); // no range where the processes agree to the digits shown
    }

    /** The ceiling the processes were measured against (the first one's), with how it was reached. */
    private Cell ceiling(List<LoadResult> g) {
        return g.stream().map(LoadResult::ceiling).filter(Objects::nonNull).findFirst()
                .map(c -> new Cell(m.number(c.rate(), 0) + "/s", m.note(c.why()))).orElse(new Cell("–", ""));
    }

    private Table hostile(List<LoadResult> rs) {
        List<String> headers = List.of(m.get("load.col.server"), m.get("load.col.client"), m.get("load.col.outcome"),
                m.get("load.col.servedAfter"));
        List<List<Cell>> rows = new ArrayList<>();
        for (LoadResult r : rs) {
            if (r.hostile() == null) continue;
            for (LoadReport.HostileClient h : r.hostile()) {
                rows.add(List.of(new Cell(r.model() + " #" + r.process(), ""), new Cell(h.client(), ""), new Cell(m.note(h.outcome()), ""),
                        new Cell(m.get(h.servedAfter() ? "load.yes" : "load.no"), "")));
            }
        }
        return new Table("hostile", m.get("load.title.hostile"), headers, headers.size(), rows, notes(rs, false));
    }

    private List<String> notes(List<LoadResult> rs, boolean withConnections) {
        List<String> notes = new ArrayList<>();
        for (LoadResult r : rs) {
            if (r.status().equals("ok")) continue;
            String why = String.join("; ", r.why().stream().map(this::reason).toList());
            notes.add(withConnections ? m.get("load.note", r.model(), r.process(), m.number(r.connections(), 0), m.status(r.status()), why)
                    : m.get("load.note.nocount", r.model(), r.process(), m.status(r.status()), why));
        }
        return notes;
    }

    /** A reason in this language where its pattern is known ("probe: " ones too). */
    private String reason(String why) {
        return why.startsWith("probe: ") ? m.get("load.probe", m.note(why.substring(7))) : m.note(why);
    }

    /** Microseconds as µs, ms or s, about three figures, in this language. */
    String micros(double us) {
        if (us < 1000) return m.number(us, 0) + " µs";
        if (us < 1_000_000) return sig3(us / 1000) + " ms";
        return sig3(us / 1e6) + " s";
    }

    private String sig3(double v) {
        return m.number(v, v >= 100 ? 0 : v >= 10 ? 1 : 2);
    }

    /** Bytes as B, KB or MB; the RSS can shrink, so a negative value keeps its sign. */
    String bytes(double b) {
        return b < 0 ? "−" + m.bytes(-b) : m.bytes(b);
    }
}
