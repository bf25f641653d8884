package dev.concur.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.cli.CliFixture;
import dev.concur.report.ReportFiles;
import dev.concur.result.LoadFixture;
import dev.concur.result.LoadReport.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * concur compare on two load reports: each server configuration's throughput (higher is better)
 * and p50/p99 (lower is better), the server process as the unit, through the same gate, exit codes
 * and output as bench reports.
 */
class CompareLoadReportsTest {
    private static final String WAIT = "wait/virtual [throughput] connections=1000 wait=100ms";

    @TempDir
    Path dir;

    private final CliFixture cli = new CliFixture();

    /** A load report of the wait experiment on virtual: {@code processes} processes, each figure within ±{@code spread} of its mean. */
    private Path wait(String name, long seed, int processes, double rate, double p50, double p99, double spread) throws Exception {
        Random r = new Random(seed);
        List<LoadResult> rs = new ArrayList<>();
        for (int p = 1; p <= processes; p++) {
            rs.add(LoadFixture.measured("wait", "virtual", p, 1000, 100_000, rate * noise(r, spread), p50 * noise(r, spread),
                    p99 * noise(r, spread)));
        }
        return write(name, rs);
    }

    private Path write(String name, List<LoadResult> rs) throws Exception {
        return Files.writeString(dir.resolve(name), ReportFiles.json().writeValueAsString(LoadFixture.report("complete", rs)));
    }

    private static double noise(Random r, double spread) {
        return 1 + spread * (2 * r.nextDouble() - 1);
    }

