package dev.concur.report;

import dev.concur.result.LoadReport;
import java.util.List;
import java.util.Map;

/**
 * Load reports as Markdown, LaTeX and HTML: the {@link LoadTables} of one language laid out as
 * each format wants, the way {@link MarkdownFormat}, {@link LatexFormat} and {@link HtmlFormat} lay
 * out a bench report. Charts are not drawn here (see {@link LoadFormats}).
 */
final class LoadDocuments {
    private LoadDocuments() {}

    static String markdown(LoadTables t, Messages m) {
        StringBuilder sb = new StringBuilder("# ").append(m.get("load.report.title")).append("\n\n");
        sb.append('_').append(MarkdownFormat.esc(m.get("load.how"))).append("_\n\n");
        for (String p : t.partial()) sb.append("**").append(MarkdownFormat.esc(p)).append("**\n\n");
        for (LoadTables.Table table : t.tables()) {
            sb.append("## ").append(MarkdownFormat.esc(table.title())).append("\n\n|");
            for (String h : table.headers()) sb.append(' ').append(MarkdownFormat.esc(h)).append(" |");
            sb.append("\n|");
            for (int c = 0; c < table.headers().size(); c++) sb.append(c < table.leftColumns() ? "---|" : "---:|");
            sb.append('\n');
            for (List<LoadTables.Cell> row : table.rows()) {
                sb.append('|');
                for (LoadTables.Cell c : row) {
                    sb.append(' ').append(MarkdownFormat.esc(c.main()));
                    if (!c.detail().isEmpty()) sb.append("<br>").append(MarkdownFormat.esc(c.detail()));
                    sb.append(" |");
                }
                sb.append('\n');
            }
            if (!table.notes().isEmpty()) sb.append('\n');
            for (String n : table.notes()) sb.append("- ").append(MarkdownFormat.esc(n)).append('\n');
            sb.append('\n');
        }
        if (t.sharing() != null) sb.append(MarkdownFormat.esc(t.sharing())).append('\n');
        return sb.toString();
    }

    static String latex(LoadTables t, Messages m) {
        StringBuilder sb = new StringBuilder("% ").append(m.get("load.report.title")).append(" -- \\usepackage{booktabs}\n");
        for (String p : t.partial()) sb.append("% ").append(tex(p)).append('\n');
        for (LoadTables.Table table : t.tables()) {
            int n = table.headers().size();
            sb.append("\n% ").append(tex(table.title())).append('\n');
            // the hostile clients' outcomes are sentences: a paragraph column, so the table fits the page
            String spec = table.experiment().equals("hostile") ? "llp{0.5\\linewidth}l"
                    : "l".repeat(table.leftColumns()) + "r".repeat(n - table.leftColumns());
            sb.append("\\begin{tabular}{").append(spec).append("}\n\\toprule\n");
            sb.append(String.join(" & ", table.headers().stream().map(LoadDocuments::tex).toList())).append(" \\\\\n\\midrule\n");
            for (List<LoadTables.Cell> row : table.rows()) {
                sb.append(String.join(" & ", row.stream().map(c -> tex(c.main())
                        + (c.detail().isEmpty() ? "" : " {\\footnotesize (" + tex(c.detail()) + ")}")).toList())).append(" \\\\\n");
            }
            sb.append("\\bottomrule\n\\end{tabular}\n");
            if (!table.notes().isEmpty()) {
                sb.append("\\par\\smallskip{\\footnotesize\n");
                for (String note : table.notes()) sb.append(tex(note)).append("\\\\\n");
                sb.append("}\n");
            }
        }
        if (t.sharing() != null) sb.append("\n% ").append(tex(t.sharing())).append('\n');
        return sb.toString();
    }

    private static String tex(String s) {
        return LatexFormat.esc(s).replace("µ", "$\\mu$").replace("×", "$\\times$").replace("−", "$-$")
                .replace("≥", "$\\geq$");
    }

    static String html(LoadTables t, Messages m) {
        String title = m.get("load.report.title");
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(m.lang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(esc(title))
                .append("</title>\n<style>").append(HtmlFormat.CSS).append("th.text,td.text{text-align:left}td{white-space:nowrap}td.text{white-space:normal}\n</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"muted\">").append(esc(m.get("load.how"))).append("</p>\n");
        for (String p : t.partial()) sb.append("<p><strong>").append(esc(p)).append("</strong></p>\n");
        for (LoadTables.Table table : t.tables()) {
            sb.append("<h2>").append(esc(table.title())).append("</h2>\n<table>\n<thead><tr>");
            for (int c = 0; c < table.headers().size(); c++) sb.append(th(c, table)).append(esc(table.headers().get(c))).append("</th>");
            sb.append("</tr></thead>\n<tbody>\n");
            for (List<LoadTables.Cell> row : table.rows()) {
                sb.append("<tr>");
                for (int c = 0; c < row.size(); c++) {
                    LoadTables.Cell cell = row.get(c);
                    sb.append(c < table.leftColumns() && c > 0 ? "<td class=\"text\">" : "<td>").append(esc(cell.main()));
                    if (!cell.detail().isEmpty()) sb.append("<span class=\"detail\">").append(esc(cell.detail())).append("</span>");
                    sb.append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
            if (!table.notes().isEmpty()) {
                sb.append("<ul class=\"muted\">\n");
                for (String n : table.notes()) sb.append("<li>").append(esc(n)).append("</li>\n");
                sb.append("</ul>\n");
            }
        }
        for (var c : LoadFormats.charts(t.reports(), m).entrySet()) {
            try {
                sb.append("<figure class=\"chart\"><img alt=\"").append(esc(c.getKey())).append("\" src=\"data:image/png;base64,")
                        .append(java.util.Base64.getEncoder().encodeToString(Charts.png(c.getValue()))).append("\"></figure>\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (t.sharing() != null) sb.append("<p class=\"muted\">").append(esc(t.sharing())).append("</p>\n");
        for (LoadReport r : t.reports()) {
            sb.append("<h2>").append(esc(m.get("env.title"))).append("</h2>\n");
            dl(sb, r.environment());
            sb.append("<h2>").append(esc(m.get("load.config.title"))).append("</h2>\n");
            dl(sb, r.config());
        }
        LoadReport first = t.reports().get(0);
        sb.append("<p class=\"muted\">").append(esc(m.get("report.generated", first.concurVersion(), first.timestamp())))
                .append("</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static String th(int c, LoadTables.Table table) {
        return c < table.leftColumns() && c > 0 ? "<th class=\"text\">" : "<th>";
    }

    /** A report's environment or config: every field as written. */
    private static void dl(StringBuilder sb, Map<String, Object> fields) {
        sb.append("<dl>\n");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            String text = v == null ? "–" : v instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
            sb.append("<dt>").append(esc(e.getKey())).append("</dt><dd>").append(esc(text)).append("</dd>\n");
        }
        sb.append("</dl>\n");
    }

    private static String esc(String s) {
        return HtmlFormat.esc(s);
    }
}
