package dev.concur.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.cli.CliFixture;
import dev.concur.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** concur compare through the command line: verdicts, exit codes, summary and JSON outputs. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private final CliFixture cli = new CliFixture();

    /** A JMH-format file with the given benchmarks: name → mean; 8 forks of 5 iterations, CV 2 % each level. */
    private Path jmh(String name, long seed, String unit, String mode, Object... nameMean) throws Exception {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < nameMean.length; i += 2) {
            double mean = (Double) nameMean[i + 1];
            List<String> forks = new ArrayList<>();
            for (int f = 0; f < 8; f++) {
                double forkMean = mean * (1 + 0.02 * r.nextGaussian());
                List<String> xs = new ArrayList<>();
                for (int k = 0; k < 5; k++) xs.add(Double.toString(forkMean * (1 + 0.02 * r.nextGaussian())));
                forks.add("[" + String.join(",", xs) + "]");
            }
            if (i > 0) sb.append(',');
            sb.append("{\"benchmark\":\"org.bench.").append(nameMean[i]).append("\",\"mode\":\"").append(mode)
                    .append("\",\"jdkVersion\":\"25\",\"jvmArgs\":[],\"primaryMetric\":{\"score\":").append(mean)
                    .append(",\"scoreUnit\":\"").append(unit).append("\",\"rawData\":[").append(String.join(",", forks)).append("]}}");
        }
        return Files.writeString(dir.resolve(name), sb.append(']').toString());
    }

    @Test
    void noChangeExitsZero() throws Exception {
        Path a = jmh("a.json", 1, "ms/op", "avgt", "Alpha.run", 100.0, "Beta.run", 50.0);
        Path b = jmh("b.json", 2, "ms/op", "avgt", "Alpha.run", 100.0, "Beta.run", 50.0);
        assertEquals(0, cli.run("compare", a.toString(), b.toString()), cli.err + cli.out);
        assertTrue(cli.out.contains("no change"), cli.out);
    }

    @Test
    void regressionExitsOneAndNamesTheBenchmark() throws Exception {
        Path a = jmh("a.json", 1, "ms/op", "avgt", "Alpha.run", 100.0, "Beta.run", 50.0);
        Path b = jmh("b.json", 2, "ms/op", "avgt", "Alpha.run", 130.0, "Beta.run", 50.0);
        Path summary = dir.resolve("summary.md");
        Path json = dir.resolve("verdicts.json");
        assertEquals(1, cli.run("compare", a.toString(), b.toString(), "--summary", summary.toString(), "--json", json.toString()));
        assertTrue(cli.out.contains("REGRESSION: org.bench.Alpha.run [avgt] is 3"), cli.out);
        assertTrue(Files.readString(summary).startsWith("### ❌ concur: 1 performance regression(s)"));
        assertTrue(Files.readString(summary).contains("| org.bench.Alpha.run [avgt] |"), Files.readString(summary));
        JsonNode v = ReportFiles.json().readTree(json.toFile());
        assertEquals(1, v.get("exitCode").asInt());
        assertEquals("regression", v.get("verdicts").get(0).get("verdict").asText());
    }

    @Test
    void throughputDirectionComesFromTheMode() throws Exception {
        // ops/s going DOWN 30 % is the regression; github-action-benchmark reads every JMH score as smaller-is-better
        Path a = jmh("a.json", 1, "ops/s", "thrpt", "Alpha.run", 1000.0);
        Path b = jmh("b.json", 2, "ops/s", "thrpt", "Alpha.run", 700.0);
        assertEquals(1, cli.run("compare", a.toString(), b.toString()));
        Path c = jmh("c.json", 3, "ops/s", "thrpt", "Alpha.run", 1300.0);
        assertEquals(0, cli.run("compare", a.toString(), c.toString()));
        assertTrue(cli.out.contains("improvement"), cli.out);
    }

    @Test
    void missingBenchmarkIsInconclusiveUnlessAllowed() throws Exception {
        Path a = jmh("a.json", 1, "ms/op", "avgt", "Alpha.run", 100.0, "Beta.run", 50.0);
        Path b = jmh("b.json", 2, "ms/op", "avgt", "Alpha.run", 100.0);
        assertEquals(3, cli.run("compare", a.toString(), b.toString()));
        assertTrue(cli.out.contains("inconclusive: missing in the current run"), cli.out);
        assertEquals(0, cli.run("compare", a.toString(), b.toString(), "--allow-missing"));
        assertEquals(0, cli.run("compare", a.toString(), b.toString(), "--allow-inconclusive"));
    }

    @Test
    void unitMismatchAndNaNAreInconclusive() throws Exception {
        Path a = jmh("a.json", 1, "ms/op", "avgt", "Alpha.run", 100.0);
        Path b = jmh("b.json", 2, "B/op", "avgt", "Alpha.run", 100.0);
        assertEquals(3, cli.run("compare", a.toString(), b.toString()));
        assertTrue(cli.out.contains("unit mismatch: ms/op vs B/op"), cli.out);
        // the same quantity at another scale is one unit: 100 ms/op = 100,000 us/op
        Path us = jmh("us.json", 2, "us/op", "avgt", "Alpha.run", 100_000.0);
        assertEquals(0, cli.run("compare", a.toString(), us.toString()), cli.out);
        Path n = Files.writeString(dir.resolve("n.json"), Files.readString(a).replaceFirst("\\[\\[[0-9.]+", "[[\"NaN\""));
        assertEquals(3, cli.run("compare", a.toString(), n.toString()));
        assertTrue(cli.out.contains("a NaN or infinite sample"), cli.out);
    }

    @Test
    void fewForksAreInconclusive() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), ResultReaderTest.JMH);
        Path b = Files.writeString(dir.resolve("b.json"), ResultReaderTest.JMH.replace("[ [ 102.0, 103.0 ] ]", "[ [ 112.0, 113.0 ] ]"));
        assertEquals(3, cli.run("compare", a.toString(), b.toString()));
        assertTrue(cli.out.contains("fewer than 5 forks a side (1 vs 1)"), cli.out);
        // --unit iteration treats iterations as independent (and says so): 2 vs 2 samples are still too few
        assertEquals(3, cli.run("compare", a.toString(), b.toString(), "--unit", "iteration"));
        assertTrue(cli.out.contains("fewer than 5 samples a side (2 vs 2)"), cli.out);
        assertTrue(cli.out.contains("note: --unit iteration treats the iterations of one fork as independent"), cli.out);
        assertEquals(2, cli.run("compare", a.toString(), b.toString(), "--unit", "run"));
    }

    @Test
    void inputErrorsExitTwoInOneLine() throws Exception {
        Path truncated = Files.writeString(dir.resolve("t.json"), "[{\"benchmark\": \"a\", ");
        Path good = jmh("a.json", 1, "ms/op", "avgt", "Alpha.run", 100.0);
        assertEquals(2, cli.run("compare", good.toString(), truncated.toString()));
        assertEquals(1, cli.err.strip().lines().count(), cli.err);
        assertTrue(cli.err.contains("truncated JSON"), cli.err);
        assertEquals(2, cli.run("compare", good.toString()));
        assertEquals(2, cli.run("compare", good.toString(), good.toString(), "--alpha", "2"));
        assertEquals(2, cli.run("compare", good.toString(), good.toString(), "--json", dir.resolve("a.json/x").toString()));
        // a malformed flag in a JMH file is bad input, not a regression (it used to exit 1 through a NumberFormatException)
        Path badFlag = Files.writeString(dir.resolve("flag.json"), Files.readString(good)
                .replace("\"jvmArgs\":[]", "\"jvmArgs\":[\"-XX:ActiveProcessorCount=$CORES\"]"));
        assertEquals(2, cli.run("compare", good.toString(), badFlag.toString()));
        assertEquals(badFlag + ": [0].jvmArgs: '-XX:ActiveProcessorCount=$CORES' does not give a positive processor count",
                cli.err.strip().replace("concur compare: ", ""));
    }

    @Test
    void reportsAgainstDifferentServersNeverPair() throws Exception {
        Path local = dir.resolve("local.json");
        Path remote = dir.resolve("remote.json");
        assertEquals(0, cli.run("bench", "--model=virtual", "--workload=http", "--out", local.toString()), cli.err);
        assertEquals(0, cli.run("bench", "--model=virtual", "--workload=http", "--target", "http://10.0.0.7:8080",
                "--out", remote.toString()), cli.err);
        assertEquals(3, cli.run("compare", local.toString(), remote.toString()), cli.out);
        assertTrue(cli.out.contains("missing in the current run"), cli.out);
        assertTrue(cli.out.contains("target=http://10.0.0.7:8080") && cli.out.contains("new"), cli.out);
    }

    @Test
    void environmentDifferenceWarnsAndFailsUnderStrict() throws Exception {
        Path a = jmh("a.json", 1, "ms/op", "avgt", "Alpha.run", 100.0);
        Path b = Files.writeString(dir.resolve("b.json"), Files.readString(jmh("b0.json", 2, "ms/op", "avgt", "Alpha.run", 100.0))
                .replace("\"jdkVersion\":\"25\"", "\"jdkVersion\":\"21\""));
        assertEquals(0, cli.run("compare", a.toString(), b.toString()));
        assertTrue(cli.out.contains("warning: JDK differs: 25 vs 21"), cli.out);
        assertEquals(3, cli.run("compare", a.toString(), b.toString(), "--strict"));
    }

    @Test
    void severalFilesPerSideAreMerged() throws Exception {
        Path a1 = jmh("a1.json", 1, "ms/op", "avgt", "Alpha.run", 100.0);
        Path a2 = jmh("a2.json", 2, "ms/op", "avgt", "Alpha.run", 100.0);
        Path b1 = jmh("b1.json", 3, "ms/op", "avgt", "Alpha.run", 100.0);
        Path json = dir.resolve("v.json");
        assertEquals(0, cli.run("compare", a1 + "," + a2, b1.toString(), "--json", json.toString()));
        assertEquals(16, ReportFiles.json().readTree(json.toFile()).get("verdicts").get(0).get("nBaseline").asInt(),
                "8 forks from each baseline file");
    }
}
