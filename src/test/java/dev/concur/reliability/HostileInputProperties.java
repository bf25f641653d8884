package dev.concur.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concur.cli.CliFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every file concur reads survives hostile input. Generators start from valid files (a real report,
 * the golden report, a real JMH file, the shipped suites) and mutate them: drop a field, change a
 * type, NaN/Infinity/huge/negative numbers, deep nesting, duplicate keys, truncation, invalid UTF-8,
 * an empty file, a directory, a dangling symlink, a symlink to a directory, a FIFO. For every command
 * that reads them the property is the same:
 *
 * <ul>
 *   <li>refused: exit code 2, exactly one line on stderr that names the file, no stack trace, and no
 *       output file written (not even half of one);</li>
 *   <li>or accepted: the command does its job (report: exit 0 and its files; compare: 0, 1 or 3 with
 *       no "error:"; bench --suite: exit 0 and a complete report);</li>
 *   <li>never anything else. Mutations that cannot leave a valid file (truncation, broken UTF-8,
 *       duplicate keys, NaN tokens, deep nesting, special files) must be refused;</li>
 *   <li>and {@code report} and {@code compare} agree on what a valid report is (one reader).</li>
 * </ul>
 *
 * Tries per property: {@code jqwik.tries.default} in junit-platform.properties (200, under a minute
 * for all properties); a longer fuzz run: {@code ./mvnw test -Dtest=HostileInputProperties -Djqwik.tries.default=5000}.
 * Shrunk counter-examples are kept as fixed cases under {@code src/test/resources/hostile/} (see
 * {@link HostileRegressionTest}).
 */
class HostileInputProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RES = Path.of("src/test/resources");
    private static final Path GOLDEN = RES.resolve("golden/report.json");
    private static final List<Path> REPORTS = List.of(RES.resolve("hostile/valid-report-small.json"), GOLDEN,
            Path.of("results/scaling/scaling-2core.json"));
    private static final Path JMH = RES.resolve("hostile/valid-jmh.json");
    private static final List<String> FORMATS = List.of("md", "csv", "latex", "html", "png", "svg");
    private static final Path WORK;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, Map<String, AtomicInteger>> TALLY = new ConcurrentHashMap<>();

    static {
        try {
            WORK = Files.createTempDirectory("concur-hostile-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- inputs -----------------------------------------------------------------------------

    enum Kind { BYTES, EMPTY, DIRECTORY, DANGLING_LINK, LINK_TO_DIRECTORY, FIFO, LINK_TO_VALID }

    /**
     * One input file.
     *
     * @param label      what was done, for shrinking reports and the tally
     * @param kind       a file of bytes, or a special file
     * @param bytes      the content (for BYTES)
     * @param mustRefuse the mutation cannot leave a valid file
     */
    record Input(String label, Kind kind, byte[] bytes, boolean mustRefuse) {
        @Override
        public String toString() {
            return label + (kind == Kind.BYTES ? " (" + bytes.length + " bytes)" : "");
        }
    }

    /** Writes the input under a fresh directory; returns the path a command is given. */
    private static Path materialize(Input in, String ext) throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("case-" + SEQ.incrementAndGet()));
        Path p = dir.resolve("input" + ext);
        switch (in.kind()) {
            case BYTES -> Files.write(p, in.bytes());
            case EMPTY -> Files.write(p, new byte[0]);
            case DIRECTORY -> Files.createDirectory(p);
            case DANGLING_LINK -> Files.createSymbolicLink(p, dir.resolve("nowhere" + ext));
            case LINK_TO_DIRECTORY -> Files.createSymbolicLink(p, Files.createDirectory(dir.resolve("sub")));
            case LINK_TO_VALID -> Files.createSymbolicLink(p, Files.write(dir.resolve("real" + ext), in.bytes()));
            case FIFO -> {
                Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
                if (mk.waitFor() != 0) Files.write(p, new byte[0]); // no mkfifo: an empty file, refused too
            }
        }
        return p;
    }

    /** Every value's location in a JSON tree, as JSON pointers, in document order. */
    private static List<String> pointers(JsonNode n, String at, List<String> out) {
        if (!at.isEmpty()) out.add(at);
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                pointers(n.get(f), at + "/" + f.replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) pointers(n.get(i), at + "/" + i, out);
        }
        return out;
    }

    private static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets (or removes, for {@code null}) the value at {@code pointer}; returns the document as text. */
    private static String replaced(JsonNode base, String pointer, String rawJson) {
        JsonNode root = base.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        String marker = "\u0000MARK\u0000";
        if (parent.isObject()) {
            if (rawJson == null) ((ObjectNode) parent).remove(last);
            else ((ObjectNode) parent).put(last, marker);
        } else {
            int i = Integer.parseInt(last);
            if (rawJson == null) ((ArrayNode) parent).remove(i);
            else ((ArrayNode) parent).set(i, JSON.getNodeFactory().textNode(marker));
        }
        try {
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            return rawJson == null ? text : text.replace(JSON.writeValueAsString(marker), rawJson);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values that replace a field: other types, non-finite and extreme numbers, raw tokens. */
    private static final List<String> VALUES = List.of("\"text\"", "\"\"", "12345", "0", "-1", "-3", "1.5", "true",
            "[]", "{}", "null", "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "1e-400",
            "[1, \"a\", null]", "{\"score\": \"fast\"}");
    /** Raw tokens JSON does not allow: always refused. */
    private static final List<String> BAD_TOKENS = List.of("NaN", "Infinity", "-Infinity", "undefined", "0x10", "'single'");
    /** Invalid UTF-8 byte sequences. */
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC},
            new byte[] {(byte) 0xC0, (byte) 0xAF});

    /** Mutations of a valid JSON file. */
    private static Arbitrary<Input> jsonMutations(Path base) {
        JsonNode tree = read(base);
        byte[] raw = bytes(base);
        int contentLength = new String(raw, StandardCharsets.UTF_8).stripTrailing().getBytes(StandardCharsets.UTF_8).length;
        List<String> paths = pointers(tree, "", new ArrayList<>());
        List<String> objects = paths.stream().filter(p -> tree.at(p).isObject() && tree.at(p).size() > 0).toList();
        String name = base.getFileName().toString();
        Arbitrary<Integer> anyPath = Arbitraries.integers().between(0, paths.size() - 1);

        Arbitrary<Input> drop = anyPath.map(i -> new Input(name + ": drop " + paths.get(i), Kind.BYTES,
                replaced(tree, paths.get(i), null).getBytes(StandardCharsets.UTF_8), false));
        Arbitrary<Input> retype = Combinators.combine(anyPath, Arbitraries.integers().between(0, VALUES.size() - 1))
                .as((i, v) -> new Input(name + ": " + paths.get(i) + " = " + VALUES.get(v), Kind.BYTES,
                        replaced(tree, paths.get(i), VALUES.get(v)).getBytes(StandardCharsets.UTF_8), false));
        Arbitrary<Input> badToken = Combinators.combine(anyPath, Arbitraries.integers().between(0, BAD_TOKENS.size() - 1))
                .as((i, v) -> new Input(name + ": " + paths.get(i) + " = " + BAD_TOKENS.get(v) + " (not JSON)", Kind.BYTES,
                        replaced(tree, paths.get(i), BAD_TOKENS.get(v)).getBytes(StandardCharsets.UTF_8), true));
        Arbitrary<Input> deep = Combinators.combine(anyPath, Arbitraries.integers().between(201, 100_000))
                .as((i, depth) -> new Input(name + ": " + paths.get(i) + " nested " + depth + " deep", Kind.BYTES,
                        replaced(tree, paths.get(i), "[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8), true));
        Arbitrary<Input> duplicate = Arbitraries.integers().between(0, Math.max(0, objects.size() - 1)).map(i -> {
            String p = objects.get(i);
            String first = tree.at(p).fieldNames().next();
            String dupe = "{\"" + first + "\": 1, " + tree.at(p).toString().substring(1);
            return new Input(name + ": duplicate key '" + first + "' in " + (p.isEmpty() ? "/" : p), Kind.BYTES,
                    (p.isEmpty() ? dupe : replaced(tree, p, dupe)).getBytes(StandardCharsets.UTF_8), true);
        });
        Arbitrary<Input> truncate = Arbitraries.integers().between(0, contentLength - 1).map(n ->
                new Input(name + ": truncated at byte " + n, Kind.BYTES, Arrays.copyOf(raw, n), true));
        Arbitrary<Input> utf8 = Combinators.combine(Arbitraries.integers().between(0, raw.length),
                Arbitraries.integers().between(0, BAD_UTF8.size() - 1)).as((at, b) -> {
            byte[] bad = BAD_UTF8.get(b);
            byte[] out = new byte[raw.length + bad.length];
            System.arraycopy(raw, 0, out, 0, at);
            System.arraycopy(bad, 0, out, at, bad.length);
            System.arraycopy(raw, at, out, at + bad.length, raw.length - at);
            return new Input(name + ": invalid UTF-8 at byte " + at, Kind.BYTES, out, true);
        });
        Arbitrary<Input> special = Arbitraries.of(Kind.EMPTY, Kind.DIRECTORY, Kind.DANGLING_LINK, Kind.LINK_TO_DIRECTORY,
                Kind.FIFO, Kind.LINK_TO_VALID).map(k -> new Input(name + ": " + k.name().toLowerCase().replace('_', ' '),
                k, raw, k != Kind.LINK_TO_VALID));
        Arbitrary<Input> wholeDeep = Arbitraries.integers().between(201, 100_000).map(d -> new Input(
                "an array nested " + d + " deep", Kind.BYTES, ("[".repeat(d) + "]".repeat(d)).getBytes(StandardCharsets.UTF_8), true));
        return Arbitraries.frequencyOf(
                Tuple(3, drop), Tuple(4, retype), Tuple(1, badToken), Tuple(1, deep), Tuple(1, duplicate),
                Tuple(2, truncate), Tuple(1, utf8), Tuple(1, special), Tuple(1, wholeDeep));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Input>> Tuple(int weight, Arbitrary<Input> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }

    @Provide
    Arbitrary<Input> reports() {
        return Arbitraries.oneOf(REPORTS.stream().map(HostileInputProperties::jsonMutations).toList());
    }

    @Provide
    Arbitrary<Input> jmhFiles() {
        return jsonMutations(JMH);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of(FORMATS);
    }

    // ---- suites -----------------------------------------------------------------------------

    private static final List<Path> SUITES;

    static {
        try (Stream<Path> s = Files.list(Path.of("benchmarks"))) {
            SUITES = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scalars that replace a value in a suite line. */
    private static final List<String> YAML_VALUES = List.of("-5", "0", "3000000000", "99999999999999999999", "1e400",
            ".nan", ".inf", "~", "''", "[1, [2, [3]]]", "{a: 1}", "!!java.lang.Runtime {}", "*nothing", "\"\\u0000\"",
            "yes", "0x10", "1_000", "10k", "2.5", "100ms", "99999999h", "all", "virtual", "fault-spin", "1-64");
    private static final String BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "description: laughs\nruns: [*f]\n";

    @Provide
    Arbitrary<Input> suites() {
        return Arbitraries.of(SUITES).flatMap(base -> {
            String name = base.getFileName().toString();
            String text = new String(bytes(base), StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            byte[] raw = text.getBytes(StandardCharsets.UTF_8);
            Arbitrary<Integer> anyLine = Arbitraries.integers().between(0, lines.size() - 1);
            Arbitrary<Input> truncate = Arbitraries.integers().between(0, raw.length - 1)
                    .map(n -> new Input(name + ": truncated at byte " + n, Kind.BYTES, Arrays.copyOf(raw, n), n == 0));
            Arbitrary<Input> deleteLine = anyLine.map(i -> {
                List<String> l = new ArrayList<>(lines);
                l.remove((int) i);
                return new Input(name + ": line " + (i + 1) + " deleted", Kind.BYTES, join(l), false);
            });
            Arbitrary<Input> replaceValue = Combinators.combine(anyLine, Arbitraries.integers().between(0, YAML_VALUES.size() - 1))
                    .as((i, v) -> {
                        List<String> l = new ArrayList<>(lines);
                        String line = l.get(i);
                        int colon = line.indexOf(": ");
                        String replaced = colon < 0 ? line + " " + YAML_VALUES.get(v) : line.substring(0, colon + 2) + YAML_VALUES.get(v);
                        l.set(i, replaced);
                        return new Input(name + ": line " + (i + 1) + " -> '" + replaced.strip() + "'", Kind.BYTES, join(l), false);
                    });
            Arbitrary<Input> duplicateLine = anyLine.map(i -> {
                List<String> l = new ArrayList<>(lines);
                l.add(i, lines.get(i));
                return new Input(name + ": line " + (i + 1) + " twice", Kind.BYTES, join(l), false);
            });
            Arbitrary<Input> utf8 = Combinators.combine(Arbitraries.integers().between(0, raw.length),
                    Arbitraries.integers().between(0, BAD_UTF8.size() - 1)).as((at, b) -> {
                byte[] bad = BAD_UTF8.get(b);
                byte[] out = new byte[raw.length + bad.length];
                System.arraycopy(raw, 0, out, 0, at);
                System.arraycopy(bad, 0, out, at, bad.length);
                System.arraycopy(raw, at, out, at + bad.length, raw.length - at);
                return new Input(name + ": invalid UTF-8 at byte " + at, Kind.BYTES, out, true);
            });
            Arbitrary<Input> special = Arbitraries.of(Kind.EMPTY, Kind.DIRECTORY, Kind.DANGLING_LINK,
                    Kind.LINK_TO_DIRECTORY, Kind.FIFO).map(k -> new Input(name + ": " + k.name().toLowerCase().replace('_', ' '),
                    k, raw, true));
            Arbitrary<Input> laughs = Arbitraries.just(new Input("billion laughs", Kind.BYTES,
                    BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8), true));
            Arbitrary<Input> deep = Arbitraries.integers().between(60, 50_000).map(d -> new Input("runs nested " + d + " deep",
                    Kind.BYTES, ("description: deep\nruns: " + "[".repeat(d) + "]".repeat(d) + "\n").getBytes(StandardCharsets.UTF_8), true));
            return Arbitraries.frequencyOf(Tuple(2, truncate), Tuple(2, deleteLine), Tuple(4, replaceValue),
                    Tuple(1, duplicateLine), Tuple(1, utf8), Tuple(1, special), Tuple(1, laughs), Tuple(1, deep));
        });
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    // ---- the properties -----------------------------------------------------------------------

    private static void tally(String property, String outcome) {
        TALLY.computeIfAbsent(property, k -> new TreeMap<>()).computeIfAbsent(outcome, k -> new AtomicInteger())
                .incrementAndGet();
    }

    /** A refusal: exit 2, one line on stderr naming the file, no stack trace. */
    private static void assertRefused(CliFixture cli, int code, Path input, String command, Input in) {
        assertEquals(2, code, in + ": exit code; stderr: " + cli.err);
        String err = cli.err.strip();
        assertEquals(1, err.lines().count(), in + ": one line on stderr, got:\n" + cli.err);
        assertTrue(err.startsWith("concur " + command + ": "), in + ": " + err);
        assertTrue(err.contains(input.toString()), in + ": the line names the file: " + err);
        assertNoCrash(cli, in);
    }

    private static void assertNoCrash(CliFixture cli, Input in) {
        // concur's handler prefixes anything unexpected with "error:" (exit 1); a stack trace or an
        // exception's text inside a message is an escape too
        boolean crashed = cli.err.matches("(?s)(.*\\n)?concur [a-z]+: error: .*") || cli.err.contains("\tat ")
                || cli.err.contains("Exception") || cli.err.contains("Cannot invoke");
        if (crashed) throw new AssertionError(in + ": looks like a crash, not a message: " + cli.err);
    }

    private static boolean emptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) return true;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Property
    void reportAndCompareRefuseOrAcceptTheSameReports(@ForAll("reports") Input in, @ForAll("formats") String format)
            throws Exception {
        Path file = materialize(in, ".json");
        Path out = file.resolveSibling("rendered");
        CliFixture report = new CliFixture();
        int r = report.run("report", file.toString(), "--format", format, "--out", out.toString());
        CliFixture compare = new CliFixture();
        Path verdicts = file.resolveSibling("verdicts.json");
        int c = compare.run("compare", file.toString(), GOLDEN.toString(), "--json", verdicts.toString());
        if (r == 2 || in.mustRefuse()) {
            assertRefused(report, r, file, "report", in);
            assertTrue(emptyOrAbsent(out), in + ": nothing rendered");
            assertRefused(compare, c, file, "compare", in);
            assertFalse(Files.exists(verdicts), in + ": no --json written");
            tally("report + compare, mutated reports", "refused by both (exit 2)");
        } else {
            assertEquals(0, r, in + ": accepted, so rendered; stderr: " + report.err);
            assertNoCrash(report, in);
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) assertTrue(Files.size(f) > 0, in + ": " + f + " is whole");
            }
            assertTrue(c == 0 || c == 1 || c == 3, in + ": compare accepted the same file; exit " + c + ": " + compare.err);
            assertNoCrash(compare, in);
            assertTrue(Files.size(verdicts) > 0);
            tally("report + compare, mutated reports", "accepted by both");
        }
    }

    @Property
    void compareRefusesOrJudgesMutatedJmhFiles(@ForAll("jmhFiles") Input in) throws Exception {
        Path file = materialize(in, ".json");
        Path summary = file.resolveSibling("summary.md");
        CliFixture cli = new CliFixture();
        int c = cli.run("compare", JMH.toString(), file.toString(), "--summary", summary.toString());
        if (c == 2 || in.mustRefuse()) {
            assertRefused(cli, c, file, "compare", in);
            assertFalse(Files.exists(summary), in + ": no --summary written");
            tally("compare, mutated JMH files", "refused (exit 2)");
        } else {
            assertTrue(c == 0 || c == 1 || c == 3, in + ": exit " + c + ": " + cli.err);
            assertNoCrash(cli, in);
            tally("compare, mutated JMH files", "judged (exit " + c + ")");
        }
    }

    @Property
    void benchRefusesOrRunsMutatedSuites(@ForAll("suites") Input in) throws Exception {
        Path file = materialize(in, ".yaml");
        Path out = file.resolveSibling("run.json");
        CliFixture cli = new CliFixture();
        int code = cli.run("bench", "--suite", file.toString(), "--out", out.toString(), "--no-progress");
        if (code == 2 || in.mustRefuse()) {
            assertRefused(cli, code, file, "bench", in);
            assertFalse(Files.exists(out), in + ": no report written");
            tally("bench --suite, mutated suites", "refused (exit 2)");
        } else {
            assertEquals(0, code, in + ": accepted, so it ran: " + cli.err);
            assertNoCrash(cli, in);
            JsonNode report = JSON.readTree(out.toFile());
            assertEquals("completed", report.get("termination").asText(), in.toString());
            tally("bench --suite, mutated suites", "ran (exit 0)");
        }
    }

    @AfterContainer
    static void printTally() {
        for (var e : TALLY.entrySet()) {
            int total = e.getValue().values().stream().mapToInt(AtomicInteger::get).sum();
            StringBuilder sb = new StringBuilder("hostile input: " + e.getKey() + ": " + total + " generated inputs, ");
            e.getValue().forEach((k, v) -> sb.append(v.get()).append(' ').append(k).append(", "));
            System.out.println(sb.append("0 escaped").toString());
        }
    }
}
