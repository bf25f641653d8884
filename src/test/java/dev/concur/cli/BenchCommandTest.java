package dev.concur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.report.ReportFiles;
import dev.concur.run.Benchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** concur bench through picocli with a seeded fake runner: exit codes, messages, table, report. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private final CliFixture cli = new CliFixture();

    private String out() {
        return dir.resolve("r.json").toString();
    }

    @Test
    void runsTheMainJobAndWritesAReport() throws Exception {
        int code = cli.run("bench", "--model=virtual", "--workload=io", "--out", out());
        assertEquals(0, code, cli.err);
        assertTrue(cli.out.contains("virtual"), cli.out);
        assertTrue(cli.out.contains("report: " + out()), cli.out);
        JsonNode report = ReportFiles.json().readTree(Files.readString(dir.resolve("r.json")));
        assertEquals("completed", report.get("termination").asText());
        assertEquals(1, report.get("results").size());
        assertEquals("ok", report.get("results").get(0).get("status").asText());
        assertEquals("", cli.err, "nothing on stderr when all is well and no terminal");
    }

    @Test
    void sequentialIoIsSkippedWithItsReason() throws Exception {
        int code = cli.run("bench", "--model=all", "--workload=io", "--tasks", "10000", "--latency", "100ms", "--out", out());
        assertEquals(0, code, cli.err);
        assertTrue(cli.out.contains("SKIPPED"), cli.out);
        assertTrue(cli.out.contains("sequential/io: skipped: estimated 17 min per batch"), cli.out);
        assertTrue(cli.runner.calls.stream().noneMatch(s -> s.model().equals("sequential")), "sequential never ran");
        assertEquals(5, cli.runner.calls.stream().map(Benchmark::model).distinct().count(), "the other five ran");
    }

    @Test
    void speedupIsRelativeToSequential() throws Exception {
        assertEquals(0, cli.run("bench", "--model=sequential,forkjoin", "--workload=cpu", "--out", out()), cli.err);
        JsonNode results = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results");
        assertEquals(1.0, results.get(0).get("speedupVsSequential").asDouble(), 1e-9);
        double fj = results.get(1).get("speedupVsSequential").asDouble();
        assertTrue(fj > 1.8 && fj < 2.2, "fake forkjoin runs at the 2-core ideal: " + fj);
    }

    @Test
    void invalidRunExitsOneAndShowsNoNumber() throws Exception {
        cli.runner.invalid("virtual");
        int code = cli.run("bench", "--model=virtual,eventloop", "--workload=io", "--out", out());
        assertEquals(1, code);
        String row = cli.out.lines().filter(l -> l.contains(" virtual ")).findFirst().orElseThrow();
        assertTrue(row.contains("INVALID"), row);
        assertFalse(row.matches(".*\\d+\\.\\d+.*"), "no time in an invalid row: " + row);
        JsonNode v = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results").get(0);
        assertEquals("invalid", v.get("status").asText());
        assertTrue(v.get("batchTime").isNull());
        assertTrue(v.get("note").asText().contains("99 of 100") || v.get("note").asText().contains("tasks completed"));
    }

    @Test
    void failedRunExitsOneAndKeepsTheOthers() throws Exception {
        cli.runner.failing("platform");
        int code = cli.run("bench", "--model=platform,virtual", "--workload=io", "--out", out());
        assertEquals(1, code);
        assertTrue(cli.out.contains("FAILED"), cli.out);
        assertTrue(cli.out.contains("injected failure"), cli.out);
        JsonNode results = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results");
        assertEquals("failed", results.get(0).get("status").asText());
        assertEquals("ok", results.get(1).get("status").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--model=virtaul | unknown model 'virtaul'; did you mean 'virtual'?",
            "--model=fork | did you mean 'forkjoin'?",
            "--workload=cpuu | unknown workload 'cpuu'; did you mean 'cpu'?",
            "--model=quantum | Valid: sequential, platform, platform-per-task, virtual, forkjoin, eventloop, reactive, go-sequential",
            "--tasks=0 | '0' must be positive",
            "--tasks=-5 | '-5' must be positive",
            "--tasks=many | is not a whole number",
            "--threads=0 | '0' must be positive",
            "--latency=0ms | must be longer than 0",
            "--latency=100 | is not a duration",
            "--latency=-1s | is not a duration",
            "--work=-3 | must be positive",
            "--iterations=0 | must be positive",
            "--profile=slow | unknown profile 'slow'. Valid: quick, precise",
            "--max-batch=fast | is not a duration",
            "--gc=CMS | expected one of [G1, Serial, Parallel, Z]",
            "--bogus | Unknown option: '--bogus'"})
    void badInputIsOneLineAndExitTwo(String arg, String expected) {
        int code = cli.run("bench", arg, "--out", out());
        assertEquals(2, code, cli.out + cli.err);
        assertTrue(cli.err.contains(expected), cli.err);
        assertEquals(1, cli.err.strip().lines().count(), "one line: " + cli.err);
        assertFalse(cli.err.contains("Exception"), "no stack trace: " + cli.err);
        assertTrue(cli.runner.calls.isEmpty(), "nothing ran");
        assertFalse(Files.exists(dir.resolve("r.json")), "no report written");
    }

    @Test
    void unwritableOutputFailsBeforeAnyBenchmark() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        int code = cli.run("bench", "--model=virtual", "--workload=io", "--out", file.resolve("r.json").toString());
        assertEquals(2, code);
        assertTrue(cli.err.startsWith("concur bench: cannot write the report"), cli.err);
        assertTrue(cli.runner.calls.isEmpty());
        code = cli.run("bench", "--model=virtual", "--workload=io", "--out", dir.toString());
        assertEquals(2, code);
        assertTrue(cli.err.contains("is a directory"), cli.err);
    }

    @Test
    void profilesAndOverridesReachTheReport() throws Exception {
        assertEquals(0, cli.run("bench", "-m", "eventloop", "-w", "mixed", "--profile", "precise", "--iterations", "4",
                "--time", "100ms", "--tasks", "50", "--latency", "5ms", "--work", "1k", "--out", out()), cli.err);
        JsonNode config = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("config");
        assertEquals("precise", config.get("profile").asText());
        assertEquals(2, config.get("forks").asInt());
        assertEquals(4, config.get("measurementIterations").asInt());
        assertEquals(100, config.get("iterationMillis").asInt());
        JsonNode wp = config.get("workloadParams").get(0);
        assertEquals(50, wp.get("tasks").asInt());
        assertEquals(5.0, wp.get("latencyMs").asDouble());
        assertEquals(1000, wp.get("work").asLong());
    }

    @Test
    void theCollectorChosenReachesEveryBenchmarkAndG1IsTheDefault() throws Exception {
        assertEquals(0, cli.run("bench", "-m", "sequential,forkjoin", "-w", "cpu", "--cores", "1,2", "--tasks", "10",
                "--work", "1k", "--gc", "Parallel", "--out", out()), cli.err);
        assertEquals(4, cli.runner.calls.size());
        for (Benchmark b : cli.runner.calls) assertEquals(dev.concur.input.Gc.Parallel, b.gc(), b.label());
        cli.runner.calls.clear();
        assertEquals(0, cli.run("bench", "-m", "sequential", "-w", "cpu", "--cores", "1", "--tasks", "10", "--work", "1k",
                "--out", out()), cli.err);
        assertEquals(dev.concur.input.Gc.G1, cli.runner.calls.get(0).gc(), "one named collector at 1 core too, not the JVM's pick");
    }

    @Test
    void fewerThanFiveSamplesGiveTheRangeNeverAStudentInterval() throws Exception {
        assertEquals(0, cli.run("bench", "-m", "virtual", "-w", "io", "--forks", "1", "--iterations", "3", "--out", out()), cli.err);
        String json = Files.readString(dir.resolve("r.json"));
        assertFalse(json.contains("NaN"), json);
        JsonNode bt = ReportFiles.json().readTree(json).get("results").get(0).get("batchTime");
        assertTrue(bt.get("error").isNull(), "no interval from 3 samples");
        assertEquals("range", bt.get("interval").asText());
        assertTrue(bt.get("min").asDouble() < bt.get("max").asDouble());
        String note = ReportFiles.json().readTree(json).get("results").get(0).get("note").asText();
        assertTrue(note.startsWith("fewer than 5 samples (3): ±CI shows half their range"), note);
        assertTrue(cli.out.contains("range ±"), cli.out);
    }

    @Test
    void forksAreAddedUntilThePrecisionTarget() throws Exception {
        // the fake's samples vary by 1%: one fork of 10 meets ±3%; ±0.5% needs more forks; ±0.01% is never met
        assertEquals(0, cli.run("bench", "-m", "virtual", "-w", "io", "--out", out()), cli.err);
        JsonNode r = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results").get(0);
        assertEquals(1, r.get("params").get("forks").asInt());
        assertEquals("target", r.get("batchTime").get("stop").asText());
        assertEquals(0, cli.run("bench", "-m", "virtual", "-w", "io", "--precision", "0.5%", "--out", out()), cli.err);
        r = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results").get(0);
        assertTrue(r.get("params").get("forks").asInt() > 1, r.toString());
        assertTrue(r.get("batchTime").get("errorPct").asDouble() <= 0.5 || !r.get("batchTime").get("stop").asText().equals("target"));
        assertEquals(0, cli.run("bench", "-m", "virtual", "-w", "io", "--precision", "0.01", "--out", out()), cli.err);
        r = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results").get(0);
        int forks = r.get("params").get("forks").asInt();
        String stop = r.get("batchTime").get("stop").asText();
        assertTrue(forks == 2 && stop.equals("fork cap") || stop.equals("time cap"), "stopped by a cap: " + forks + " " + stop);
        assertEquals(2, r.get("params").get("maxForks").asInt(), "the quick profile's fork cap");
        assertTrue(r.get("note").asText().startsWith("precision target not reached"), r.get("note").asText());
        assertEquals(forks, r.get("batchTime").get("samplesPerFork").size());
        assertEquals(2, cli.run("bench", "-m", "virtual", "--precision", "0", "--out", out()));
        assertTrue(cli.err.contains("must be above 0%"), cli.err);
    }

    @Test
    void listAndHelpWork() {
        assertEquals(0, cli.run("list"));
        for (String m : dev.concur.model.ModelRegistry.names()) assertTrue(cli.out.contains(m), m);
        assertTrue(cli.out.contains("--tasks 2000 --latency 100ms"), cli.out);
        assertFalse(cli.out.contains("%n"), "a format escape printed as text: " + cli.out);
        assertEquals(0, cli.run("bench", "--help"));
        assertTrue(cli.out.contains("--max-batch"), cli.out);
        assertEquals(0, cli.run("--version"));
        assertTrue(cli.out.startsWith("concur ") && cli.out.contains("JDK "), cli.out);
        assertEquals(2, cli.run(), "no command is a usage error");
        assertTrue(cli.out.contains("Usage: concur"), "and shows the usage: " + cli.out);
    }

    @Test
    void helpReadsInSectionsAndNoLineIsCutMidSentence() {
        assertEquals(0, cli.run("bench", "--help"));
        String help = cli.out;
        int what = help.indexOf("What to run:"), size = help.indexOf("Batch size:"), measure = help.indexOf("Measurement:"),
                output = help.indexOf("Output:");
        assertTrue(what > 0 && what < size && size < measure && measure < output, help);
        assertTrue(help.indexOf("--model") > what && help.indexOf("--model") < size, "--model under 'What to run'");
        assertTrue(help.indexOf("--iterations") > measure && help.indexOf("--iterations") < output, help);
        assertEquals(0, cli.run("--help"));
        String compareLine = cli.out.lines().filter(l -> l.strip().startsWith("compare")).findFirst().orElseThrow();
        assertTrue(compareLine.strip().endsWith("regression."), "the compare line is one whole sentence: " + compareLine);
        // every command's summary ends a sentence (the lecture line once stopped at "vs threads,") and
        // no word is broken across lines (the serve line once read "f" / "(i)")
        String commands = cli.out.substring(cli.out.indexOf("Commands:"), cli.out.indexOf("Exit codes:")).strip();
        for (String entry : commands.split("\n(?=  [a-z])")) {
            if (entry.startsWith("Commands:")) continue;
            String text = entry.strip().replaceAll("\\s+", " ");
            assertTrue(text.endsWith("."), "a whole sentence: " + text);
            assertFalse(entry.matches("(?s).*[A-Za-z]\\n\\s+\\(.*"), "no word cut before '(': " + entry);
        }
        assertTrue(cli.out.contains("generate-completion"), "shell completion is listed: " + cli.out);
        assertTrue(cli.out.lines().noneMatch(l -> l.length() > 80), "fits 80 columns:\n" + cli.out);
        assertTrue(cli.out.contains("  3    compare: inconclusive"), cli.out);
    }

    @Test
    void targetIsRecordedForHttpOnly() throws Exception {
        assertEquals(0, cli.run("bench", "--model=virtual", "--workload=http,io", "--target", "http://10.0.0.7:8080",
                "--out", out()), cli.err);
        JsonNode results = ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results");
        assertEquals("io", results.get(0).get("workload").asText(), "registry order: io, then the opt-in http");
        assertTrue(results.get(0).get("params").get("target").isNull(), "io never calls the server");
        assertEquals("http://10.0.0.7:8080", results.get(1).get("params").get("target").asText());
        assertEquals(0, cli.run("bench", "--model=virtual", "--workload=http", "--out", out()), cli.err);
        assertTrue(ReportFiles.json().readTree(dir.resolve("r.json").toFile()).get("results").get(0).get("params")
                .get("target").isNull(), "the embedded loopback server is recorded as null");
    }

    @Test
    void oneRunAtATimeSaidInOneLineBeforeAnythingRuns() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var held = dev.concur.run.RunLock.acquire(tmp)) {
            assertEquals(2, cli.run("bench", "-m", "virtual", "-w", "io", "--out", out()));
            assertTrue(cli.err.startsWith("concur bench: another concur bench is running (pid " + ProcessHandle.current().pid()),
                    cli.err);
            assertEquals(1, cli.err.strip().lines().count());
            assertFalse(Files.exists(dir.resolve("r.json")), "nothing written");
            assertTrue(cli.runner.calls.isEmpty(), "nothing ran");
        }
        try (var jmh = new java.io.RandomAccessFile(tmp.resolve("jmh.lock").toFile(), "rw");
             var lock = jmh.getChannel().lock()) {
            assertEquals(2, cli.run("bench", "-m", "virtual", "-w", "io", "--out", out()));
            assertTrue(cli.err.contains("another JMH run holds " + tmp.resolve("jmh.lock")), cli.err);
        }
        assertEquals(0, cli.run("bench", "-m", "virtual", "-w", "io", "--out", out()), "free again: " + cli.err);
    }
}
