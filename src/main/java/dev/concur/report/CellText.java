package dev.concur.report;

import dev.concur.result.Result;

/** The two lines of a table cell in a human format, in one language. */
final class CellText {
    private CellText() {}

    /** "103 ms ± 1.1%" for ok; the status word otherwise; "–" for a model that did not run there. */
    static String main(ReportTables.Cell c, Messages m) {
        Result r = c.result();
        if (r == null) return "–";
        if (!r.ok()) return m.status(r.status());
        var bt = r.batchTime();
        String ci = bt.errorPct() != null ? " ± " + m.percent(bt.errorPct() / 100, 1)
                : bt.max() > 0 ? " (" + m.get("cell.range", m.percent((bt.max() - bt.min()) / 2 / bt.score(), 1)) + ")" : "";
        return m.millis(r.batchTime().score()) + " ms" + ci;
    }

    /** "19,408/s · 1.9× · 97%": throughput, speedup vs sequential (if it ran), efficiency. */
    static String detail(ReportTables.Cell c, Messages m) {
        Result r = c.result();
        if (r == null || !r.ok()) return "";
        StringBuilder sb = new StringBuilder(m.number(r.throughputTasksPerSec(), 0)).append("/s");
        if (r.speedupVsSequential() != null) sb.append(" · ").append(m.times(r.speedupVsSequential()));
        if (r.efficiency() != null) sb.append(" · ").append(m.percent(r.efficiency().value(), 0));
        return sb.toString();
    }

    static String noteMark(ReportTables.Cell c) {
        return c.note() == null ? "" : " [" + c.note() + "]";
    }
}
