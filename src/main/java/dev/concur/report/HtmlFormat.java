package dev.concur.report;

import dev.concur.result.Environment;
import dev.concur.result.Report;
import java.io.IOException;

/**
 * One self-contained HTML page: tables, charts (PNG data URIs), notes and environment, with no
 * script and nothing fetched at view time. Large type and high contrast, for a projector.
 */
final class HtmlFormat {
    static final String CSS = """
            body{font-family:'DejaVu Sans',Verdana,sans-serif;font-size:20px;color:#111;background:#fff;margin:2em auto;max-width:1400px;line-height:1.4}
            h1{font-size:2em;margin-bottom:.2em}h2{font-size:1.4em;margin-top:2em;border-bottom:3px solid #0072B2}
            table{border-collapse:collapse;margin:1em 0}th,td{padding:.4em .9em;border-bottom:1px solid #bbb;text-align:right;vertical-align:top}
            th:first-child,td:first-child{text-align:left}thead th{border-bottom:3px solid #111}
            td.best{font-weight:bold;background:#e8f4ea}td .detail{display:block;font-size:.75em;color:#444}
            td.bad{color:#b00020;font-weight:bold}.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;vertical-align:middle}
            .chart img{width:100%;height:auto;max-width:1280px}.muted{color:#555;font-size:.85em}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}
            """;

    private HtmlFormat() {}

    static String render(ReportTables tables, Messages m) throws IOException {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(m.lang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(m.get("report.title"))).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(m.get("report.title"))).append("</h1>\n");
        sb.append("<p class=\"muted\">").append(esc(m.get("how.text"))).append("</p>\n");
        var charts = Charts.all(tables, m);
        for (ReportTables.Table t : tables.tables()) {
            String title = ReportTables.title(t, m);
            sb.append("<h2>").append(esc(title)).append("</h2>\n<table>\n<thead><tr><th>").append(esc(m.get("col.model"))).append("</th>");
            boolean sources = t.rows().stream().anyMatch(r -> r.source() != null);
            if (sources) sb.append("<th>").append(esc(m.get("col.source"))).append("</th>");
            for (Integer k : t.columns()) sb.append("<th>").append(esc(m.cores(k))).append("</th>");
            sb.append("</tr></thead>\n<tbody>\n");
            for (ReportTables.Row row : t.rows()) {
                sb.append("<tr><td><span class=\"swatch\" style=\"background:").append(hex(row.model())).append("\"></span>")
                        .append(esc(row.model())).append("<span class=\"detail muted\"> ").append(esc(m.modelDescription(row.model())))
                        .append("</span></td>");
                if (sources) sb.append("<td>").append(esc(row.source() == null ? "" : row.source())).append("</td>");
                for (ReportTables.Cell c : row.cells()) {
                    boolean bad = c.result() != null && !c.result().ok();
                    sb.append("<td").append(c.best() ? " class=\"best\"" : bad ? " class=\"bad\"" : "").append('>')
                            .append(esc(CellText.main(c, m))).append(esc(CellText.noteMark(c)));
                    String d = CellText.detail(c, m);
                    if (!d.isEmpty()) sb.append("<span class=\"detail\">").append(esc(d)).append("</span>");
                    sb.append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody>\n</table>\n<p class=\"muted\">").append(esc(m.get("best.legend"))).append("</p>\n");
            for (Charts.Named c : charts) {
                if (c.table() != t) continue; // each table's own charts (a workload can have several sizes)
                // PNG as a data URI: self-contained, and a tenth of the size of XChart's SVG (which
                // draws every letter as a path)
                String png = java.util.Base64.getEncoder().encodeToString(Charts.png(c.chart()));
                sb.append("<figure class=\"chart\"><img alt=\"").append(esc(c.stem())).append("\" src=\"data:image/png;base64,")
                        .append(png).append("\"></figure>\n");
            }
        }
        if (!tables.scaling().isEmpty()) {
            sb.append("<h2>").append(esc(m.get("scaling.title"))).append("</h2>\n<ul>\n");
            for (var sc : tables.scaling()) sb.append("<li>").append(esc(m.scaling(sc))).append("</li>\n");
            sb.append("</ul>\n");
        }
        if (!tables.notes().isEmpty()) {
            sb.append("<h2>").append(esc(m.get("notes.title"))).append("</h2>\n<ol>\n");
            for (ReportTables.Note n : tables.notes()) {
                sb.append("<li value=\"").append(n.number()).append("\">").append(esc(n.model() + "/" + n.workload()
                        + (n.cores() == null ? "" : " @" + n.cores()) + ": " + m.note(n.text()))).append("</li>\n");
            }
            sb.append("</ol>\n");
        }
        sb.append("<h2>").append(esc(m.get("env.title"))).append("</h2>\n");
        for (Report r : tables.reports()) {
            Environment e = r.environment();
            sb.append("<dl>\n");
            dl(sb, m.get("env.jdk"), e.jdkVendor() + " " + e.jdkVersion());
            dl(sb, m.get("env.os"), e.os() + " " + e.kernel() + " (" + e.arch() + ")");
            dl(sb, m.get("env.cpu"), String.valueOf(e.cpuModel()));
            dl(sb, m.get("env.cores"), e.availableProcessors() + (e.cpuAffinity() == null ? "" : " (CPUs " + e.cpuAffinity() + ")"));
            if (e.memoryTotalBytes() != null) dl(sb, m.get("env.memory"), m.number(e.memoryTotalBytes() / 1e9, 1) + " GB");
            if (e.gitCommit() != null) dl(sb, m.get("env.commit"), e.gitCommit() + (Boolean.TRUE.equals(e.gitDirty()) ? " (+)" : ""));
            dl(sb, m.get("env.flags"), String.join(" ", r.config().forkJvmArgs()));
            String gc = ForkSummary.collectors(r);
            if (gc != null) dl(sb, m.get("env.gc"), gc);
            String peers = ForkSummary.peerSettings(r);
            if (peers != null) dl(sb, m.get("env.peers"), peers);
            ForkSummary.Measurer own = ForkSummary.measurer(r);
            if (own != null && own.hasBatches()) {
                dl(sb, m.get("env.measurer"), m.get("env.measurer.value", m.number(own.batchPct(), 1),
                        m.number(own.batchMaxPct(), 1), m.number(own.batchCpu(), 2), m.number(own.batchWall(), 1)));
            }
            if (own != null) dl(sb, m.get("env.measurer.life"), m.get("env.measurer.life.value", m.number(own.lifePct(), 1),
                    m.number(own.lifeCpu(), 2), m.number(own.lifeWall(), 1)));
            sb.append("</dl>\n");
        }
        sb.append("<p class=\"muted\">").append(esc(m.get("report.generated", tables.reports().get(0).concurVersion(),
                tables.reports().get(0).timestamp()))).append("</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void dl(StringBuilder sb, String k, String v) {
        sb.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>\n");
    }

    private static String hex(String model) {
        var c = Charts.color(model);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
