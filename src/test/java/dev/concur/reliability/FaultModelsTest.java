package dev.concur.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.cli.Concur;
import dev.concur.cli.Wiring;
import dev.concur.report.ReportFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Real JMH runs of the fault models next to a healthy model: the suite goes on, each fault is
 * recorded as what it is, and no fork outlives the run.
 */
@Tag("jmh")
class FaultModelsTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = Concur.commandLine(Wiring.real());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    private static final String[] TINY = {"--workload=io", "--tasks", "20", "--latency", "2ms", "--warmup", "1",
            "--iterations", "3", "--time", "50ms", "--no-progress"};

    private String[] args(String models, String timeout, Path out) {
        String[] a = new String[TINY.length + 6];
        a[0] = "bench";
        a[1] = "--model=" + models;
        System.arraycopy(TINY, 0, a, 2, TINY.length);
        a[TINY.length + 2] = "--timeout";
        a[TINY.length + 3] = timeout;
        a[TINY.length + 4] = "--out";
        a[TINY.length + 5] = out.toString();
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fault-spin, SpinFaultModel.run", "fault-deadlock, Found one Java-level deadlock",
            "fault-never, NeverCompletesFaultModel.run"})
    void hangIsKilledDumpedAndTheSuiteGoesOn(String model, String inDump) throws Exception {
        Path out = dir.resolve("r.json");
        long t0 = System.nanoTime();
        int code = run(args(model + ",eventloop", "4s", out));
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, code, "a timeout fails the run");
        JsonNode results = ReportFiles.json().readTree(out.toFile()).get("results");
        JsonNode healthy = results.get(0);
        JsonNode hung = results.get(1);
        assertEquals("eventloop", healthy.get("model").asText());
        assertEquals("ok", healthy.get("status").asText(), healthy.toString());
        assertEquals(model, hung.get("model").asText());
        assertEquals("timeout", hung.get("status").asText(), hung.toString());
        Path dump = Path.of(hung.get("threadDump").asText());
        assertTrue(Files.readString(dump).contains(inDump), "dump names the culprit: " + dump);
        assertTrue(ProcessHandle.current().descendants().findAny().isEmpty(), "no fork left");
        assertTrue(secs < 60, "the 4 s deadline bounded the run: " + secs + " s");
        System.out.printf("reliability: %s killed after its 4 s deadline, dump saved, run took %.1f s%n", model, secs);
    }

    @Test
    void failuresAreRecordedAsWhatTheyAre() throws Exception {
        Path out = dir.resolve("f.json");
        int code = run(args("fault-throw,fault-lose,fault-leak,virtual", "30s", out));
        assertEquals(1, code);
        JsonNode results = ReportFiles.json().readTree(out.toFile()).get("results");
        assertEquals("virtual", results.get(0).get("model").asText());
        assertEquals("ok", results.get(0).get("status").asText());
        JsonNode thrown = results.get(1);
        assertEquals("failed", thrown.get("status").asText());
        assertTrue(thrown.get("note").asText().contains("injected failure in batch 3"), thrown.toString());
        JsonNode lost = results.get(2);
        assertEquals("invalid", lost.get("status").asText());
        assertTrue(lost.get("batchTime").isNull(), "a lost task never shows as a fast number");
        assertTrue(lost.get("note").asText().contains("19 of 20 tasks completed"), lost.toString());
        JsonNode leak = results.get(3);
        assertEquals("ok", leak.get("status").asText());
        assertTrue(leak.get("warnings").toString().contains("concur-leaked-worker"), leak.toString());
        assertTrue(ProcessHandle.current().descendants().findAny().isEmpty(), "no fork left");
    }
}
