package dev.concur.report;

import dev.concur.result.Report;
import dev.concur.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal table: one row per (model, workload). Only {@code ok} results show numbers; every
 * other row shows its status and a numbered note below the table says why.
 */
public final class TableRenderer {
    private static final String[] HEADERS =
            {"workload", "model", "batch (ms)", "±CI", "tasks/s", "vs seq", "efficiency", "threads", "status"};
    private static final boolean[] RIGHT = {false, false, true, true, true, true, true, true, false};

    private TableRenderer() {}

    public static String render(Report report) {
        boolean withCores = report.results().stream().anyMatch(r -> r.cores() != null);
        boolean withLag = report.results().stream().anyMatch(r -> r.loopLag() != null);
        boolean withMem = report.results().stream().anyMatch(r -> (r.memoryPerTaskBytes() != null || r.rssPerTaskBytes() != null)
                && r.params() != null && r.params().tasks() >= 10_000);
        // a peer's speedup over its own runtime's sequential model (go-sequential, ...), next to the JVM's
        boolean withOwn = report.results().stream().anyMatch(r -> r.speedupVsRuntimeSequential() != null
                && !java.util.Objects.equals(r.speedupVsRuntimeSequential(), r.speedupVsSequential()));
        // a suite can run one workload at several sizes (the scale suite): then say which row is which
        boolean withTasks = report.results().stream().filter(r -> r.params() != null)
                .collect(java.util.stream.Collectors.groupingBy(Result::workload,
                        java.util.stream.Collectors.mapping(r -> r.params().tasks(), java.util.stream.Collectors.toSet())))
                .values().stream().anyMatch(sizes -> sizes.size() > 1);
        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Result r : report.results()) {
            String status = r.status();
            if (r.note() != null) {
                List<String> numbers = new ArrayList<>();
                for (String n : r.allNotes()) {
                    notes.add(r.model() + "/" + r.workload() + (r.cores() != null ? "@" + r.cores() : "") + ": "
                            + n.lines().findFirst().orElse(""));
                    numbers.add(Integer.toString(notes.size()));
                }
                status += " [" + String.join(", ", numbers) + "]";
            }
            String model = withCores ? r.model() + (r.cores() != null ? " @" + r.cores() : "") : r.model();
            if (withTasks && r.params() != null) model += String.format(Locale.ROOT, " ×%,d", r.params().tasks());
            if (r.ok()) {
                rows.add(new String[] {r.workload(), model,
                        ms(r.batchTime().score()),
                        ci(r.batchTime()),
                        String.format(Locale.ROOT, "%,.0f", r.throughputTasksPerSec()),
                        r.speedupVsSequential() == null ? "-" : String.format(Locale.ROOT, "%.1fx", r.speedupVsSequential()),
                        r.efficiency() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.efficiency().value()),
                        r.usage() == null ? "-" : Integer.toString(r.usage().peakLiveThreads()),
                        status});
            } else {
                rows.add(new String[] {r.workload(), model, "-", "-", "-", "-", "-", "-", status.toUpperCase(Locale.ROOT)});
            }
        }
        String[] headers = HEADERS.clone();
        if (withCores) headers[1] = "model @cores";
        boolean[] right = RIGHT.clone();
        List<Result> results = report.results();
        if (withLag) {
            headers = insert(headers, "loop lag p99");
            right = insert(right);
            for (int i = 0; i < rows.size(); i++) {
                var lag = results.get(i).loopLag();
                rows.set(i, insert(rows.get(i), lag == null ? "-" : ms(lag.p99()) + " ms"));
            }
        }
        if (results.stream().anyMatch(r -> r.race() != null)) {
            // the race workload: the lost updates are the measurement, unsynchronised and atomic
            headers = insert(headers, "lost updates");
            right = insert(right);
            for (int i = 0; i < rows.size(); i++) {
                var race = results.get(i).race();
                rows.set(i, insert(rows.get(i), race == null ? "-" : String.format(Locale.ROOT, "%,.0f of %,d (%.1f%%)",
                        race.lostMean(), race.updatesPerBatch(), race.lostPct())));
            }
            headers = insert(headers, "atomic lost");
            right = insert(right);
            for (int i = 0; i < rows.size(); i++) {
                var race = results.get(i).race();
                rows.set(i, insert(rows.get(i), race == null ? "-" : String.format(Locale.ROOT, "%,d", race.synchronisedLost())));
            }
        }
        if (withOwn) {
            headers = insert(headers, "vs own seq");
            right = insert(right);
            for (int i = 0; i < rows.size(); i++) {
                Double x = results.get(i).ok() ? results.get(i).speedupVsRuntimeSequential() : null;
                rows.set(i, insert(rows.get(i), x == null ? "-" : String.format(Locale.ROOT, "%.1fx", x)));
            }
        }
        if (withMem) {
            headers = insert(headers, "heap/task");
            right = insert(right);
            for (int i = 0; i < rows.size(); i++) {
                Double b = results.get(i).ok() ? results.get(i).memoryPerTaskBytes() : null;
                rows.set(i, insert(rows.get(i), b == null ? "-" : String.format(Locale.ROOT, "%,.0f B", b)));
            }
            headers = insert(headers, "rss/task");
            right = insert(right);
            for (int i = 0; i < rows.size(); i++) {
                Double b = results.get(i).ok() ? results.get(i).rssPerTaskBytes() : null;
                rows.set(i, insert(rows.get(i), b == null ? "-" : String.format(Locale.ROOT, "%,.0f B", b)));
            }
        }
        return table(headers, right, rows, 0) + notes(notes);
    }

    /** The row with {@code cell} inserted before its last (status) column. */
    private static String[] insert(String[] row, String cell) {
        String[] out = new String[row.length + 1];
        System.arraycopy(row, 0, out, 0, row.length - 1);
        out[row.length - 1] = cell;
        out[row.length] = row[row.length - 1];
        return out;
    }

    private static boolean[] insert(boolean[] right) {
        boolean[] out = new boolean[right.length + 1];
        System.arraycopy(right, 0, out, 0, right.length - 1);
        out[right.length - 1] = true;
        out[right.length] = right[right.length - 1];
        return out;
    }

    private static String notes(List<String> notes) {
        StringBuilder sb = new StringBuilder();
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (int i = 0; i < notes.size(); i++) sb.append('[').append(i + 1).append("] ").append(notes.get(i)).append('\n');
        }
        return sb.toString();
    }

    /**
     * The scaling view of a core sweep: per workload, models down, core counts across, each cell
     * "tasks/s (speedup vs the smallest k)"; then each model's Amdahl/USL reading. Empty without a sweep.
     */
    public static String renderScaling(Report report) {
        if (report.scaling() == null || report.scaling().isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        java.util.Map<String, List<dev.concur.result.Scaling>> byWorkload = new java.util.LinkedHashMap<>();
        for (var sc : report.scaling()) byWorkload.computeIfAbsent(sc.workload(), k -> new ArrayList<>()).add(sc);
        for (var e : byWorkload.entrySet()) {
            java.util.TreeSet<Integer> ks = new java.util.TreeSet<>();
            for (var sc : e.getValue()) for (var p : sc.points()) ks.add(p.cores());
            String[] headers = new String[ks.size() + 1];
            boolean[] right = new boolean[headers.length];
            headers[0] = "scaling: " + e.getKey();
            int c = 1;
            for (int k : ks) {
                headers[c] = k + (k == 1 ? " core" : " cores");
                right[c++] = true;
            }
            List<String[]> rows = new ArrayList<>();
            for (var sc : e.getValue()) {
                String[] row = new String[headers.length];
                row[0] = sc.model();
                c = 1;
                for (int k : ks) {
                    var pt = sc.points().stream().filter(p -> p.cores() == k).findFirst().orElse(null);
                    row[c++] = pt == null ? "-" : String.format(Locale.ROOT, "%,.0f/s (%.2fx)", pt.throughput(), pt.speedupVsMinCores());
                }
                rows.add(row);
            }
            sb.append(table(headers, right, rows, -1));
            for (var sc : e.getValue()) {
                if (sc.amdahl() != null) sb.append("  ").append(sc.model()).append(": ").append(reading(sc)).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String reading(dev.concur.result.Scaling sc) {
        var a = sc.amdahl();
        String s = String.format(Locale.ROOT, "Amdahl s = %.2f%s — %s", a.serialFraction(),
                a.r2() == null ? "" : String.format(Locale.ROOT, " (R² %.2f)", a.r2()), a.why());
        if (sc.usl() != null) s += "; USL: " + sc.usl().why();
        return s;
    }

    private static String table(String[] headers, boolean[] right, List<String[]> rows, int groupColumn) {
        StringBuilder sb = new StringBuilder();
        int[] width = new int[headers.length];
        for (int c = 0; c < headers.length; c++) width[c] = headers[c].length();
        for (String[] row : rows) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
        line(sb, headers, width, right);
        String[] rule = new String[headers.length];
        for (int c = 0; c < rule.length; c++) rule[c] = "-".repeat(width[c]);
        line(sb, rule, width, right);
        String previous = null;
        for (String[] row : rows) {
            if (groupColumn >= 0 && previous != null && !previous.equals(row[groupColumn])) sb.append('\n');
            previous = groupColumn >= 0 ? row[groupColumn] : null;
            line(sb, row, width, right);
        }
        return sb.toString();
    }

    /** One line under the table: counts, median CI and wall time. */
    public static String summary(Report report) {
        var s = report.summary();
        String median = s.medianErrorPct() == null ? "n/a" : pct1(s.medianErrorPct());
        String timeouts = s.timeout() > 0 ? ", " + s.timeout() + " timeout" : "";
        return String.format(Locale.ROOT, "%d ok, %d invalid, %d failed%s, %d skipped; median CI half-width %s (99.9%%); wall time %s",
                s.ok(), s.invalid(), s.failed(), timeouts, s.skipped(), median, duration(s.wallSeconds()));
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) l.append("  ");
            String pad = " ".repeat(width[c] - cells[c].length());
            l.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    static String ms(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** "±1.1%", or "range ±9.3%" with fewer than 5 samples (not an interval), "n/a" in old reports with neither. */
    static String ci(dev.concur.result.Score s) {
        if (s.errorPct() != null) return pct1(s.errorPct());
        if (s.max() > 0) return "range " + pct1(100 * (s.max() - s.min()) / 2 / s.score());
        return "n/a";
    }

    static String pct1(double v) {
        return String.format(Locale.ROOT, "±%.1f%%", v);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
