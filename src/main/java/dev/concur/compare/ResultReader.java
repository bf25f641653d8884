package dev.concur.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.result.Report;
import dev.concur.input.Durations;
import dev.concur.workload.WorkloadRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the two kinds of result file the gate understands: a concur report (a JSON object with
 * {@code schemaVersion}) and JMH's own JSON (the array {@code -rf json} writes). A file that is
 * not one of these is an input error; a benchmark inside it that has no usable numbers is not
 * (it becomes an inconclusive pair). Scores are never read as 0: a missing, NaN or infinite value
 * stays what it is.
 */
public final class ResultReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<Integer> SCHEMAS = Set.of(Report.SCHEMA_VERSION);
    /** Flags that change from run to run without changing what runs: not part of the environment. */
    private static final List<String> VOLATILE_FLAGS = List.of("-Dconcur.forkReports=", "-Dconcur.run=",
            "-XX:CompileCommandFile=", "-Djmh.");

    private ResultReader() {}

    public static ResultFile read(Path path) throws CompareInputException {
        String name = path.toString();
        if (Files.isDirectory(path)) throw new CompareInputException(name + ": is a directory, not a result file");
        if (!Files.isRegularFile(path)) throw new CompareInputException(name + ": no such file");
        JsonNode root;
        try {
            if (Files.size(path) == 0) throw new CompareInputException(name + ": the file is empty");
            root = JSON.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage().startsWith("Unexpected end-of-input") ? "truncated JSON" : "not valid JSON";
            throw new CompareInputException(name + ": " + what + " (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new CompareInputException(name + ": cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) throw new CompareInputException(name + ": the file is empty");
        if (root.isArray()) return jmh(name, root);
        if (root.isObject() && root.has("schemaVersion")) return concur(name, root);
        throw new CompareInputException(name + ": neither a concur report (an object with schemaVersion) nor JMH JSON (an array)");
    }

    private static ResultFile concur(String name, JsonNode root) throws CompareInputException {
        JsonNode v = root.get("schemaVersion");
        if (!v.isInt() || !SCHEMAS.contains(v.intValue())) {
            throw new CompareInputException(name + ": unknown schemaVersion " + v + " (this concur reads " + SCHEMAS + ")");
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) throw new CompareInputException(name + ": 'results' is missing or not a list");
        JsonNode env = root.path("environment");
        List<String> flags = strings(root.path("config").path("forkJvmArgs"));
        Environment environment = new Environment(text(env, "cpuModel"),
                env.path("availableProcessors").isInt() ? env.get("availableProcessors").intValue() : null,
                text(env, "jdkVersion"), flags);
        List<Side> sides = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            String at = name + ": results[" + i + "]";
            if (!r.isObject()) throw new CompareInputException(at + " is not an object");
            String model = requireText(r, "model", at);
            String workload = requireText(r, "workload", at);
            String status = requireText(r, "status", at);
            JsonNode p = r.path("params");
            Map<String, String> params = new LinkedHashMap<>();
            params.put("model", model);
            params.put("workload", workload);
            if (p.isObject()) {
                if (p.has("tasks")) params.put("tasks", number(p.get("tasks"), at + ".params.tasks"));
                if (p.hasNonNull("latencyMs")) params.put("latency", Durations.format(Math.round(value(p.get("latencyMs"), at + ".params.latencyMs") * 1e6)));
                if (p.hasNonNull("work")) params.put("work", number(p.get("work"), at + ".params.work"));
                if (p.has("threads")) params.put("threads", number(p.get("threads"), at + ".params.threads"));
            }
            Integer cores = r.hasNonNull("cores") ? (int) value(r.get("cores"), at + ".cores") : null;
            BenchmarkKey key = new BenchmarkKey(BenchmarkKey.CONCUR_BENCHMARK, params, cores);
            JsonNode bt = r.path("batchTime");
            List<Double> samples = new ArrayList<>();
            String unit = "ms";
            if (bt.isObject()) {
                unit = bt.path("unit").asText("ms");
                JsonNode s = bt.get("samples");
                if (s != null && !s.isNull()) {
                    if (!s.isArray()) throw new CompareInputException(at + ".batchTime.samples is not a list");
                    for (JsonNode x : s) samples.add(value(x, at + ".batchTime.samples"));
                }
                if (bt.has("score") && !bt.get("score").isNull()) {
                    double score = value(bt.get("score"), at + ".batchTime.score");
                    if (!Double.isFinite(score)) status = "no score";
                }
            } else if (status.equals("ok")) {
                status = "no score";
            }
            if (status.equals("ok") && samples.isEmpty()) status = "no score";
            sides.add(new Side(key, status, unit, true, samples));
        }
        return new ResultFile(name, "concur", environment, sides);
    }

    private static ResultFile jmh(String name, JsonNode root) throws CompareInputException {
        List<Side> sides = new ArrayList<>();
        Environment environment = null;
        for (int i = 0; i < root.size(); i++) {
            JsonNode b = root.get(i);
            String at = name + ": [" + i + "]";
            if (!b.isObject()) throw new CompareInputException(at + " is not an object");
            String benchmark = requireText(b, "benchmark", at);
            if (benchmark.equals(BenchmarkKey.LEGACY_CONCUR_BENCHMARK)) benchmark = BenchmarkKey.CONCUR_BENCHMARK;
            String mode = b.path("mode").asText("");
            JsonNode pm = b.get("primaryMetric");
            if (pm == null || !pm.isObject()) throw new CompareInputException(at + ".primaryMetric is missing");
            String unit = pm.path("scoreUnit").asText("");
            boolean lower = !(mode.equals("thrpt") || unit.startsWith("ops/"));
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = b.path("params");
            if (p.isObject()) p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            if (benchmark.equals(BenchmarkKey.CONCUR_BENCHMARK)) normaliseConcurParams(params);
            else params.put("mode", mode);
            List<String> jvmArgs = strings(b.path("jvmArgs"));
            Integer cores = null;
            for (String a : jvmArgs) {
                if (a.startsWith("-XX:ActiveProcessorCount=")) cores = Integer.parseInt(a.substring(a.indexOf('=') + 1));
            }
            if (environment == null) {
                environment = new Environment(null, null, b.path("jdkVersion").asText(null), stable(jvmArgs));
            }
            List<Double> samples = new ArrayList<>();
            JsonNode raw = pm.get("rawData");
            String status = "ok";
            if (raw == null || !raw.isArray()) {
                status = "no score";
            } else {
                for (JsonNode fork : raw) {
                    if (!fork.isArray()) throw new CompareInputException(at + ".primaryMetric.rawData is not a list of lists");
                    for (JsonNode x : fork) samples.add(value(x, at + ".primaryMetric.rawData"));
                }
            }
            JsonNode score = pm.get("score");
            if (score == null || score.isNull() || !Double.isFinite(value(score, at + ".primaryMetric.score"))) status = "no score";
            sides.add(new Side(new BenchmarkKey(benchmark, params, cores), status, unit, lower, samples));
        }
        if (environment == null) environment = new Environment(null, null, null, List.of());
        return new ResultFile(name, "jmh", environment, sides);
    }

    /** concur's JMH params carry every field; keep only what the workload uses, like its reports do. */
    private static void normaliseConcurParams(Map<String, String> params) {
        var w = WorkloadRegistry.find(params.getOrDefault("workload", ""));
        if (w.isEmpty()) return;
        if (!w.get().usesLatency()) params.remove("latency");
        if (!w.get().usesWork()) params.remove("work");
    }

    private static List<String> stable(List<String> flags) {
        return flags.stream().filter(f -> VOLATILE_FLAGS.stream().noneMatch(f::startsWith)).toList();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) n.forEach(x -> out.add(x.asText()));
        return stable(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String requireText(JsonNode n, String field, String at) throws CompareInputException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new CompareInputException(at + "." + field + " is missing or not text");
        return v.asText();
    }

    /** A number, or JMH's "NaN"/"Infinity" strings as such; anything else is an input error. */
    private static double value(JsonNode x, String at) throws CompareInputException {
        if (x == null || x.isNull()) return Double.NaN; // a missing value is not 0
        if (x.isNumber()) return x.doubleValue();
        if (x.isTextual()) {
            switch (x.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new CompareInputException(at + " holds " + x + ", not a number");
    }

    private static String number(JsonNode x, String at) throws CompareInputException {
        double d = value(x, at);
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
