package dev.concur.report;

import java.util.List;

/** Markdown that renders well on a code-hosting site: one table per workload, bold best cells. */
final class MarkdownFormat {
    private MarkdownFormat() {}

    static String render(ReportTables tables, Messages m) {
        StringBuilder sb = new StringBuilder("# ").append(m.get("report.title")).append("\n\n");
        sb.append("_").append(m.get("how.text")).append("_\n\n");
        for (ReportTables.Table t : tables.tables()) {
            sb.append("## ").append(esc(ReportTables.title(t, m))).append("\n\n");
            boolean sources = t.rows().stream().anyMatch(r -> r.source() != null);
            sb.append("| ").append(m.get("col.model"));
            if (sources) sb.append(" | ").append(m.get("col.source"));
            for (Integer k : t.columns()) sb.append(" | ").append(m.cores(k));
            sb.append(" |\n|---");
            if (sources) sb.append("|---");
            sb.append("|---:".repeat(t.columns().size())).append("|\n");
            for (ReportTables.Row row : t.rows()) {
                sb.append("| ").append(row.model());
                if (sources) sb.append(" | ").append(esc(row.source() == null ? "" : row.source()));
                for (ReportTables.Cell c : row.cells()) {
                    String main = esc(CellText.main(c, m));
                    if (c.best()) main = "**" + main + "**";
                    String detail = esc(CellText.detail(c, m));
                    sb.append(" | ").append(main).append(detail.isEmpty() ? "" : "<br>" + detail).append(CellText.noteMark(c));
                }
                sb.append(" |\n");
            }
            sb.append('\n');
        }
        sb.append(m.get("best.legend")).append(' ').append(m.get("ci.legend")).append('\n');
        if (!tables.scaling().isEmpty()) {
            sb.append("\n## ").append(m.get("scaling.title")).append("\n\n");
            for (var sc : tables.scaling()) sb.append("- ").append(esc(m.scaling(sc))).append('\n');
        }
        notes(sb, tables.notes(), m);
        return sb.toString();
    }

    private static void notes(StringBuilder sb, List<ReportTables.Note> notes, Messages m) {
        if (notes.isEmpty()) return;
        sb.append("\n### ").append(m.get("notes.title")).append("\n\n");
        for (ReportTables.Note n : notes) {
            sb.append(n.number()).append(". ").append(n.model()).append('/').append(n.workload())
                    .append(n.cores() == null ? "" : " @" + n.cores()).append(": ").append(esc(m.note(n.text()))).append('\n');
        }
    }

    static String esc(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
