package dev.concur.harness;

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
        int code = cl.execute("bench", "--model=virtual,eventloop", "--workload=mixed", "--tasks", "40",
                "--latency", "5ms", "--work", "2000", "--warmup", "1", "--iterations", "3", "--time", "50ms",
                "--no-progress", "--out", out.toString());
        assertEquals(0, code, o + "\n" + e);
        JsonNode report = ReportFiles.json().readTree(out.toFile());
        assertEquals("completed", report.get("termination").asText());
        for (JsonNode r : report.get("results")) {
            assertEquals("ok", r.get("status").asText(), r.toString());
            assertEquals("valid", r.get("validation").get("outcome").asText());
            assertTrue(r.get("validation").get("batches").asLong() >= 4, "warm-up and measured batches were checked");
            double ms = r.get("batchTime").get("score").asDouble();
            assertTrue(ms >= 5 && ms < 5_000, "a batch waits at least its 5 ms latency: " + ms);
            assertEquals(3, r.get("batchTime").get("samples").size());
            JsonNode fork = r.get("forks").get(0);
            assertTrue(fork.get("jvmArgs").toString().contains("-Xmx1g"), fork.toString());
            assertTrue(fork.get("availableProcessors").asInt() >= 1);
        }
        assertEquals(1, report.get("results").get(1).get("usage").get("peakLiveThreads").asInt(), "eventloop: one thread");
    }
}
