package dev.concur.report;

/**
 * A booktabs {@code tabular} per workload, ready to input in slides or a paper
 * (needs the booktabs package). Best cells in bold; details in a smaller second line.
 */
final class LatexFormat {
    private LatexFormat() {}

    static String render(ReportTables tables, Messages m) {
        StringBuilder sb = new StringBuilder("% ").append(m.get("report.title")).append(" -- \\usepackage{booktabs}\n");
        for (ReportTables.Table t : tables.tables()) {
            boolean sources = t.rows().stream().anyMatch(r -> r.source() != null);
            sb.append("\n% ").append(esc(ReportTables.title(t, m))).append('\n');
            sb.append("\\begin{tabular}{l").append(sources ? "l" : "").append("r".repeat(t.columns().size())).append("}\n\\toprule\n");
            sb.append(esc(m.get("col.model")));
            if (sources) sb.append(" & ").append(esc(m.get("col.source")));
            for (Integer k : t.columns()) sb.append(" & ").append(esc(m.cores(k)));
            sb.append(" \\\\\n\\midrule\n");
            for (ReportTables.Row row : t.rows()) {
                sb.append(esc(row.model()));
                if (sources) sb.append(" & ").append(esc(row.source() == null ? "" : row.source()));
                for (ReportTables.Cell c : row.cells()) {
                    String main = esc(CellText.main(c, m)).replace("±", "$\\pm$");
                    if (c.best()) main = "\\textbf{" + main + "}";
                    String detail = esc(CellText.detail(c, m)).replace("×", "$\\times$").replace("·", "$\\cdot$");
                    sb.append(" & ").append(main);
                    if (!detail.isEmpty()) sb.append(" {\\footnotesize (").append(detail).append(")}");
                    if (c.note() != null) sb.append("\\textsuperscript{").append(c.note()).append('}');
                }
                sb.append(" \\\\\n");
            }
            sb.append("\\bottomrule\n\\end{tabular}\n");
        }
        if (!tables.scaling().isEmpty()) {
            sb.append("\n% ").append(esc(m.get("scaling.title"))).append("\n\\begin{itemize}\n");
            for (var sc : tables.scaling()) {
                sb.append("\\item ").append(esc(m.scaling(sc)).replace("×", "$\\times$").replace("σ", "$\\sigma$")
                        .replace("κ", "$\\kappa$").replace("R²", "$R^2$")).append('\n');
            }
            sb.append("\\end{itemize}\n");
        }
        if (!tables.notes().isEmpty()) {
            sb.append("\n% ").append(esc(m.get("notes.title"))).append("\n\\par\\smallskip{\\footnotesize\n");
            for (ReportTables.Note n : tables.notes()) {
                sb.append("\\textsuperscript{").append(n.number()).append("} ").append(esc(n.model() + "/" + n.workload()
                        + (n.cores() == null ? "" : " @" + n.cores()) + ": " + m.note(n.text()))).append("\\\\\n");
            }
            sb.append("}\n");
        }
        return sb.toString();
    }

    static String esc(String s) {
        return s.replace("&", "\\&").replace("%", "\\%").replace("_", "\\_")
                .replace("#", "\\#").replace("$", "\\$").replace("{", "\\{").replace("}", "\\}")
                .replace("—", "---").replace("–", "--").replace("~", "\\textasciitilde{}");
    }
}
