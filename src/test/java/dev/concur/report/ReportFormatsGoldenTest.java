package dev.concur.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concur.result.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seals md, csv and latex, in both languages, under the root locale and a decimal-comma locale:
 * the output depends on --lang, never on the machine's default locale. Regenerate deliberately
 * with -Dconcur.updateGolden=true and review the diff.
 */
class ReportFormatsGoldenTest {
    private final Locale saved = Locale.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest(name = "{0} {1} under default locale ''{2}''")
    @CsvSource({"md, en, ''", "md, en, de-DE", "md, es, ''", "md, es, de-DE",
            "csv, en, ''", "csv, es, de-DE",
            "latex, en, ''", "latex, en, de-DE", "latex, es, ''", "latex, es, de-DE"})
    void matchesGoldenFile(String format, String lang, String defaultLocale) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(defaultLocale));
        List<Report> reports = ReportFixture.reports(dir);
        ReportFormat f = ReportFormat.parse(format);
        ReportFormat.Output out = f.render(new ReportTables(reports), Messages.forLanguage(lang)).get(0);
        String actual = new String(out.bytes(), StandardCharsets.UTF_8);
        Path golden = Path.of("src/test/resources/golden/" + out.name());
        if (Boolean.getBoolean("concur.updateGolden")) Files.writeString(golden, actual);
        assertEquals(Files.readString(golden), actual, golden.toString());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "latex {0} compiles")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "es"})
    void latexCompilesAsBooktabsTabular(String lang) throws Exception {
        java.nio.file.Path pdflatex = java.nio.file.Path.of("/usr/bin/pdflatex");
        if (System.getenv("CI") != null) org.junit.jupiter.api.Assertions.assertTrue(Files.isExecutable(pdflatex), ".ci/run installs texlive");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pdflatex), "pdflatex not installed here (CI installs it)");
        Locale.setDefault(Locale.ROOT);
        ReportFormat.Output out = ReportFormat.LATEX.render(new ReportTables(ReportFixture.reports(dir)), Messages.forLanguage(lang)).get(0);
        Files.write(dir.resolve("tables.tex"), out.bytes());
        Files.writeString(dir.resolve("doc.tex"), "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage[T1]{fontenc}\n\\usepackage{booktabs}\n\\usepackage[margin=1cm,landscape]{geometry}\n"
                + "\\begin{document}\n\\input{tables.tex}\n\\end{document}\n");
        Process p = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("latex.log").toFile()).start();
        org.junit.jupiter.api.Assertions.assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("latex.log")));
        org.junit.jupiter.api.Assertions.assertTrue(Files.size(dir.resolve("doc.pdf")) > 1000);
    }
}
