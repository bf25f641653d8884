package dev.concur.report;

import dev.concur.result.Result;
import java.util.Locale;

/**
 * One row per result, for spreadsheets and scripts: a header row, dot decimals and English
 * status words whatever the locale or {@code --lang}, empty cells for values that do not exist.
 */
final class CsvFormat {
    static final String HEADER = "source,workload,tasks,latency_ms,work,model,cores,status,batch_ms,ci_ms,ci_pct,"
            + "throughput_tasks_per_s,speedup_vs_sequential,efficiency,note";

    private CsvFormat() {}

    static String render(ReportTables tables) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ReportTables.Table t : tables.tables()) {
            for (ReportTables.Row row : t.rows()) {
                for (ReportTables.Cell c : row.cells()) {
                    Result r = c.result();
                    if (r == null) continue;
                    boolean ok = r.ok();
                    sb.append(String.join(",",
                            q(row.source() == null ? "" : row.source()), r.workload(), Integer.toString(t.shape().tasks()),
                            n(t.shape().latencyMs()), t.shape().work() == null ? "" : Long.toString(t.shape().work()),
                            r.model(), r.cores() == null ? "" : r.cores().toString(), r.status(),
                            ok ? n(r.batchTime().score()) : "", ok ? n(r.batchTime().error()) : "",
                            ok ? n(r.batchTime().errorPct()) : "", ok ? n(r.throughputTasksPerSec()) : "",
                            ok ? n(r.speedupVsSequential()) : "", ok && r.efficiency() != null ? n(r.efficiency().value()) : "",
                            q(String.join("; ", r.allNotes().stream().map(n -> n.lines().findFirst().orElse("")).toList())))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String n(Double v) {
        if (v == null || !Double.isFinite(v)) return "";
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static String q(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
