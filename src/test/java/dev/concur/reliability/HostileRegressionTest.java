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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixed cases kept from the property tests ({@link HostileInputProperties}) and from the hostile-input
 * issue: each crashed concur, was silently accepted, or was read differently by report and compare
 * before the one reader. Listed in {@code src/test/resources/hostile/cases.tsv} with the line each
 * command must answer; every command that reads the file must refuse it in one line with exit 2.
 */
class HostileRegressionTest {
    private static final Path CASES = Path.of("src/test/resources/hostile/cases");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/report.json");
    private static final Path JMH = Path.of("src/test/resources/hostile/valid-jmh.json");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/hostile/cases.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t");
            out.add(Arguments.of(f[0], f[1], f[2]));
        }
        return out.stream();
    }

    private void refused(CliFixture cli, int code, String command, Path file, String expected) {
        String err = cli.err.strip();
        assertEquals(2, code, file + ": " + cli.err + cli.out);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("concur " + command + ": " + file), err);
        assertTrue(err.endsWith(expected), "expected the line to end with: " + expected + "\n but it was: " + err);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void refusedInOneLineByEveryCommandThatReadsIt(String name, String commands, String expected) throws Exception {
        Path file = CASES.resolve(name);
        if (commands.contains("report")) {
            for (String format : new String[] {"md", "html", "png"}) {
                CliFixture cli = new CliFixture();
                Path out = dir.resolve(format);
                refused(cli, cli.run("report", file.toString(), "--format", format, "--out", out.toString()), "report", file, expected);
                assertFalse(Files.exists(out), "nothing rendered");
            }
        }
        if (commands.contains("compare")) {
            CliFixture cli = new CliFixture();
            Path base = commands.contains("report") ? GOLDEN : JMH;
            Path json = dir.resolve("verdicts.json");
            refused(cli, cli.run("compare", base.toString(), file.toString(), "--json", json.toString()), "compare", file, expected);
            assertFalse(Files.exists(json), "no verdicts written");
        }
        if (commands.contains("bench --suite")) {
            CliFixture cli = new CliFixture();
            Path out = dir.resolve("run.json");
            refused(cli, cli.run("bench", "--suite", file.toString(), "--out", out.toString()), "bench", file, expected);
            assertFalse(Files.exists(out), "no report written");
        }
    }

    /**
     * Truncation at every byte of a small real report, of a real JMH file and of every shipped suite,
     * through the readers themselves (the commands would take minutes for thousands of files): every
     * cut report and JMH file is refused with one line naming the file; a cut suite is either still a
     * valid suite (a cut after a whole line can be) or refused the same way. Nothing else escapes.
     */
    @org.junit.jupiter.api.Test
    void truncationAtEveryByteIsRefusedInOneLine() throws Exception {
        int refused = 0, accepted = 0;
        List<Path> inputs = new ArrayList<>(List.of(Path.of("src/test/resources/hostile/valid-report-small.json"), JMH));
        try (Stream<Path> suites = Files.list(Path.of("benchmarks"))) {
            suites.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(inputs::add);
        }
        for (Path source : inputs) {
            byte[] all = Files.readAllBytes(source);
            int content = new String(all, java.nio.charset.StandardCharsets.UTF_8).stripTrailing()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            boolean suite = source.toString().endsWith(".yaml");
            Path cut = dir.resolve(suite ? "cut.yaml" : "cut.json");
            for (int n = 0; n < content; n++) {
                Files.write(cut, java.util.Arrays.copyOf(all, n));
                try {
                    if (suite) dev.concur.suite.Suites.load(cut.toString(), 2);
                    else if (source.equals(JMH)) dev.concur.input.InputFiles.readJson(cut, "a result file");
                    else dev.concur.result.ReportReader.read(cut);
                    assertTrue(suite, source + " cut at byte " + n + " was accepted");
                    accepted++;
                } catch (dev.concur.input.InputException e) {
                    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                    assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
                    refused++;
                }
            }
        }
        System.out.printf("hostile input: truncation at every byte of %d files: %d cuts refused in one line, "
                + "%d suite cuts still valid, 0 escaped%n", inputs.size(), refused, accepted);
    }
}
