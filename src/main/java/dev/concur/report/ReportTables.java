package dev.concur.report;

import dev.concur.model.ModelRegistry;
import dev.concur.result.Report;
import dev.concur.result.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The tables every report format renders, built once from one or more reports: per workload (and
 * size), models down and core counts across. Results from different machines or JDKs are never
 * merged into one cell: such rows are labelled with their source. Every non-ok result stays in
 * its cell as its status, with a note; only ok results carry numbers.
 */
public final class ReportTables {

    /**
     * One cell: a result, or {@code null} when that model did not run at that core count; {@code note}
     * the numbers of its notes ("1" or "1, 2"), or {@code null}.
     */
    public record Cell(Result result, boolean best, String note) {}

    /** A row: a model (with its source when sources differ) and one cell per column. */
    public record Row(String model, String source, List<Cell> cells) {}

    /**
     * @param workload  workload name
     * @param shape     tasks, latency and work, as data for the title
     * @param columns   core counts ({@code null} = not limited), ascending
     * @param rows      in the registry's model order
     */
    public record Table(String workload, Shape shape, List<Integer> columns, List<Row> rows) {}

    /** @param tasks tasks @param latencyMs latency, or null @param work rounds, or null */
    public record Shape(int tasks, Double latencyMs, Long work) {}

    public record Note(int number, String model, String workload, Integer cores, String text) {}

    private final List<Table> tables = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Report> reports;

    public ReportTables(List<Report> reports) {
        this.reports = List.copyOf(reports);
        build();
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Note> notes() {
        return notes;
    }

    public List<Report> reports() {
        return reports;
    }

    /** Every report's scaling readings (core sweeps), in report order. */
    public List<dev.concur.result.Scaling> scaling() {
        return reports.stream().filter(r -> r.scaling() != null).flatMap(r -> r.scaling().stream()).toList();
    }

    /** "host, JDK" of a report; results of different sources never share a row. */
    static String source(Report r) {
        var e = r.environment();
        return (e.hostname() == null ? "?" : e.hostname()) + ", JDK " + e.jdkVersion();
    }

    private void build() {
        boolean manySources = reports.stream().map(ReportTables::source).distinct().count() > 1;
        // (workload, shape) -> (model, source) -> cores -> last result
        Map<String, Map<String, Map<Integer, Result>>> grid = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> columns = new LinkedHashMap<>();
        Map<String, String> sourceOfRow = new LinkedHashMap<>();
        for (Report rep : reports) {
            String src = source(rep);
            for (Result r : rep.results()) {
                Shape shape = new Shape(r.params().tasks(), r.params().latencyMs(), r.params().work());
                String tkey = r.workload() + "|" + shape;
                shapes.putIfAbsent(tkey, shape);
                String rkey = r.model() + (manySources ? "|" + src : "");
                sourceOfRow.put(rkey, manySources ? src : null);
                grid.computeIfAbsent(tkey, k -> new LinkedHashMap<>()).computeIfAbsent(rkey, k -> new LinkedHashMap<>())
                        .put(r.cores(), r); // a later file's result for the same cell replaces the earlier one
                columns.computeIfAbsent(tkey, k -> new TreeSet<>(Comparator.nullsLast(Comparator.naturalOrder()))).add(r.cores());
            }
        }
        List<String> order = new ArrayList<>(ModelRegistry.names());
        order.addAll(ModelRegistry.optInNames());
        order.addAll(ModelRegistry.faultNames());
        for (String tkey : grid.keySet()) {
            List<Integer> cols = new ArrayList<>(columns.get(tkey));
            List<String> rowKeys = new ArrayList<>(grid.get(tkey).keySet());
            rowKeys.sort(Comparator.comparingInt((String k) -> order.indexOf(k.split("\\|")[0])).thenComparing(k -> k));
            // best = lowest ok batch time per column
            Map<Integer, Double> best = new LinkedHashMap<>();
            for (String rk : rowKeys) {
                for (Integer c : cols) {
                    Result r = grid.get(tkey).get(rk).get(c);
                    if (r != null && r.ok()) best.merge(c, r.batchTime().score(), Math::min);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (String rk : rowKeys) {
                List<Cell> cells = new ArrayList<>();
                for (Integer c : cols) {
                    Result r = grid.get(tkey).get(rk).get(c);
                    String note = null;
                    if (r != null && r.note() != null) {
                        List<String> numbers = new ArrayList<>();
                        for (String text : r.allNotes()) {
                            notes.add(new Note(notes.size() + 1, r.model(), r.workload(), r.cores(), text.lines().findFirst().orElse("")));
                            numbers.add(Integer.toString(notes.size()));
                        }
                        note = String.join(", ", numbers);
                    }
                    boolean isBest = r != null && r.ok() && Objects.equals(best.get(c), r.batchTime().score());
                    cells.add(new Cell(r, isBest, note));
                }
                rows.add(new Row(rk.split("\\|")[0], sourceOfRow.get(rk), cells));
            }
            tables.add(new Table(tkey.split("\\|")[0], shapes.get(tkey), cols, rows));
        }
    }

    /** A short title for charts: "io (2,000 tasks, 100 ms)". */
    public static String shortTitle(Table t, Messages m) {
        Shape s = t.shape();
        StringBuilder sb = new StringBuilder(t.workload()).append(" (").append(m.number(s.tasks(), 0)).append(' ').append(m.get("word.tasks"));
        if (s.latencyMs() != null) sb.append(", ").append(m.duration(Math.round(s.latencyMs() * 1e6)));
        if (s.work() != null) sb.append(", ").append(m.number(s.work(), 0)).append(' ').append(m.get("word.rounds"));
        return sb.append(')').toString();
    }

    /** The title of a table in the given language: "io — I/O-bound: 2,000 tasks that each wait 100 ms". */
    public static String title(Table t, Messages m) {
        Shape s = t.shape();
        String latency = s.latencyMs() == null ? "" : m.duration(Math.round(s.latencyMs() * 1e6));
        String tasks = m.number(s.tasks(), 0);
        String work = m.number(s.work() == null ? 0 : s.work(), 0);
        String what = switch (t.workload()) {
            case "io" -> m.get("workload.io", tasks, latency);
            case "cpu" -> m.get("workload.cpu", tasks, work);
            case "mixed" -> m.get("workload.mixed", tasks, latency, work);
            case "http" -> m.get("workload.http", tasks, latency);
            case "file" -> m.get("workload.file", tasks);
            case "pipeline" -> m.get("workload.pipeline", tasks, work);
            case "race" -> m.get("workload.race", tasks, work);
            case "hold" -> m.get("workload.hold", tasks, latency);
            case "race-await" -> m.get("workload.raceAwait", tasks, work);
            default -> m.get("workload.other", tasks);
        };
        return m.get("workload.title", t.workload(), what);
    }
}
