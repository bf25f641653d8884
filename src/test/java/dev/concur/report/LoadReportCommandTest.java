package dev.concur.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.cli.CliFixture;
import dev.concur.result.LoadFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** concur report on load reports, through the command line: detected by their schema, rendered, refused when mixed or broken. */
class LoadReportCommandTest {
    @TempDir
    Path dir;

    private Path loadReport(String name) throws Exception {
        return Files.writeString(dir.resolve(name), ReportFiles.json().writerWithDefaultPrettyPrinter()
                .writeValueAsString(LoadFixture.report(7)));
    }

    @Test
    void rendersEveryTableFormatAndTheCharts() throws Exception {
        Path load = loadReport("load.json");
        CliFixture cli = new CliFixture();
        Path out = dir.resolve("out");
        int code = cli.run("report", load.toString(), "--format", "md,csv,latex,html,png,svg", "--lang", "es", "--out", out.toString());
        assertEquals(0, code, cli.err);
        List<String> names = List.of("load.es.md", "load.csv", "load.es.tex", "load.es.html", "load-latency.es.png",
                "load-memory.es.png", "load-latency.es.svg", "load-memory.es.svg");
        assertEquals(names.stream().map(n -> out.resolve(n).toString()).toList(), cli.out.lines().toList());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(names.stream().sorted().toList(), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("", cli.err.strip());
        assertTrue(Files.readString(out.resolve("load.es.html")).contains("<img alt=\"load-latency\" src=\"data:image/png;base64,"));
        assertTrue(Files.readString(out.resolve("load.es.md")).contains("## wait — cada petición espera 100 ms en el manejador"));
    }

    @Test
    void withoutChartsNothingIsSaidAndTheFolderIsBesideTheFile() throws Exception {
        Path load = loadReport("run.json");
        CliFixture cli = new CliFixture();
        assertEquals(0, cli.run("report", load.toString(), "--lang", "en"), cli.err);
        assertEquals("", cli.err);
        assertTrue(Files.readString(dir.resolve("run-report/load.en.md")).startsWith("# concur load: HTTP servers under load"));
    }

    @Test
    void aLoadReportAndABenchReportAreNotRenderedTogether() throws Exception {
        Path load = loadReport("load.json");
        Path bench = dir.resolve("bench.json");
        CliFixture cli = new CliFixture();
        assertEquals(0, cli.run("bench", "--model=virtual", "--workload=io", "--out", bench.toString()), cli.err);
        assertEquals(2, cli.run("report", bench.toString(), load.toString(), "--out", dir.resolve("out").toString()));
        assertEquals("concur report: " + load + " is a load report and " + bench + " a bench report: render concur load's and "
                + "concur bench's reports in separate calls", cli.err.strip());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aBrokenLoadReportIsOneLineExitTwo() throws Exception {
        Path load = loadReport("load.json");
        Files.writeString(load, Files.readString(load).replace("\"termination\" : \"complete\"", "\"termination\" : \"done\""));
        CliFixture cli = new CliFixture();
        assertEquals(2, cli.run("report", load.toString()));
        assertEquals("concur report: " + load + ": termination: 'done' is not one of running, complete, interrupted, failed",
                cli.err.strip());
        Files.writeString(load, "{\"schema\": \"concur-load/9\"}");
        assertEquals(2, cli.run("report", load.toString()));
        assertEquals("concur report: " + load + ": unknown schema \"concur-load/9\" (this concur reads concur-load/1)", cli.err.strip());
    }
}
