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
        List<String[]> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Result r : report.results()) {
            String status = r.status();
            if (r.note() != null) {
                notes.add(r.model() + "/" + r.workload() + ": " + r.note().lines().findFirst().orElse(""));
                status += " [" + notes.size() + "]";
            }
            if (r.ok()) {
                rows.add(new String[] {r.workload(), r.model(),
                        ms(r.batchTime().score()),
                        r.batchTime().errorPct() == null ? "n/a" : pct1(r.batchTime().errorPct()),
                        String.format(Locale.ROOT, "%,.0f", r.throughputTasksPerSec()),
                        r.speedupVsSequential() == null ? "-" : String.format(Locale.ROOT, "%.1fx", r.speedupVsSequential()),
                        r.efficiency() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.efficiency().value()),
                        r.usage() == null ? "-" : Integer.toString(r.usage().peakLiveThreads()),
                        status});
            } else {
                rows.add(new String[] {r.workload(), r.model(), "-", "-", "-", "-", "-", "-", status.toUpperCase(Locale.ROOT)});
            }
        }
        StringBuilder sb = new StringBuilder();
        int[] width = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) width[c] = HEADERS[c].length();
        for (String[] row : rows) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
        line(sb, HEADERS, width);
        String[] rule = new String[HEADERS.length];
        for (int c = 0; c < rule.length; c++) rule[c] = "-".repeat(width[c]);
        line(sb, rule, width);
        String previous = null;
        for (String[] row : rows) {
            if (previous != null && !previous.equals(row[0])) sb.append('\n');
            previous = row[0];
            line(sb, row, width);
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (int i = 0; i < notes.size(); i++) sb.append('[').append(i + 1).append("] ").append(notes.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** One line under the table: counts, median CI and wall time. */
    public static String summary(Report report) {
        var s = report.summary();
        String median = s.medianErrorPct() == null ? "n/a" : pct1(s.medianErrorPct());
        return String.format(Locale.ROOT, "%d ok, %d invalid, %d failed, %d skipped; median CI half-width %s (99.9%%); wall time %s",
                s.ok(), s.invalid(), s.failed(), s.skipped(), median, duration(s.wallSeconds()));
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) l.append("  ");
            String pad = " ".repeat(width[c] - cells[c].length());
            l.append(RIGHT[c] ? pad + cells[c] : cells[c] + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    static String ms(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct1(double v) {
        return String.format(Locale.ROOT, "±%.1f%%", v);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
