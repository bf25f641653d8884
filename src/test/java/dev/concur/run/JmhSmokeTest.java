package dev.concur.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.cli.Concur;
import dev.concur.cli.Wiring;
import dev.concur.report.ReportFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The real thing, tiny: concur bench through JMH, with real forks, on two models. Checks the
 * plumbing (params reach the fork, fork reports come back, validation is real), not speed;
 * the only timing check is a generous sanity bound.
 */
@Tag("jmh")
class JmhSmokeTest {
    @TempDir
    Path dir;

    @Test
    void realJmhRunValidatesAndRecordsForks() throws Exception {
        Path out = dir.resolve("smoke.json");
        CommandLine cl = Concur.commandLine(Wiring.real());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        // the default adaptive warm-up (capped for speed by --time's iterations), 2 forks of 3 iterations
        int code = cl.execute("bench", "--model=virtual,eventloop", "--workload=mixed", "--tasks", "40",
                "--latency", "5ms", "--work", "2000", "--forks", "2", "--iterations", "3", "--time", "50ms",
                "--no-progress", "--out", out.toString(), "--jmh-json", dir.resolve("jmh.json").toString());
        assertEquals(0, code, o + "\n" + e);
        JsonNode report = ReportFiles.json().readTree(out.toFile());
        assertEquals("completed", report.get("termination").asText());
        for (JsonNode r : report.get("results")) {
            assertEquals("ok", r.get("status").asText(), r.toString());
            assertEquals("valid", r.get("validation").get("outcome").asText());
            assertTrue(r.get("validation").get("batches").asLong() >= 4, "warm-up and measured batches were checked");
            double ms = r.get("batchTime").get("score").asDouble();
            assertTrue(ms >= 5 && ms < 5_000, "a batch waits at least its 5 ms latency: " + ms);
            assertEquals(6, r.get("batchTime").get("samples").size(), "2 forks x 3 iterations");
            assertEquals(2, r.get("batchTime").get("samplesPerFork").size());
            assertEquals(2, r.get("params").get("forks").asInt());
            assertEquals("fixed forks", r.get("batchTime").get("stop").asText());
            assertEquals("student-t", r.get("batchTime").get("interval").asText());
            JsonNode warm = r.get("warmup");
            assertEquals("adaptive", warm.get("mode").asText());
            assertEquals(2, warm.get("batchesPerFork").size());
            for (JsonNode n : warm.get("batchesPerFork")) assertTrue(n.asInt() >= 1, "each fork warmed up: " + warm);
            JsonNode fork = r.get("forks").get(0);
            assertTrue(fork.get("jvmArgs").toString().contains("-Xmx4g"), fork.toString());
            assertTrue(fork.get("availableProcessors").asInt() >= 1);
        }
        assertEquals(1, report.get("results").get(1).get("usage").get("peakLiveThreads").asInt(), "eventloop: one thread");
        // task latency for every model; the loop-lag probe for the event loop only
        for (JsonNode r : report.get("results")) {
            JsonNode lat = r.get("taskLatency");
            assertTrue(lat.get("count").asLong() >= 6 * 40, "every task of every measured batch: " + lat);
            assertTrue(lat.get("p50").asDouble() >= 5 && lat.get("p50").asDouble() <= lat.get("max").asDouble(), lat.toString());
            assertTrue(r.get("memoryPerTaskBytes").asDouble() >= 0);
        }
        assertTrue(report.get("results").get(0).get("loopLag").isNull(), "virtual has no loop");
        assertTrue(report.get("results").get(1).get("loopLag").get("count").asLong() > 0, "the probe fired during measurement");

        // --jmh-json: exactly JMH's own -rf json shape, which Bencher, github-action-benchmark and JMH Visualizer read
        JsonNode jmh = ReportFiles.json().readTree(dir.resolve("jmh.json").toFile());
        assertTrue(jmh.isArray());
        assertEquals(2, jmh.size());
        JsonNode first = jmh.get(0);
        assertEquals("dev.concur.fork.BatchBenchmark.batch", first.get("benchmark").asText());
        assertEquals("avgt", first.get("mode").asText());
        assertEquals("virtual", first.get("params").get("model").asText());
        assertEquals("mixed", first.get("params").get("workload").asText());
        JsonNode pm = first.get("primaryMetric");
        assertEquals("ms/op", pm.get("scoreUnit").asText());
        assertEquals(2, pm.get("scoreConfidence").size());
        assertEquals(2, pm.get("rawData").size(), "concur's two forks appear as JMH's forks");
        assertEquals(3, pm.get("rawData").get(0).size(), "three measured iterations each");
        assertTrue(first.has("secondaryMetrics"));
        assertTrue(first.get("jvmArgs").toString().contains("-Xmx4g"));
        // and concur's own gate pairs it with the concur report of the same run
        var fromJmh = dev.concur.compare.ResultReader.read(dir.resolve("jmh.json")).sides().get(0).key();
        var fromReport = dev.concur.compare.ResultReader.read(out).sides().get(0).key();
        assertEquals(fromReport, fromJmh);
    }

    /**
     * A fork limited to 1 core runs the collector concur names, not the JVM's own pick (SerialGC
     * below 2 processors): the flag reaches the fork, and the fork says what it really ran.
     */
    @Test
    void oneCoreForksRunTheNamedCollector() throws Exception {
        for (String gc : new String[] {null, "Parallel"}) {
            Path out = dir.resolve("gc-" + gc + ".json");
            CommandLine cl = Concur.commandLine(Wiring.real());
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            cl.setOut(new PrintWriter(o));
            cl.setErr(new PrintWriter(e));
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bench", "--model=sequential",
                    "--workload=cpu", "--tasks", "4", "--work", "1000", "--cores", "1", "--forks", "1", "--warmup", "0",
                    "--iterations", "1", "--time", "20ms", "--no-progress", "--out", out.toString()));
            if (gc != null) args.addAll(java.util.List.of("--gc", gc));
            assertEquals(0, cl.execute(args.toArray(String[]::new)), o + "\n" + e);
            String expected = gc == null ? "G1" : gc;
            JsonNode fork = ReportFiles.json().readTree(out.toFile()).get("results").get(0).get("forks").get(0);
            assertEquals(1, fork.get("availableProcessors").asInt(), fork.toString());
            assertEquals(expected, fork.get("gc").asText(), "the fork ran the named collector at 1 core: " + fork);
            assertTrue(fork.get("jvmArgs").toString().contains(dev.concur.input.Gc.named(expected).flag()), fork.toString());
            assertTrue(o.toString().contains("JVM forks' collector: " + expected), o.toString());
        }
    }
}
