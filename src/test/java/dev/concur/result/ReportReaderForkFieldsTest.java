package dev.concur.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concur.input.InputException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fork's collector, a peer's runtime settings, the measurer's own CPU and a peer's hand-over times: read when present and
 * well-formed, absent in reports written before them, and refused in one line when malformed.
 */
class ReportReaderForkFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode golden() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("src/test/resources/golden/report.json").toFile());
    }

    private static ObjectNode firstFork(ObjectNode report) {
        return (ObjectNode) report.get("results").get(3).get("forks").get(0);
    }

    @Test
    void theNewFieldsAreReadBack() throws Exception {
        ObjectNode r = golden();
        ObjectNode f = firstFork(r);
        f.put("gc", "Serial");
        f.putObject("settings").put("GOMAXPROCS", "1").put("GOGC", "100");
        f.putObject("measurer").put("cpuSeconds", 0.12).put("wallSeconds", 12.0);
        f.putObject("dispatch").put("batches", 40).put("submitMs", 14.5).put("completeMs", 290.0);
        ForkInfo fork = ReportReader.fromTree("r.json", r).results().get(3).forks().get(0);
        assertEquals(new ForkInfo.Dispatch(40, 14.5, 290.0), fork.dispatch());
        assertEquals("Serial", fork.gc());
        assertEquals(Map.of("GOMAXPROCS", "1", "GOGC", "100"), fork.settings());
        assertEquals(1.0, fork.measurer().sharePct(), 1e-9, "0.12 s of CPU in 12 s is 1 % of a core");
    }

    @Test
    void reportsWrittenBeforeThemStillRead() throws Exception {
        ObjectNode r = golden();
        ObjectNode f = firstFork(r);
        f.remove("gc");
        f.remove("settings");
        f.remove("measurer");
        f.remove("dispatch");
        ForkInfo fork = ReportReader.fromTree("old.json", r).results().get(3).forks().get(0);
        assertNull(fork.dispatch());
        assertNull(fork.gc());
        assertNull(fork.settings());
        assertNull(fork.measurer());
    }

    @Test
    void malformedValuesAreRefusedWithTheirPath() throws Exception {
        ObjectNode r = golden();
        firstFork(r).put("gc", 1);
        assertTrue(assertThrows(InputException.class, () -> ReportReader.fromTree("r.json", r)).getMessage()
                .contains("results[3].forks[0].gc: not text"));
        ObjectNode s = golden();
        firstFork(s).putObject("settings").putArray("GOGC");
        assertTrue(assertThrows(InputException.class, () -> ReportReader.fromTree("r.json", s)).getMessage()
                .contains("results[3].forks[0].settings.GOGC: not text"));
        ObjectNode m = golden();
        firstFork(m).putObject("measurer").put("cpuSeconds", -1.0).put("wallSeconds", 3.0);
        String why = assertThrows(InputException.class, () -> ReportReader.fromTree("r.json", m)).getMessage();
        assertTrue(why.contains("results[3].forks[0].measurer.cpuSeconds"), why);
        ObjectNode w = golden();
        firstFork(w).putObject("measurer").put("cpuSeconds", 1.0);
        why = assertThrows(InputException.class, () -> ReportReader.fromTree("r.json", w)).getMessage();
        assertTrue(why.contains("results[3].forks[0].measurer.wallSeconds: missing"), why);
        ObjectNode d = golden();
        firstFork(d).putObject("dispatch").put("batches", 0).put("submitMs", 1.0).put("completeMs", 2.0);
        why = assertThrows(InputException.class, () -> ReportReader.fromTree("r.json", d)).getMessage();
        assertTrue(why.contains("results[3].forks[0].dispatch.batches"), why);
        ObjectNode longer = golden();
        firstFork(longer).putObject("dispatch").put("batches", 3).put("submitMs", 3.0).put("completeMs", 2.0);
        why = assertThrows(InputException.class, () -> ReportReader.fromTree("r.json", longer)).getMessage();
        assertTrue(why.contains("results[3].forks[0].dispatch.submitMs: longer than completeMs"), why);
    }

    @Test
    void cpuPerTaskIsReadWhenThereAbsentInOlderReportsAndNeverNegative() throws Exception {
        ObjectNode r = golden();
        ((ObjectNode) r.get("results").get(3)).put("cpuPerTaskNanos", 12_500.0);
        assertEquals(12_500.0, ReportReader.fromTree("r.json", r).results().get(3).cpuPerTaskNanos());
        ObjectNode old = golden();
        ((ObjectNode) old.get("results").get(3)).remove("cpuPerTaskNanos");
        assertNull(ReportReader.fromTree("old.json", old).results().get(3).cpuPerTaskNanos());
        ObjectNode bad = golden();
        ((ObjectNode) bad.get("results").get(3)).put("cpuPerTaskNanos", -1.0);
        String why = assertThrows(InputException.class, () -> ReportReader.fromTree("r.json", bad)).getMessage();
        assertTrue(why.contains("results[3].cpuPerTaskNanos"), why);
    }
}
