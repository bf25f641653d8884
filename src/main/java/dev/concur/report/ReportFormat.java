package dev.concur.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The formats of {@code concur report}. Each renders the same {@link ReportTables} to named
 * outputs (text or bytes); {@link dev.concur.cli} writes them, atomically, in one place.
 */
public enum ReportFormat {
    MD("md"), CSV("csv"), LATEX("tex"), HTML("html"), PNG("png"), SVG("svg");

    /** One output file: its name inside the output directory and its bytes. */
    public record Output(String name, byte[] bytes) {}

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(v) || f.extension.equals(v)) return f;
        }
        throw new IllegalArgumentException("unknown report format '" + s + "'. Valid: md, csv, latex, html, png, svg");
    }

    /** The formats named in {@code names}, each once, in the order given. */
    public static List<ReportFormat> parseAll(List<String> names) {
        java.util.LinkedHashSet<ReportFormat> out = new java.util.LinkedHashSet<>();
        for (String n : names) {
            try {
                out.add(parse(n));
            } catch (IllegalArgumentException e) {
                throw new dev.concur.input.InputException(e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    public List<Output> render(ReportTables tables, Messages m) throws IOException {
        String suffix = "." + m.lang();
        return switch (this) {
            case MD -> List.of(text("report" + suffix + ".md", MarkdownFormat.render(tables, m)));
            case CSV -> List.of(text("report.csv", CsvFormat.render(tables)));
            case LATEX -> List.of(text("report" + suffix + ".tex", LatexFormat.render(tables, m)));
            case HTML -> List.of(text("report" + suffix + ".html", HtmlFormat.render(tables, m)));
            case PNG, SVG -> {
                List<Output> out = new ArrayList<>();
                for (Charts.Named c : Charts.all(tables, m)) {
                    byte[] b = this == PNG ? Charts.png(c.chart()) : Charts.svg(c.chart());
                    out.add(new Output(c.stem() + suffix + "." + extension, b));
                }
                yield out;
            }
        };
    }

    private static Output text(String name, String s) {
        return new Output(name, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
