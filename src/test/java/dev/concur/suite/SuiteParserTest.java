package dev.concur.suite;

import dev.concur.input.InputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Suite files: the shipped ones parse, and every kind of mistake names the file and the line. */
class SuiteParserTest {
    private static final String GOOD = """
            description: a test suite
            runs:
              - description: first
                models: [virtual, eventloop]
                workloads: io
                tasks: 100
                latency: 20ms
              - description: second
                models: all
                workloads: cpu,mixed
                work: 40k
                cores: all
                profile: precise
                iterations: 4
            """;

    @Test
    void parsesAGoodFile()  {
        Suite s = SuiteParser.parse("t", "t.yaml", GOOD, 2);
        assertEquals("a test suite", s.description());
        assertEquals(2, s.runs().size());
        SuiteRun a = s.runs().get(0);
        assertEquals(List.of("virtual", "eventloop"), a.choices().models());
        assertEquals(List.of("io"), a.choices().workloads());
        assertEquals(100, a.choices().tasks());
        assertEquals(20_000_000L, a.choices().latencyNanos());
        assertEquals(3, a.line());
        SuiteRun b = s.runs().get(1);
        assertEquals(6, b.choices().models().size());
        assertEquals(List.of("cpu", "mixed"), b.choices().workloads());
        assertEquals(40_000L, b.choices().work());
        assertEquals(List.of(1, 2), b.choices().cores());
        assertEquals("precise", b.choices().profile());
        assertEquals(8, b.line());
    }

    @Test
    void aRunNamesItsCollectorAndAWrongOneIsOneLineWithItsLine() {
        String yaml = GOOD.replace("iterations: 4\n", "iterations: 4\n    gc: Parallel\n");
        assertTrue(yaml.contains("gc: Parallel"), yaml);
        Suite s = SuiteParser.parse("t", "t.yaml", yaml, 2);
        assertEquals(null, s.runs().get(0).choices().gc(), "not given: the planner's default");
        assertEquals(dev.concur.input.Gc.Parallel, s.runs().get(1).choices().gc());
        InputException e = assertThrows(InputException.class,
                () -> SuiteParser.parse("t", "t.yaml", yaml.replace("gc: Parallel", "gc: CMS"), 2));
        assertEquals("t.yaml:15: 'gc': unknown gc 'CMS'. Valid: G1, Serial, Parallel, Z", e.getMessage());
    }

    static Stream<Path> shipped() throws IOException {
        return Files.list(Path.of("benchmarks")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void shippedSuitesParse(Path file) throws Exception {
        Suite s = SuiteParser.parse("x", file.toString(), Files.readString(file), 16);
        assertTrue(!s.runs().isEmpty());
        for (SuiteRun r : s.runs()) assertTrue(r.description().length() > 10, r.description());
    }

    @Test
    void theFourRequiredSuitesShip() {
        assertTrue(Suites.names().containsAll(List.of("quick", "lecture", "scaling", "ci")), Suites.names().toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "  modles: [virtual]                 | t.yaml:5: unknown key 'modles'; valid keys here: cores, description, forks",
            "  tasks: -5                         | t.yaml:5: 'tasks': '-5' must be positive",
            "  tasks: [1, 2]                     | t.yaml:5: 'tasks': expected a single value",
            "  latency: 100                      | t.yaml:5: 'latency': '100' is not a duration",
            "  latency: 0ms                      | t.yaml:5: 'latency': '0ms' must be longer than 0 (e.g. 100ms, 2s)",
            "  cores: 64                         | t.yaml:5: 'cores': --cores 64: this machine has 2 cores",
            "  profile: slow                     | t.yaml:5: 'profile': unknown profile 'slow'",
            "  work: lots                        | t.yaml:5: 'work': 'lots' is not a whole number",
            "  warmup: 3000000000                | t.yaml:5: 'warmup': '3000000000' is too large (at most 2147483647)",
            "  iterations: 3000000000            | t.yaml:5: 'iterations': '3000000000' is too large (at most 2147483647)"})
    void badValuesNameTheLine(String extraLine, String expected) {
        String text = "description: d\nruns:\n  - description: a run\n    models: virtual\n    workloads: io\n";
        // replace line 5 (workloads) with the bad line after it, so the bad key sits on line 5
        text = "description: d\nruns:\n  - description: a run\n    models: virtual\n  " + extraLine.strip().replaceFirst("^", "  ") + "\n    workloads: io\n";
        String t = text;
        var e = assertThrows(InputException.class, () -> SuiteParser.parse("t", "t.yaml", t, 2));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void unknownModelNamesTheLineAndSuggests() {
        String text = "description: d\nruns:\n  - description: a run\n    models: [virtual, virtaul]\n    workloads: io\n";
        var e = assertThrows(InputException.class, () -> SuiteParser.parse("t", "t.yaml", text, 2));
        assertTrue(e.getMessage().startsWith("t.yaml:4: 'models': unknown model 'virtaul'; did you mean 'virtual'?"), e.getMessage());
    }

    @ParameterizedTest(name = "structural error {index}")
    @CsvSource(delimiter = '|', value = {
            "''                                                 | t.yaml:1: the file is empty",
            "'description: d'                                   | t.yaml:1: missing 'runs'",
            "'description: d\nruns: []'                         | t.yaml:1: missing 'runs'",
            "'description: d\nruns:\n  - models: all\n    workloads: io' | t.yaml:3: this run has no 'description'",
            "'description: d\nruns:\n  - description: x\n    workloads: io' | t.yaml:3: this run has no 'models'",
            "'description: d\nruns: 5'                          | t.yaml:2: 'runs' must be a list",
            "'description: d\nruns:\n  - [a]'                   | t.yaml:3: each run must be a mapping",
            "'description: [d'                                   | t.yaml:1: 'description' has the wrong type"})
    void structuralErrors(String text, String expected) {
        String t = text.replace("\\n", "\n");
        var e = assertThrows(InputException.class, () -> SuiteParser.parse("t", "t.yaml", t, 2));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        String text = "description: d\nruns:\n  - description: \"never closed\n    models: all\n";
        var e = assertThrows(InputException.class, () -> SuiteParser.parse("t", "t.yaml", text, 2));
        assertTrue(e.getMessage().matches("t\\.yaml:\\d+: not valid YAML: .*"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void unknownSuiteSuggests() {
        var e = assertThrows(InputException.class, () -> Suites.load("quik", 2));
        assertTrue(e.getMessage().startsWith("unknown suite 'quik'; did you mean 'quick'?"), e.getMessage());
        var f = assertThrows(InputException.class, () -> Suites.load("no/such.yaml", 2));
        assertEquals("no/such.yaml: no such file", f.getMessage());
    }
}
