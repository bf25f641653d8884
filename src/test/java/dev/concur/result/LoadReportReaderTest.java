package dev.concur.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concur.input.InputException;
import dev.concur.report.ReportFiles;
import dev.concur.result.LoadReport.CrossCheck;
import dev.concur.result.LoadReport.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one reader of load reports: what concur load writes reads back equal (sealed by a golden
 * file), and every broken field is one line naming the file and the JSON path.
 */
class LoadReportReaderTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/load.json");

    @TempDir
    Path dir;

    private static String json(LoadReport r) throws Exception {
        return ReportFiles.json().writerWithDefaultPrettyPrinter().writeValueAsString(r); // as LoadCommand writes it
    }

    @Test
    void whatLoadWritesReadsBackEqualAndMatchesTheGoldenFile() throws Exception {
        LoadReport report = LoadFixture.report(7);
        String written = json(report);
        if (Boolean.getBoolean("concur.updateGolden")) Files.writeString(GOLDEN, written);
        assertEquals(Files.readString(GOLDEN), written, "the layout of concur-load/1 changed: " + GOLDEN);
        LoadReport read = LoadReportReader.read(GOLDEN);
        assertEquals(report, read);
        assertEquals(written, json(read), "write, read, write: the same text");
    }

    @Test
    void aCrossCheckAgainstARateOfZeroKeepsItsNaNRatio() throws Exception {
        LoadResult r = LoadFixture.measured("wrk", "virtual", 1, 100, 100_000, 985, 101_000, 106_000);
        CrossCheck zero = new CrossCheck("wrk", "-c100", 0, 0, null, null, Double.NaN);
        LoadResult nan = new LoadResult(r.experiment(), r.model(), 1, "disagree", List.of("wrk measured nothing"), r.connections(),
                r.waitMicros(), 0, r.loop(), null, r.seconds(), r.requests(), r.achievedRate(), r.ceiling(), r.latency(),
                r.sendLagP99Micros(), r.server(), r.perRequest(), null, r.settings(), r.sharing(), zero);
        Path p = Files.writeString(dir.resolve("nan.json"), json(LoadFixture.report("complete", List.of(nan))));
        assertTrue(Files.readString(p).contains("\"ratio\" : \"NaN\""), "Jackson writes NaN as text");
        assertTrue(Double.isNaN(LoadReportReader.read(p).results().get(0).crossCheck().ratio()));
    }

    private String refused(Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode root = (ObjectNode) ReportFiles.json().readTree(json(LoadFixture.report(7)));
        breakIt.accept(root);
        Path p = Files.writeString(dir.resolve("load.json"), root.toString());
        InputException e = assertThrows(InputException.class, () -> LoadReportReader.read(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        return e.getMessage().substring(p.toString().length() + 2);
    }

    private static ObjectNode result(ObjectNode root, int i) {
        return (ObjectNode) root.get("results").get(i);
    }

    /** The index of the first result of {@code experiment} with {@code status}. */
    private static int first(JsonNode root, String experiment, String status) {
        for (int i = 0; i < root.get("results").size(); i++) {
            JsonNode r = root.get("results").get(i);
            if (r.get("experiment").asText().equals(experiment) && r.get("status").asText().equals(status)) return i;
        }
        throw new IllegalStateException("no " + status + " " + experiment + " in the fixture");
    }

    @Test
    void everyBrokenFieldIsOneLineWithItsPath() throws Exception {
        assertEquals("unknown schema \"concur-load/2\" (this concur reads concur-load/1)", refused(r -> r.put("schema", "concur-load/2")));
        assertEquals("termination: 'done' is not one of running, complete, interrupted, failed", refused(r -> r.put("termination", "done")));
        assertEquals("environment: missing", refused(r -> r.remove("environment")));
        assertEquals("results[0].experiment: 'sleep' is not one of hold, wait, rate, cpu, wrk, hostile",
                refused(r -> result(r, 0).put("experiment", "sleep")));
        assertEquals("results[0].status: 'great' is not one of ok, degraded, disagree, invalid, skipped, failed",
                refused(r -> result(r, 0).put("status", "great")));
        assertEquals("results[0].process: 0 is below 1", refused(r -> result(r, 0).put("process", 0)));
        assertEquals("results[0].connections: -5 is below 0", refused(r -> result(r, 0).put("connections", -5)));
        assertEquals("results[0].latency.p99: 100.0 is below p90 " + "%s".formatted(
                        result((ObjectNode) LoadFixtureJson.tree(), 0).get("latency").get("p90").asDouble()),
                refused(r -> ((ObjectNode) result(r, 0).get("latency")).put("p99", 100.0)));
        assertEquals("results[0].latency.from: 'received' is not one of intended, sent",
                refused(r -> ((ObjectNode) result(r, 0).get("latency")).put("from", "received")));
        assertEquals("results[0].server.rssAfter: not a whole number",
                refused(r -> ((ObjectNode) result(r, 0).get("server")).put("rssAfter", 1.5)));
        assertEquals("results[0].perRequest: missing", refused(r -> result(r, 0).remove("perRequest")));
        int wait = first(LoadFixtureJson.tree(), "wait", "ok");
        assertEquals("results[" + wait + "].achievedRate: missing", refused(r -> result(r, wait).putNull("achievedRate")));
        assertEquals("results[" + wait + "].requests.timeouts: -1 is below 0",
                refused(r -> ((ObjectNode) result(r, wait).get("requests")).put("timeouts", -1)));
        int failed = first(LoadFixtureJson.tree(), "cpu", "failed");
        assertEquals("results[" + failed + "].why: empty: a failed result says why", refused(r -> result(r, failed).putArray("why")));
        int wrk = first(LoadFixtureJson.tree(), "wrk", "ok");
        assertEquals("results[" + wrk + "].crossCheck: missing", refused(r -> result(r, wrk).remove("crossCheck")));
        assertEquals("results[" + wrk + "].crossCheck.ratio: not a finite number",
                refused(r -> ((ObjectNode) result(r, wrk).get("crossCheck")).put("ratio", "Infinity")));
        int hostile = first(LoadFixtureJson.tree(), "hostile", "ok");
        assertEquals("results[" + hostile + "].hostile[1].servedAfter: missing",
                refused(r -> ((ObjectNode) result(r, hostile).get("hostile").get(1)).remove("servedAfter")));
        assertEquals("results[1].process: a second result for hold virtual at 1000 connections, wait 0 µs, work 0, process 1",
                refused(r -> result(r, 1).put("process", 1)));
        assertEquals("results: not a list", refused(r -> r.put("results", "many")));
        assertEquals("results[0]: not an object", refused(r -> ((ArrayNode) r.get("results")).insert(0, 3)));
    }

    @Test
    void aBenchReportIsNotALoadReport() throws Exception {
        Path p = Files.writeString(dir.resolve("bench.json"), "{\"schemaVersion\": 1, \"results\": []}");
        InputException e = assertThrows(InputException.class, () -> LoadReportReader.read(p));
        assertEquals(p + ": not a concur load report (no schema)", e.getMessage());
    }

    /** The fixture as a JSON tree, to find results by experiment and status. */
    private static final class LoadFixtureJson {
        static JsonNode tree() {
            try {
                return ReportFiles.json().readTree(json(LoadFixture.report(7)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
