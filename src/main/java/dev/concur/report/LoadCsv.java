package dev.concur.report;

import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Load reports for spreadsheets and scripts: one row per server process (the raw figures the human
 * formats average), a header row, dot decimals and English status words whatever the locale or
 * {@code --lang}, empty cells for values that do not exist. The reasons and the hostile clients'
 * outcomes are joined with "; ".
 */
final class LoadCsv {
    static final String HEADER = "experiment,model,process,connections,wait_us,work_rounds,loop,status,offered_per_s,"
            + "achieved_per_s,ceiling_per_s,p50_us,p90_us,p99_us,p999_us,max_us,mean_us,send_lag_p99_us,cpu_per_answer_us,"
            + "memory_per_connection_bytes,open_seconds,threads_after,fds_after,wrk_per_s,concur_over_wrk,"
            + "sent,ok,wrong,errors,timeouts,unsent,hostile,why";

    private LoadCsv() {}

    static String render(List<LoadReport> reports) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (LoadReport rep : reports) {
            for (LoadResult r : rep.results()) {
                var l = r.latency();
                var s = r.server();
                var p = r.perRequest();
                var x = r.crossCheck();
                var q = r.requests();
                List<String> cells = new ArrayList<>(List.of(r.experiment(), CsvFormat.q(r.model()), Integer.toString(r.process()),
                        Integer.toString(r.connections()), Long.toString(r.waitMicros()), Long.toString(r.workRounds()),
                        r.loop() == null ? "" : r.loop(), r.status(), CsvFormat.n(r.offeredRate()), CsvFormat.n(r.achievedRate()),
                        r.ceiling() == null ? "" : CsvFormat.n(r.ceiling().rate())));
                for (Double v : l == null ? new Double[6] : new Double[] {l.p50(), l.p90(), l.p99(), l.p999(), l.max(), l.mean()}) {
                    cells.add(CsvFormat.n(v));
                }
                cells.add(CsvFormat.n(r.sendLagP99Micros()));
                cells.add(p == null ? "" : CsvFormat.n(p.cpuMicros()));
                cells.add(p == null ? "" : CsvFormat.n(p.memoryBytes()));
                cells.add(p == null ? "" : CsvFormat.n(p.openSeconds()));
                cells.add(s == null ? "" : Integer.toString(s.threadsAfter()));
                cells.add(s == null ? "" : Integer.toString(s.fdsAfter()));
                cells.add(x == null ? "" : CsvFormat.n(x.rate()));
                cells.add(x == null ? "" : CsvFormat.n(x.ratio()));
                for (long v : q == null ? new long[0] : new long[] {q.sent(), q.ok(), q.wrong(), q.errors(), q.timeouts(), q.unsent()}) {
                    cells.add(Long.toString(v));
                }
                if (q == null) for (int i = 0; i < 6; i++) cells.add("");
                cells.add(CsvFormat.q(r.hostile() == null ? "" : String.join("; ", r.hostile().stream()
                        .map(h -> h.client() + ": " + h.outcome() + (h.servedAfter() ? "" : " (not served after)")).toList())));
                cells.add(CsvFormat.q(String.join("; ", r.why())));
                sb.append(String.join(",", cells)).append('\n');
            }
        }
        return sb.toString();
    }
}
