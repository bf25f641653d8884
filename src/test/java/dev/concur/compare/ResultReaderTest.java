package dev.concur.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both input formats, and every way a file can be unusable. */
class ResultReaderTest {
    @TempDir
    Path dir;

    static final String JMH = """
            [ {
              "jmhVersion" : "1.37", "benchmark" : "dev.concur.fork.BatchBenchmark.batch", "mode" : "avgt",
              "threads" : 1, "forks" : 1, "jvm" : "/usr/bin/java",
              "jvmArgs" : [ "-Xms1g", "-Dconcur.run=x-1", "-XX:ActiveProcessorCount=2" ],
              "jdkVersion" : "25.0.3", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "25.0.3+9-LTS",
              "warmupIterations" : 1, "warmupTime" : "50 ms", "warmupBatchSize" : 1,
              "measurementIterations" : 2, "measurementTime" : "50 ms", "measurementBatchSize" : 1,
              "params" : { "latency" : "100ms", "model" : "virtual", "tasks" : "2000", "threads" : "200", "work" : "0", "workload" : "io" },
              "primaryMetric" : { "score" : 102.5, "scoreError" : "NaN", "scoreConfidence" : [ "NaN", "NaN" ],
                "scorePercentiles" : { "0.0" : 102.0 }, "scoreUnit" : "ms/op", "rawData" : [ [ 102.0, 103.0 ] ] },
              "secondaryMetrics" : { }
            } ]
            """;

    @Test
    void readsConcurReports() throws Exception {
        ResultFile f = ResultReader.read(Path.of("src/test/resources/golden/report.json"));
        assertEquals("concur", f.format());
        assertEquals("Test CPU @ 3.0GHz", f.environment().cpuModel());
        Side virtualIo = f.sides().stream().filter(s -> s.key().label().startsWith("virtual/io")).findFirst().orElseThrow();
        assertEquals("ok", virtualIo.status());
        assertEquals(10, virtualIo.samples().size());
        assertTrue(virtualIo.lowerIsBetter());
        assertEquals("virtual/io latency=100ms tasks=2000 threads=200", virtualIo.key().label());
        Side failed = f.sides().stream().filter(s -> s.key().label().startsWith("platform/io")).findFirst().orElseThrow();
        assertEquals("failed", failed.status());
    }

    @Test
    void readsJmhJsonWithNaNErrorAsNotAnInputError() throws Exception {
        ResultFile f = ResultReader.read(Files.writeString(dir.resolve("jmh.json"), JMH));
        assertEquals("jmh", f.format());
        Side s = f.sides().get(0);
        assertEquals("virtual/io latency=100ms tasks=2000 threads=200 @2", s.key().label(), "work dropped: io does no CPU work");
        assertEquals(List.of(102.0, 103.0), s.samples());
        assertEquals("ms/op", s.unit());
        assertEquals("avgt", s.key().mode());
        assertEquals(List.of("-Xms1g"), f.environment().jvmFlags(), "per-run flags and the core count (part of the key) dropped");
    }

