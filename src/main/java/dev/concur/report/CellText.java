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
        for (String extra : extras(r, m)) sb.append(" · ").append(extra);
        return sb.toString();
    }

    /**
     * What the lecture needs beside the time, where measured: the event loop's lag, memory per task
     * (at 10,000 tasks or more, where the per-task share is above the noise), the race's lost updates.
     */
    static java.util.List<String> extras(Result r, Messages m) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (r.loopLag() != null) out.add(m.get("cell.lag", m.millis(r.loopLag().p99())));
        if (r.params() != null && r.params().tasks() >= MEMORY_MIN_TASKS) {
            if (r.memoryPerTaskBytes() != null) out.add(m.get("cell.heap", m.bytes(r.memoryPerTaskBytes())));
            if (r.rssPerTaskBytes() != null) out.add(m.get("cell.rss", m.bytes(r.rssPerTaskBytes())));
        }
        if (r.race() != null) {
            var race = r.race();
            out.add(m.get("cell.race", m.number(race.lostMean(), 0), m.number(race.updatesPerBatch(), 0),
                    m.percent(race.lostPct() / 100, 1), m.number(race.synchronisedLost(), 0)));
        }
        return out;
    }

    /** Below this many tasks a batch's memory growth is mostly the JVM's own noise, not the tasks'. */
    static final int MEMORY_MIN_TASKS = 10_000;

    static String noteMark(ReportTables.Cell c) {
        return c.note() == null ? "" : " [" + c.note() + "]";
    }
}
