package dev.concur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --cores sweeps and --suite through the CLI, with the seeded fake runner (machine of 4 cores). */
class SweepAndSuiteCommandTest {
    @TempDir
    Path dir;

    private final CliFixture cli = new CliFixture();

    private JsonNode report() throws Exception {
        return ReportFiles.json().readTree(dir.resolve("r.json").toFile());
    }

    private String out() {
        return dir.resolve("r.json").toString();
    }

    @Test
    void coreSweepRecordsAffinityAndScaling() throws Exception {
        int code = cli.run("bench", "--workload=cpu", "--model=sequential,forkjoin,eventloop", "--cores", "1,2", "--out", out());
        assertEquals(0, code, cli.err);
        assertTrue(cli.out.contains("scaling: cpu"), cli.out);
        assertTrue(cli.out.contains("forkjoin @2"), cli.out);
        JsonNode r = report();
        assertEquals("[1,2]", r.get("config").get("cores").toString());
        assertEquals("taskset", r.get("config").get("pinning").asText());
        for (JsonNode res : r.get("results")) {
            int k = res.get("cores").asInt();
            JsonNode fork = res.get("forks").get(0);
            assertEquals(k, fork.get("availableProcessors").asInt());
            assertEquals(k == 1 ? "0" : "0-1", fork.get("cpusAllowed").asText());
            assertEquals(fork.get("cpusAllowed").asText(), res.get("params").get("pinnedCpus").asText());
            assertTrue(fork.get("jvmArgs").toString().contains("-XX:ActiveProcessorCount=" + k));
        }
        JsonNode scaling = r.get("scaling");
        assertEquals(3, scaling.size());
        JsonNode fj = scaling.get(1);
        assertEquals("forkjoin", fj.get("model").asText());
        assertEquals(2.0, fj.get("points").get(1).get("speedupVsMinCores").asDouble(), 0.1);
        assertEquals(1.0, scaling.get(2).get("points").get(1).get("speedupVsMinCores").asDouble(), 0.1, "eventloop");
    }

    @Test
    void forkOnTheWrongCoresIsInvalid() throws Exception {
        cli.runner.wrongCores("virtual");
        int code = cli.run("bench", "--workload=cpu", "--model=virtual,forkjoin", "--cores", "1", "--out", out());
        assertEquals(1, code);
        JsonNode v = report().get("results").get(0);
        assertEquals("invalid", v.get("status").asText());
        assertEquals("invalid: fork 4242 saw 2 processors, asked for 1", v.get("note").asText());
        assertEquals("ok", report().get("results").get(1).get("status").asText());
    }

    @Test
    void tooManyCoresIsAUsageError() {
        int code = cli.run("bench", "--cores", "64", "--out", out());
        assertEquals(2, code);
        assertEquals("concur bench: --cores 64: this machine has 2 cores (use 1-2 or all)", cli.err.strip());
        assertTrue(cli.runner.calls.isEmpty());
    }

    @Test
    void quickSuiteRunsTheDefaultMatrix() throws Exception {
        assertEquals(0, cli.run("bench", "--suite", "quick", "--out", out()), cli.err);
        // benchmarks run, not runner calls: an adaptive profile may call the runner again for another round
        var ran = cli.runner.calls.stream().map(dev.concur.run.Benchmark::label).distinct().toList();
        assertEquals(16, ran.size(), "18 pairs less sequential io and mixed (skipped): " + ran);
        assertFalse(ran.contains("sequential/io") || ran.contains("sequential/mixed"), ran.toString());
        JsonNode r = report();
        assertTrue(r.get("config").get("suite").asText().endsWith("quick.yaml"));
        assertEquals(18, r.get("results").size());
        assertEquals("Every model on the three basic workloads", r.get("results").get(0).get("params").get("run").asText());
    }

    @Test
    void commandLineOverridesSuiteValuesAndTheReportSaysSo() throws Exception {
        assertEquals(0, cli.run("bench", "--suite", "ci", "--tasks", "50", "--iterations", "4", "--out", out()), cli.err);
        assertTrue(cli.runner.calls.stream().allMatch(s -> s.params().tasks() == 50));
        assertTrue(cli.runner.calls.stream().allMatch(s -> s.profile().iterations() == 4));
        JsonNode r = report();
        assertEquals("[\"--tasks\",\"--iterations\"]", r.get("config").get("overrides").toString());
        for (JsonNode res : r.get("results")) {
            assertEquals(50, res.get("params").get("tasks").asInt());
            assertEquals(4, res.get("params").get("measurementIterations").asInt());
        }
    }

    @Test
    void suiteErrorsAreOneLineWithFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"),
                "description: broken\nruns:\n  - description: a run\n    models: [virtual, quantum]\n    workloads: io\n");
        int code = cli.run("bench", "--suite", bad.toString(), "--out", out());
        assertEquals(2, code);
        assertTrue(cli.err.startsWith("concur bench: " + bad + ":4: 'models': unknown model 'quantum'"), cli.err);
        assertEquals(1, cli.err.strip().lines().count());
        assertFalse(Files.exists(dir.resolve("r.json")));

        assertEquals(2, cli.run("bench", "--suite", "lectur", "--out", out()));
        assertTrue(cli.err.contains("unknown suite 'lectur'; did you mean 'lecture'?"), cli.err);
    }

    @Test
    void aModelThatWouldDeadlockThePipelineIsSkippedWithTheReason() throws Exception {
        assertEquals(0, cli.run("bench", "--model=sequential,virtual", "--workload=pipeline", "--out", out()), cli.err);
        JsonNode results = report().get("results");
        assertEquals("skipped", results.get(0).get("status").asText());
        assertEquals("skipped: pipeline needs its 5 parts to run at once; sequential runs 1 at a time (it would deadlock)",
                results.get(0).get("note").asText());
        assertEquals("ok", results.get(1).get("status").asText());
        assertTrue(cli.runner.calls.stream().noneMatch(s -> s.model().equals("sequential")));
    }

    @Test
    void listShowsSuites() {
        assertEquals(0, cli.run("list"));
        assertTrue(cli.out.contains("Suites (--suite NAME)"), cli.out);
        for (String s : new String[] {"quick", "lecture", "scaling", "ci"}) assertTrue(cli.out.contains("  " + s + " "), s);
        assertTrue(cli.out.contains("--cores 1,2"), cli.out);
    }
}
