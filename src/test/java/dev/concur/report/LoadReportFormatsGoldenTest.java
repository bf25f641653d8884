package dev.concur.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.result.LoadFixture;
import dev.concur.result.LoadReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals md, csv, latex and html of a seeded load report, in both languages, under the root locale
 * and a decimal-comma locale: the output depends on --lang, never on the machine's default locale.
 * Regenerate deliberately with -Dconcur.updateGolden=true and review the diff.
 */
class LoadReportFormatsGoldenTest {
    private final Locale saved = Locale.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private static List<LoadReport> reports() {
        return List.of(LoadFixture.report(7));
    }

    @ParameterizedTest(name = "{0} {1} under default locale ''{2}''")
    @CsvSource({"md, en, ''", "md, en, de-DE", "md, es, ''", "md, es, de-DE",
            "csv, en, ''", "csv, es, de-DE",
            "html, en, ''", "html, en, de-DE", "html, es, ''", "html, es, de-DE",
            "latex, en, ''", "latex, es, de-DE"})
    void matchesGoldenFile(String format, String lang, String defaultLocale) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(defaultLocale));
        List<ReportFormat.Output> outs = LoadFormats.render(ReportFormat.parse(format), reports(), Messages.forLanguage(lang));
        assertEquals(1, outs.size());
        // the charts' PNG bytes depend on the machine's fonts: the golden seals where they are, not their pixels
        String actual = new String(outs.get(0).bytes(), StandardCharsets.UTF_8).replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+",
                "data:image/png;base64,PNG");
        Path golden = Path.of("src/test/resources/golden/" + outs.get(0).name());
        if (Boolean.getBoolean("concur.updateGolden")) Files.writeString(golden, actual);
        assertEquals(Files.readString(golden), actual, golden.toString());
    }

    @ParameterizedTest(name = "{0}: latency by percentile and memory per connection")
    @ValueSource(strings = {"png", "svg"})
    void chartsOfLoadReportsAreDrawn(String format) {
        List<ReportFormat.Output> outs = LoadFormats.render(ReportFormat.parse(format), reports(), Messages.forLanguage("es"));
        assertEquals(List.of("load-latency.es." + format, "load-memory.es." + format), outs.stream().map(ReportFormat.Output::name).toList());
        for (ReportFormat.Output o : outs) {
            byte[] b = o.bytes();
            if (format.equals("png")) assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', o.name());
            else assertTrue(new String(b, StandardCharsets.UTF_8).contains("<svg"), o.name());
        }
    }

    @org.junit.jupiter.api.Test
    void aRunThatDidNotFinishSaysSoAtTheTop() {
        var partial = LoadFixture.report("interrupted", LoadFixture.report(7).results().subList(0, 4));
        String en = LoadDocuments.markdown(new LoadTables(List.of(partial), Messages.forLanguage("en")), Messages.forLanguage("en"));
        assertTrue(en.contains("\n**The run was interrupted: the tables hold what was measured before it stopped.**\n"), en);
        String es = LoadDocuments.markdown(new LoadTables(List.of(partial), Messages.forLanguage("es")), Messages.forLanguage("es"));
        assertTrue(es.contains("**La ejecución se interrumpió: las tablas recogen lo que se midió antes de que se detuviera.**"), es);
        assertTrue(!en.contains("## wait"), "only the experiments that ran have a table");
    }

    @ParameterizedTest(name = "latex {0} compiles")
    @ValueSource(strings = {"en", "es"})
    void latexCompilesAsBooktabsTabular(String lang) throws Exception {
        Path pdflatex = Path.of("/usr/bin/pdflatex");
        if (System.getenv("CI") != null) assertTrue(Files.isExecutable(pdflatex), ".ci/run installs texlive");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(pdflatex), "pdflatex not installed here (CI installs it)");
        Files.write(dir.resolve("tables.tex"), LoadFormats.render(ReportFormat.LATEX, reports(), Messages.forLanguage(lang)).get(0).bytes());
        Files.writeString(dir.resolve("doc.tex"), "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage[T1]{fontenc}\n\\usepackage{booktabs}\n\\usepackage[margin=1cm,landscape]{geometry}\n"
                + "\\begin{document}\n\\input{tables.tex}\n\\end{document}\n");
        Process p = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("latex.log").toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("latex.log")));
        assertTrue(Files.size(dir.resolve("doc.pdf")) > 1000);
    }
}
