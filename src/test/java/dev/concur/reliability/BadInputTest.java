package dev.concur.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.cli.CliFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind concur accepts (command-line arguments, suite files, result files
 * given to report and compare, output paths), each through the real command line: one line on stderr, exit code 2, no stack trace,
 * nothing run and no report file written.
 */
class BadInputTest {
    @TempDir
    static Path dir;

    private static int tried;

    static Path suite(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name + ".yaml"), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String run(String body) {
        return "description: d\nruns:\n  - description: a run\n" + body;
    }

    static Stream<Arguments> inputs() throws IOException {
        Path plainFile = Files.writeString(dir.resolve("plain-file"), "x");
        List<Arguments> a = new ArrayList<>();
        // command-line arguments
        a.add(Arguments.of("unknown model", new String[] {"--model=quantum"}));
        a.add(Arguments.of("misspelt model", new String[] {"--model=virtaul"}));
        a.add(Arguments.of("unknown workload", new String[] {"--workload=disk"}));
        a.add(Arguments.of("empty model list entry", new String[] {"--model=virtual,,eventloop"}));
        a.add(Arguments.of("zero tasks", new String[] {"--tasks=0"}));
        a.add(Arguments.of("negative tasks", new String[] {"--tasks=-10"}));
        a.add(Arguments.of("tasks not a number", new String[] {"--tasks=lots"}));
        a.add(Arguments.of("tasks overflow", new String[] {"--tasks=99999999999"}));
        a.add(Arguments.of("zero threads", new String[] {"--threads=0"}));
        a.add(Arguments.of("negative work", new String[] {"--work=-1"}));
        a.add(Arguments.of("zero latency", new String[] {"--latency=0s"}));
        a.add(Arguments.of("latency without unit", new String[] {"--latency=100"}));
        a.add(Arguments.of("latency unknown unit", new String[] {"--latency=5 fortnights"}));
        a.add(Arguments.of("negative latency", new String[] {"--latency=-5ms"}));
        a.add(Arguments.of("zero iterations", new String[] {"--iterations=0"}));
        a.add(Arguments.of("negative warm-up", new String[] {"--warmup=-1"}));
        a.add(Arguments.of("zero forks", new String[] {"--forks=0"}));
        a.add(Arguments.of("malformed time", new String[] {"--time=fast"}));
        a.add(Arguments.of("zero timeout", new String[] {"--timeout=0ms"}));
        a.add(Arguments.of("unknown profile", new String[] {"--profile=slow"}));
        a.add(Arguments.of("too many cores", new String[] {"--cores=64"}));
        a.add(Arguments.of("zero cores", new String[] {"--cores=0"}));
        a.add(Arguments.of("backwards core range", new String[] {"--cores=4-1"}));
        a.add(Arguments.of("unknown option", new String[] {"--turbo"}));
        a.add(Arguments.of("option missing its value", new String[] {"--tasks"}));
        a.add(Arguments.of("unknown suite name", new String[] {"--suite=quik"}));
        // suite files
        a.add(Arguments.of("suite file missing", new String[] {"--suite=" + dir.resolve("none.yaml")}));
        a.add(Arguments.of("suite is a directory", new String[] {"--suite=" + dir + "/"}));
        a.add(Arguments.of("suite empty", new String[] {"--suite=" + suite("empty", "")}));
        a.add(Arguments.of("suite not YAML", new String[] {"--suite=" + suite("notyaml", "description: \"open\nruns: [")}));
        a.add(Arguments.of("suite unknown key", new String[] {"--suite=" + suite("key", run("    models: all\n    workloads: io\n    turbo: true\n"))}));
        a.add(Arguments.of("suite unknown model", new String[] {"--suite=" + suite("model", run("    models: [quantum]\n    workloads: io\n"))}));
        a.add(Arguments.of("suite negative number", new String[] {"--suite=" + suite("neg", run("    models: all\n    workloads: io\n    tasks: -1\n"))}));
        a.add(Arguments.of("suite wrong type", new String[] {"--suite=" + suite("type", run("    models: all\n    workloads: io\n    tasks: {a: 1}\n"))}));
        a.add(Arguments.of("suite bad duration", new String[] {"--suite=" + suite("dur", run("    models: all\n    workloads: io\n    latency: soon\n"))}));
        a.add(Arguments.of("suite run without models", new String[] {"--suite=" + suite("nomodels", run("    workloads: io\n"))}));
        a.add(Arguments.of("suite without runs", new String[] {"--suite=" + suite("noruns", "description: d\n")}));
        // result files given to report and compare
        Path good = Files.writeString(dir.resolve("good.json"), Files.readString(Path.of("src/test/resources/golden/report.json")));
        String[][] files = {
                {"empty result file", ""},
                {"truncated result file", "{\"schemaVersion\": 1, \"results\": [{\"model\": \"vir"},
                {"result file not JSON", "model,workload\nvirtual,io\n"},
                {"result wrong types", "{\"schemaVersion\": 1, \"results\": \"many\"}"},
                {"result NaN token", "{\"schemaVersion\": 1, \"results\": [], \"score\": NaN}"},
                {"result unknown schemaVersion", "{\"schemaVersion\": 42, \"results\": []}"},
                {"result huge number as version", "{\"schemaVersion\": 1e999, \"results\": []}"}};
        for (String[] f : files) {
            Path p = Files.writeString(dir.resolve(f[0].replace(' ', '-') + ".json"), f[1]);
            a.add(Arguments.of("report: " + f[0], new String[] {"@report", p.toString()}));
            a.add(Arguments.of("compare: " + f[0], new String[] {"@compare", good.toString(), p.toString()}));
        }
        a.add(Arguments.of("report: a directory", new String[] {"@report", dir.toString()}));
        a.add(Arguments.of("compare: a directory", new String[] {"@compare", dir.toString(), good.toString()}));
        a.add(Arguments.of("compare: one file only", new String[] {"@compare", good.toString()}));
        // output paths
        a.add(Arguments.of("output under a plain file", new String[] {"--out=" + plainFile.resolve("r.json")}));
        a.add(Arguments.of("output is a directory", new String[] {"--out=" + dir}));
        a.add(Arguments.of("output in /proc", new String[] {"--out=/proc/concur/r.json"}));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void oneLineExitTwoNothingWritten(String what, String[] bad) throws IOException {
        CliFixture cli = new CliFixture();
        Path out = dir.resolve("out-" + what.replace(' ', '-') + ".json");
        List<String> args = new ArrayList<>();
        if (bad[0].startsWith("@")) { // another command: report or compare
            args.add(bad[0].substring(1));
            args.addAll(List.of(bad).subList(1, bad.length));
            if (bad[0].equals("@report")) args.addAll(List.of("--out", out.toString()));
            else args.addAll(List.of("--json", out.toString()));
        } else {
            args.add("bench");
            args.addAll(List.of(bad));
            if (List.of(bad).stream().noneMatch(s -> s.startsWith("--out"))) args.addAll(List.of("--out", out.toString()));
        }
        int code = cli.run(args.toArray(String[]::new));
        assertEquals(2, code, what + ": " + cli.err);
        String err = cli.err.strip();
        assertEquals(1, err.lines().count(), what + ": one line: " + err);
        assertTrue(err.startsWith("concur"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), what + ": no stack trace: " + err);
        assertTrue(cli.runner.calls.isEmpty(), what + ": nothing ran");
        assertFalse(Files.exists(out), what + ": no report written");
        tried++;
    }

    @AfterAll
    static void count() {
        System.out.printf("reliability: %d bad inputs tried, each one line on stderr with exit code 2 and no file%n", tried);
    }
}
