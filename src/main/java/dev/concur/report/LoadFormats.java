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

    /** Whether {@code f} is a chart format, which load reports do not render here yet (see {@link #render}). */
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
            // ---- LoadCharts goes here -------------------------------------------------------------
            // report/LoadCharts (latency by percentile, memory per connection) is written elsewhere;
            // when it is merged, render its charts here, as ReportFormat does with Charts:
            //   for (var c : LoadCharts.all(reports, m))
            //       out.add(new Output(c.stem() + suffix + "." + f.extension(), f == PNG ? png(c) : svg(c)));
            // Until then a load report's png and svg render nothing, and concur report says in one
            // line that concur lecture draws these charts.
            case PNG, SVG -> List.of();
        };
    }

    private static ReportFormat.Output text(String name, String s) {
        return new ReportFormat.Output(name, s.getBytes(StandardCharsets.UTF_8));
    }
}
