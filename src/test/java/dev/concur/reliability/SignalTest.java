package dev.concur.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM at many points of a real run (in a child JVM): the report on disk is always
 * valid JSON holding what was measured, marked interrupted, the exit code is 130 or 143, and no
 * fork is left 10 s later.
 */
@Tag("jmh")
class SignalTest {
    @TempDir
    Path dir;

    /** Milliseconds after start: JVM start-up, estimator, first fork, between forks, near the end. */
    private static final long[] POINTS = {250, 700, 1200, 1800, 2600, 3500, 4600, 6000};
    /**
     * Long enough that a quiet, fast machine is still measuring at the last point: 3 models of 10 × 200 ms
     * take over 6 s of measuring alone. With 3 iterations a fresh CI machine finished the run by 2.6 s, so
     * half the points fell after it and the test said nothing about a signal mid-run.
     */
    private static final String RUN_ITERATIONS = "10";

    @Test
    void signalsAtManyPointsLeaveAValidReportAndNoOrphans() throws Exception {
        int interrupted = 0, completed = 0, beforeStart = 0;
        for (int i = 0; i < POINTS.length; i++) {
            String signal = i % 2 == 0 ? "INT" : "TERM";
            Path out = dir.resolve("sig-" + i + ".json");
            Process p = Subprocess.start(Subprocess.concur("bench", "--model=virtual,eventloop,platform", "--workload=io",
                    "--tasks", "50", "--latency", "5ms", "--warmup", "1", "--iterations", RUN_ITERATIONS, "--time", "200ms",
                    "--no-progress", "--out", out.toString()), dir.resolve("sig-" + i + ".log"));
            Thread.sleep(POINTS[i]);
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "concur exits after SIG" + signal);
            int code = p.exitValue();
            String token = "concur.run=sig-" + i + "-";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Subprocess.withToken(token).isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(Subprocess.withToken(token).isEmpty(), "no fork of run " + i + " left 10 s after SIG" + signal);
            if (!Files.exists(out)) {
                // the signal came before the run started: nothing measured, nothing to keep
                assertEquals(signal.equals("INT") ? 130 : 143, code, Files.readString(dir.resolve("sig-" + i + ".log")));
                beforeStart++;
                continue;
            }
            JsonNode report = ReportFiles.json().readTree(out.toFile()); // always complete, valid JSON
            String termination = report.get("termination").asText();
            if (termination.equals("completed")) {
                assertEquals(0, code);
                completed++;
            } else {
                assertEquals("interrupted", termination, "point " + POINTS[i] + " ms");
                assertEquals(signal.equals("INT") ? 130 : 143, code);
                for (JsonNode r : report.get("results")) assertEquals("ok", r.get("status").asText());
                interrupted++;
            }
        }
        System.out.printf("reliability: %d signal points tried (SIGINT and SIGTERM): %d interrupted with a valid "
                + "partial report, %d before the run started, %d after it completed; no fork left in any%n",
                POINTS.length, interrupted, beforeStart, completed);
        assertTrue(interrupted >= POINTS.length / 2, "most points hit a running benchmark: " + interrupted);
    }
}