    private int compare(Path a, Path b, String... more) {
        List<String> args = new ArrayList<>(List.of("compare", a.toString(), b.toString()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void aTwentyPercentThroughputDropIsARegression() throws Exception {
        Path a = wait("a.json", 1, 6, 10_000, 101_000, 105_000, 0.01);
        Path b = wait("b.json", 2, 6, 8_000, 101_000, 105_000, 0.01);
        Path json = dir.resolve("verdicts.json");
        assertEquals(1, compare(a, b, "--json", json.toString()), cli.err + cli.out);
        assertTrue(java.util.regex.Pattern.compile("REGRESSION: " + java.util.regex.Pattern.quote(WAIT)
                + " is (19|20)\\.\\d% less throughput").matcher(cli.out).find(), cli.out);
        assertTrue(cli.out.contains("answers/s"), "the unit is in the table: " + cli.out);
        JsonNode v = ReportFiles.json().readTree(json.toFile());
        assertEquals(1, v.get("exitCode").asInt());
        JsonNode throughput = v.get("verdicts").get(2);
        assertEquals(WAIT, throughput.get("benchmark").asText());
        assertEquals("regression", throughput.get("verdict").asText());
        assertEquals(6, throughput.get("nBaseline").asInt());
        assertTrue(!throughput.get("lowerIsBetter").asBoolean());
    }

    @Test
    void theSameFiguresWithinTwoPercentAreNoChange() throws Exception {
        Path a = wait("a.json", 1, 6, 10_000, 101_000, 105_000, 0.02);
        Path b = wait("b.json", 2, 6, 10_000, 101_000, 105_000, 0.02);
        assertEquals(0, compare(a, b), cli.err + cli.out);
        assertTrue(cli.out.contains("0 regression, 0 improvement, 3 no change, 0 inconclusive, 0 new -> exit 0"), cli.out);
    }

    @Test
    void aDoubledP99IsARegression() throws Exception {
        Path a = wait("a.json", 1, 6, 10_000, 101_000, 105_000, 0.01);
        Path b = wait("b.json", 2, 6, 10_000, 101_000, 210_000, 0.01);
        assertEquals(1, compare(a, b), cli.err + cli.out);
        assertTrue(cli.out.contains("REGRESSION: wait/virtual [p99] connections=1000 wait=100ms is 10"), cli.out);
        assertTrue(cli.out.contains("% higher"), cli.out);
        assertTrue(cli.out.contains("1 regression, 0 improvement, 2 no change"), cli.out);
    }

    @Test
    void oneProcessASideIsInconclusiveAndSoAreThree() throws Exception {
        Path a = wait("a.json", 1, 1, 10_000, 101_000, 105_000, 0.01);
        Path b = wait("b.json", 2, 1, 8_000, 101_000, 105_000, 0.01);
        assertEquals(3, compare(a, b), cli.err + cli.out);
        assertTrue(cli.out.contains("inconclusive: fewer than 5 server processes a side (1 vs 1): run more server processes "
                + "(concur load --processes) or more runs a side"), cli.out);
        // concur load's default of 3 processes cannot reject either: Mann-Whitney's smallest p for 3 vs 3 is 0.1
        assertEquals(3, compare(wait("c.json", 3, 3, 10_000, 101_000, 105_000, 0.01), wait("d.json", 4, 3, 8_000, 101_000, 105_000, 0.01)));
    }

    @Test
    void runsMergedOnEachSideAddTheirProcesses() throws Exception {
        Path a1 = wait("a1.json", 1, 3, 10_000, 101_000, 105_000, 0.01);
        Path a2 = wait("a2.json", 2, 3, 10_000, 101_000, 105_000, 0.01);
        Path b1 = wait("b1.json", 3, 3, 8_000, 101_000, 105_000, 0.01);
        Path b2 = wait("b2.json", 4, 3, 8_000, 101_000, 105_000, 0.01);
        assertEquals(1, cli.run("compare", a1 + "," + a2, b1 + "," + b2), cli.err + cli.out);
        assertTrue(cli.out.contains("REGRESSION: " + WAIT), cli.out);
    }

    @Test
    void aProcessThatFailedNowIsMissingNotCompared() throws Exception {
        Path a = wait("a.json", 1, 6, 10_000, 101_000, 105_000, 0.01);
        Random r = new Random(2);
        List<LoadResult> rs = new ArrayList<>();
        for (int p = 1; p <= 5; p++) rs.add(LoadFixture.measured("wait", "virtual", p, 1000, 100_000, 10_000 * noise(r, 0.01), 101_000, 105_000));
        rs.add(LoadFixture.failed("wait", "virtual", 6, 1000, "the server exited during the run; see x.log"));
        Path b = write("b.json", rs);
        assertEquals(3, compare(a, b), cli.out);
        assertTrue(cli.out.contains("inconclusive: current run: failed (process 6 of 6): the server exited during the run; see x.log"), cli.out);
        assertEquals(0, compare(a, b, "--allow-missing"), cli.out);
    }

    @Test
    void rateComparesOnlyAtTheSameOfferedRate() throws Exception {
        List<LoadResult> at5000 = new ArrayList<>();
        List<LoadResult> at1000 = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            LoadResult r = LoadFixture.measured("rate", "virtual", p, 1000, 100_000, 5000, 101_000, 118_000);
            at5000.add(r);
            at1000.add(new LoadResult(r.experiment(), r.model(), p, r.status(), r.why(), r.connections(), r.waitMicros(), r.workRounds(),
                    r.loop(), 1000.0, r.seconds(), r.requests(), 1000.0, r.ceiling(), r.latency(), r.sendLagP99Micros(), r.server(),
                    r.perRequest(), r.hostile(), r.settings(), r.sharing(), r.crossCheck()));
        }
        assertEquals(3, compare(write("a.json", at5000), write("b.json", at1000)), cli.out);
        assertTrue(cli.out.contains("rate/virtual [throughput] connections=1000 offered=5000/s wait=100ms"), cli.out);
        assertTrue(cli.out.contains("missing in the current run"), cli.out);
        assertTrue(cli.out.contains("rate/virtual [throughput] connections=1000 offered=1000/s wait=100ms"), cli.out);
        assertTrue(cli.out.contains("new: not in the baseline"), "a fifth of the rate is another experiment, not a regression: " + cli.out);
    }

    @Test
    void aLoadReportAndABenchReportDoNotCompare() throws Exception {
        Path load = wait("load.json", 1, 6, 10_000, 101_000, 105_000, 0.01);
        Path bench = dir.resolve("bench.json");
        assertEquals(0, cli.run("bench", "--model=virtual", "--workload=io", "--out", bench.toString()), cli.err);
        assertEquals(2, compare(bench, load));
        assertEquals("concur compare: " + load + " is a load report (concur load) and " + bench
                + " a bench report: load reports compare only with load reports", cli.err.strip());
        Path jmh = Files.writeString(dir.resolve("jmh.json"), "[]");
        assertEquals(2, compare(load, jmh));
        assertTrue(cli.err.strip().endsWith(jmh + " JMH JSON: load reports compare only with load reports"), cli.err);
    }
}