    @Test
    void concurReportAndJmhJsonOfTheSameRunPairUp() throws Exception {
        ResultFile jmh = ResultReader.read(Files.writeString(dir.resolve("jmh.json"), JMH.replace("-XX:ActiveProcessorCount=2", "-Xmx1g")));
        ResultFile concur = ResultReader.read(Path.of("src/test/resources/golden/report.json"));
        BenchmarkKey k = jmh.sides().get(0).key();
        assertTrue(concur.sides().stream().anyMatch(s -> s.key().equals(k)), k.label());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty               | '' | the file is empty",
            "truncated           | '{\"schemaVersion\": 1, \"results\": [' | truncated JSON",
            "not JSON            | 'hello' | not valid JSON",
            "NaN token           | '{\"schemaVersion\": 1, \"results\": [], \"x\": NaN}' | not valid JSON",
            "unknown schema      | '{\"schemaVersion\": 7, \"results\": []}' | unknown schemaVersion 7",
            "schema as text      | '{\"schemaVersion\": \"1\", \"results\": []}' | unknown schemaVersion",
            "JMH no metric       | '[{\"benchmark\": \"a.b\"}]' | [0].primaryMetric: missing",
            "JMH bad processors  | '[{\"benchmark\": \"a.b\", \"jvmArgs\": [\"-XX:ActiveProcessorCount=$CORES\"], \"primaryMetric\": {}}]' | does not give a positive processor count",
            "neither             | '\"just a string\"' | neither a concur report"})
    void unusableFilesAreInputErrors(String what, String content, String expected) throws Exception {
        Path p = Files.writeString(dir.resolve("bad.json"), content);
        var e = assertThrows(InputException.class, () -> ResultReader.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** The golden report with one change: the one reader names the JSON path of what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no results          | /results          | <remove>   | results: missing",
            "result not object   | /results/0        | 5          | results[0]: not an object",
            "model not text      | /results/1/model  | 5          | results[1].model: not text",
            "model null          | /results/1/model  | null       | results[1].model: missing",
            "no environment      | /environment      | <remove>   | environment: missing",
            "ok without score    | /results/3/batchTime | null    | results[3].batchTime: missing",
            "sample not number   | /results/3/batchTime/samples/0 | '\"fast\"' | results[3].batchTime.samples[0]: not a finite number",
            "negative cores      | /results/3/cores  | -3         | results[3].cores: -3 is below 1",
            "unknown status      | /results/3/status | '\"great\"' | results[3].status: 'great' is not one of ok, invalid, skipped, failed, timeout",
            "huge number         | /results/3/batchTime/score | 1e400 | results[3].batchTime.score: not a finite number"})
    void concurReportViolationsNameTheJsonPath(String what, String pointer, String value, String expected) throws Exception {
        var json = dev.concur.report.ReportFiles.json();
        var root = json.readTree(Path.of("src/test/resources/golden/report.json").toFile());
        var parentPtr = com.fasterxml.jackson.core.JsonPointer.compile(pointer).head();
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        var parent = root.at(parentPtr);
        if (value.equals("<remove>")) ((com.fasterxml.jackson.databind.node.ObjectNode) parent).remove(last);
        else if (parent.isArray()) ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), json.readTree(value));
        else ((com.fasterxml.jackson.databind.node.ObjectNode) parent).set(last, json.readTree(value));
        String text = json.writeValueAsString(root).replace("\"score\" : \"Infinity\"", "\"score\" : 1e400");
        Path p = Files.writeString(dir.resolve("bad.json"), text);
        var e = assertThrows(InputException.class, () -> ResultReader.read(p));
        assertEquals(p + ": " + expected, e.getMessage(), what);
    }

    @Test
    void directoryAndMissingFile() {
        assertTrue(assertThrows(InputException.class, () -> ResultReader.read(dir)).getMessage().endsWith("is a directory, not a result file"));
        assertTrue(assertThrows(InputException.class, () -> ResultReader.read(dir.resolve("nope.json"))).getMessage().endsWith("no such file"));
    }

    @Test
    void nanInfAndNullScoresAreNeverZero() throws Exception {
        String nan = JMH.replace("\"score\" : 102.5", "\"score\" : \"NaN\"");
        assertEquals("no score", ResultReader.read(Files.writeString(dir.resolve("a.json"), nan)).sides().get(0).status());
        String inf = JMH.replace("[ [ 102.0, 103.0 ] ]", "[ [ 102.0, \"Infinity\" ] ]");
        Side s = ResultReader.read(Files.writeString(dir.resolve("b.json"), inf)).sides().get(0);
        assertTrue(!s.finite());
        String huge = JMH.replace("[ [ 102.0, 103.0 ] ]", "[ [ 102.0, 1e400 ] ]");
        assertTrue(!ResultReader.read(Files.writeString(dir.resolve("c.json"), huge)).sides().get(0).finite());
        String nul = JMH.replace("\"score\" : 102.5", "\"score\" : null");
        assertEquals("no score", ResultReader.read(Files.writeString(dir.resolve("d.json"), nul)).sides().get(0).status());
    }
}
