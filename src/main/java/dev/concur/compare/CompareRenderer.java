package dev.concur.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The gate's verdicts as a terminal table and as Markdown for {@code $GITHUB_STEP_SUMMARY}. */
public final class CompareRenderer {
    private CompareRenderer() {}

    private static String[] row(Verdict v) {
        return new String[] {v.benchmark(), num(v.baselineMedian(), v.unit()), num(v.currentMedian(), v.unit()),
                v.change() == null ? "-" : pct(v.change()),
                v.ciLow() == null ? "-" : "[" + pct(v.ciLow()) + ", " + pct(v.ciHigh()) + "]",
                v.pHolm() == null ? "-" : p(v.pHolm()),
                v.verdict() + (v.reason() != null ? ": " + v.reason() : "")};
    }

    private static final String[] HEAD = {"benchmark", "baseline (median)", "current (median)", "change", "95% CI",
            "p (Holm)", "verdict"};

    public static String table(List<Verdict> verdicts) {
        List<String[]> rows = new ArrayList<>();
        for (Verdict v : verdicts) rows.add(row(v));
        int[] w = new int[HEAD.length];
        for (int c = 0; c < HEAD.length; c++) w[c] = HEAD[c].length();
        for (String[] r : rows) for (int c = 0; c < r.length; c++) w[c] = Math.max(w[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        line(sb, HEAD, w);
        String[] rule = new String[HEAD.length];
        for (int c = 0; c < rule.length; c++) rule[c] = "-".repeat(w[c]);
        line(sb, rule, w);
        for (String[] r : rows) line(sb, r, w);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) l.append("  ");
            boolean right = c >= 1 && c <= 5;
            String pad = " ".repeat(w[c] - cells[c].length());
            l.append(right ? pad + cells[c] : cells[c] + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    public static String markdown(CompareOutcome o) {
        StringBuilder sb = new StringBuilder();
        String head = switch (o.exitCode()) {
            case 1 -> "❌ concur: " + o.count(Verdict.REGRESSION) + " performance regression(s)";
            case 3 -> "⚠️ concur: inconclusive comparison";
            default -> "✅ concur: no performance regression";
        };
        sb.append("### ").append(head).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Mann-Whitney U, Holm-corrected, alpha %s; a regression also needs a change over %s. ",
                trim(o.alpha()), pct(o.threshold()).replace("+", "")));
        sb.append(o.count(Verdict.REGRESSION)).append(" regression, ").append(o.count(Verdict.IMPROVEMENT)).append(" improvement, ")
                .append(o.count(Verdict.NO_CHANGE)).append(" no change, ").append(o.count(Verdict.INCONCLUSIVE)).append(" inconclusive")
                .append(o.count(Verdict.NEW) > 0 ? ", " + o.count(Verdict.NEW) + " new" : "").append(".\n\n");
        sb.append("| ").append(String.join(" | ", HEAD)).append(" |\n|");
        for (int i = 0; i < HEAD.length; i++) sb.append(i >= 1 && i <= 5 ? "---:|" : "---|");
        sb.append('\n');
        for (Verdict v : o.verdicts()) {
            String[] r = row(v);
            if (v.verdict().equals(Verdict.REGRESSION)) r[6] = "**" + r[6] + "**";
            sb.append("| ").append(String.join(" | ", List.of(r)).replace("|", "\\|").replace(" \\| ", " | ")).append(" |\n");
        }
        if (!o.warnings().isEmpty()) {
            sb.append("\n");
            for (String w : o.warnings()) sb.append("- ⚠️ ").append(w).append('\n');
        }
        return sb.toString();
    }

    static String num(Double v, String unit) {
        if (v == null) return "-";
        String n = Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3g", v);
        return n + " " + unit;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    static String p(double v) {
        return v < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String trim(double d) {
        return String.valueOf(d).replaceAll("\\.?0+$", "");
    }
}
