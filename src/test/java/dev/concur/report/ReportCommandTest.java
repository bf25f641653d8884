package dev.concur.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.cli.CliFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** concur report and bench --report through the command line. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void mergesTwoFilesAndShowsAFailureAsAFailure() throws Exception {
        CliFixture a = new CliFixture();
        a.run("bench", "--model=virtual,eventloop", "--workload=io", "--out", dir.resolve("a.json").toString());
        CliFixture b = new CliFixture();
        b.runner.failing("platform");
        b.run("bench", "--model=platform,virtual", "--workload=cpu", "--out", dir.resolve("b.json").toString());
        CliFixture cli = new CliFixture();
        int code = cli.run("report", dir.resolve("a.json").toString(), dir.resolve("b.json").toString(),
                "--format", "md,csv", "--lang", "en", "--out", dir.resolve("out").toString());
        assertEquals(0, code, cli.err);
        String md = Files.readString(dir.resolve("out/report.en.md"));
        assertTrue(md.contains("| platform | FAILED [1] |"), md);
        assertTrue(md.contains("1. platform/cpu: failed: java.lang.IllegalStateException: injected failure"), md);
        assertTrue(md.contains("## io — I/O-bound") && md.contains("## cpu — CPU-bound"), "both files merged");
        String csv = Files.readString(dir.resolve("out/report.csv"));
        assertTrue(csv.contains(",platform,,failed,,,,,,,"), csv);
    }

    @Test
    void benchRendersSpanishReportAfterTheRun() throws Exception {
        CliFixture cli = new CliFixture();
        Path out = dir.resolve("run.json");
        int code = cli.run("bench", "--model=all", "--workload=io,cpu", "--report", "md,png", "--lang", "es", "--out", out.toString());
        assertEquals(0, code, cli.err);
        Path md = dir.resolve("run-report/report.es.md");
        assertTrue(Files.readString(md).contains("limitada por I/O"), "Spanish headings");
        assertTrue(Files.exists(dir.resolve("run-report/io-batch-time.es.png")));
        assertTrue(cli.out.contains("rendered: " + md), cli.out);
    }

    @Test
    void badInputIsOneLineExitTwo() throws Exception {
        CliFixture cli = new CliFixture();
        Path good = dir.resolve("g.json");
        cli.run("bench", "--model=virtual", "--workload=io", "--out", good.toString());
        assertEquals(2, cli.run("report", good.toString(), "--format", "pdf"));
        assertEquals("concur report: unknown report format 'pdf'. Valid: md, csv, latex, html, png, svg", cli.err.strip());
        assertEquals(2, cli.run("report", good.toString(), "--lang", "fr"));
        assertEquals("concur report: unknown language 'fr'. Valid: es, en", cli.err.strip());
        assertEquals(2, cli.run("report", dir.resolve("none.json").toString()));
        assertTrue(cli.err.strip().endsWith("none.json: no such file"), cli.err);
        assertEquals(2, cli.run("bench", "--report", "docx", "--out", dir.resolve("x.json").toString()));
        assertTrue(cli.runner.calls.stream().noneMatch(s -> s.model().equals("eventloop")), "nothing ran for the bad --report");
    }

    @Test
    void helpIsAvailableInSpanish() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-ES"));
            CliFixture cli = new CliFixture();
            assertEquals(0, cli.run("bench", "--help"));
            assertTrue(cli.out.contains("Ejecuta cada modelo elegido"), cli.out);
            assertTrue(cli.out.contains("tareas por lote"), cli.out);
            assertEquals(0, cli.run("--help"));
            assertTrue(cli.out.contains("Códigos de salida"), cli.out);
        } finally {
            Locale.setDefault(saved);
        }
        CliFixture cli = new CliFixture();
        assertEquals(0, cli.run("bench", "--help"));
        assertTrue(cli.out.contains("Run every selected model"), "English by default: " + cli.out);
    }
}
