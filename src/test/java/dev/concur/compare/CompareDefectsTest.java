package dev.concur.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.cli.CliFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each way compare used to pair the wrong benchmarks, or compare nothing, with its input files
 * under src/test/resources/compare (JMH's own JSON layout; the same-run pair was written by
 * {@code concur bench --jmh-json}).
 */
class CompareDefectsTest {
    private static final Path R = Path.of("src/test/resources/compare");
    private final CliFixture cli = new CliFixture();

    private int compare(String base, String head, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "compare";
        args[1] = R.resolve(base).toString();
        args[2] = R.resolve(head).toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return cli.run(args);
    }

    @Test
    void aParamNamedModeIsItsOwnBenchmark() {
        // it used to be overwritten by JMH's mode: both variants merged and the 30 % regression passed
        assertEquals(1, compare("param-mode-base.json", "param-mode-head.json"), cli.out);
        assertTrue(cli.out.contains("REGRESSION: org.bench.Codec.decode [avgt] mode=fast is 3"), cli.out);
        assertTrue(cli.out.contains("org.bench.Codec.decode [avgt] mode=safe"), cli.out);
    }

    @Test
    void theSameClassInTwoPackagesIsTwoBenchmarks() {
        // the key used to drop the package: the two merged and the regression in org.b was hidden
        assertEquals(1, compare("packages-base.json", "packages-head.json"), cli.out);
        assertTrue(cli.out.contains("REGRESSION: org.b.Parser.parse [avgt] is 4"), cli.out);
        assertTrue(cli.out.lines().anyMatch(l -> l.startsWith("org.a.Parser.parse [avgt]") && l.contains("no change")), cli.out);
    }

    @Test
    void averageTimeAndSingleShotAreNeverMerged() {
        // both ms/op: they used to merge, so a 4.4x difference read as "no change" on the pooled samples
        assertEquals(0, compare("modes-base.json", "modes-head.json"), cli.out);
        assertTrue(cli.out.contains("org.bench.Startup.load [avgt]") && cli.out.contains("org.bench.Startup.load [ss]"), cli.out);
        assertTrue(cli.out.lines().filter(l -> l.contains("Startup.load")).allMatch(l -> l.contains("no change")), cli.out);
    }

    @Test
    void sampleModeIsReadFromItsHistograms() {
        // it used to read as "no score": sample mode writes rawDataHistogram, not rawData
        assertEquals(1, compare("sample-base.json", "sample-head.json"), cli.out);
        assertTrue(cli.out.contains("REGRESSION: org.bench.Queue.offer [sample] is 29.6% slower"), cli.out);
    }

    @Test
    void aSecondaryMetricCanBeTheGate() {
        assertEquals(0, compare("alloc-base.json", "alloc-head.json"), "the time did not change: " + cli.out);
        assertEquals(1, compare("alloc-base.json", "alloc-head.json", "--metric", "gc.alloc.rate.norm"), cli.out);
        assertTrue(cli.out.contains("REGRESSION: org.bench.Json.write [avgt] is 39.7% higher"), cli.out);
        assertTrue(cli.out.contains("B/op"), cli.out);
        assertEquals(3, compare("alloc-base.json", "alloc-head.json", "--metric", "gc.nope"), cli.out);
        assertTrue(cli.out.contains("no metric gc.nope"), cli.out);
    }

    @Test
    void aConcurReportAndTheJmhFileOfTheSameRunAreEqual() {
        // it used to be "unit mismatch: ms vs ms/op" with a false "JDK differs: 25.0.3+9-LTS vs 25.0.3"
        assertEquals(0, compare("same-run-report.json", "same-run-jmh.json"), cli.out);
        assertFalse(cli.out.contains("unit mismatch"), cli.out);
        assertFalse(cli.out.contains("warning"), cli.out);
        assertEquals(4, cli.out.lines().filter(l -> l.contains("no change: the same samples on both sides")).count(), cli.out);
        assertEquals(0, compare("same-run-jmh.json", "same-run-report.json"), cli.out);
    }

    @Test
    void comparingNothingIsInconclusive() {
        // an empty result array against itself used to exit 0 having compared nothing
        assertEquals(3, compare("empty.json", "empty.json"), cli.out);
        assertTrue(cli.out.contains("nothing to compare"), cli.out);
    }
}
