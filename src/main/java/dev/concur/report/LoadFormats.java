package dev.concur.report;

import dev.concur.result.LoadReport;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The formats of {@code concur report} for load reports ({@code concur load}): the same formats as
 * for bench reports, in files named {@code load.<lang>.md}, {@code load.csv}, {@code load.<lang>.tex}
 * and {@code load.<lang>.html}, so that both kinds can share a folder.
 */
public final class LoadFormats {
    private LoadFormats() {}

    /** Whether {@code f} is a chart format (latency by percentile, memory per connection; see {@link LoadCharts}). */
    public static boolean isChart(ReportFormat f) {
        return f == ReportFormat.PNG || f == ReportFormat.SVG;
    }

    public static List<ReportFormat.Output> render(ReportFormat f, List<LoadReport> reports, Messages m) {
        String suffix = "." + m.lang();
        return switch (f) {
            case MD -> List.of(text("load" + suffix + ".md", LoadDocuments.markdown(new LoadTables(reports, m), m)));
            case CSV -> List.of(text("load.csv", LoadCsv.render(reports)));
            case LATEX -> List.of(text("load" + suffix + ".tex", LoadDocuments.latex(new LoadTables(reports, m), m)));
            case HTML -> List.of(text("load" + suffix + ".html", LoadDocuments.html(new LoadTables(reports, m), m)));
            case PNG, SVG -> charts(f, reports, m);
        };
    }

    /** The load charts with data in these reports, as {@code load-latency.<lang>.png} and {@code load-memory.<lang>.png}. */
    private static List<ReportFormat.Output> charts(ReportFormat f, List<LoadReport> reports, Messages m) {
        List<ReportFormat.Output> out = new java.util.ArrayList<>();
        for (var c : charts(reports, m).entrySet()) {
            try {
                byte[] bytes = f == ReportFormat.PNG ? Charts.png(c.getValue()) : Charts.svg(c.getValue());
                out.add(new ReportFormat.Output(c.getKey() + "." + m.lang() + "." + (f == ReportFormat.PNG ? "png" : "svg"), bytes));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** {@code load-latency} (rate results) and {@code load-memory} (hold results), each where the reports have its data. */
    static java.util.Map<String, org.knowm.xchart.XYChart> charts(List<LoadReport> reports, Messages m) {
        List<LoadReport.LoadResult> all = reports.stream().flatMap(r -> r.results().stream()).toList();
        java.util.Map<String, org.knowm.xchart.XYChart> charts = new java.util.LinkedHashMap<>();
        var latency = LoadCharts.latency(all, m);
        if (latency != null) charts.put("load-latency", latency);
        var memory = LoadCharts.memory(all, m);
        if (memory != null) charts.put("load-memory", memory);
        return charts;
    }

    private static ReportFormat.Output text(String name, String s) {
        return new ReportFormat.Output(name, s.getBytes(StandardCharsets.UTF_8));
    }
}
