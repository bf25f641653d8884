package dev.concur.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.input.Durations;
import dev.concur.input.InputException;
import dev.concur.input.InputFiles;
import dev.concur.input.JsonCheck;
import dev.concur.result.Report;
import dev.concur.result.ReportReader;
import dev.concur.result.Result;
import dev.concur.workload.WorkloadRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the two kinds of result file the gate understands: a concur report (read and checked by
 * {@link ReportReader}, the one reader every command shares) and JMH's own JSON (the array
 * {@code -rf json} writes, checked here). A file that is neither, or is malformed, is an input
 * error (exit 2); a benchmark inside it that has no usable numbers is not (it becomes an
 * inconclusive pair). Scores are never read as 0: a missing, NaN or infinite value stays what it is.
 */
public final class ResultReader {
    /** Flags that change from run to run without changing what runs: not part of the environment. */
    private static final List<String> VOLATILE_FLAGS = List.of("-Dconcur.forkReports=", "-Dconcur.run=",
            "-XX:CompileCommandFile=", "-Djmh.");

    private ResultReader() {}

    public static ResultFile read(Path path) {
        String name = path.toString();
        JsonNode root = InputFiles.readJson(path, "a result file");
        if (root.isArray()) return jmh(name, root);
        if (ReportReader.looksLikeReport(root)) return concur(name, ReportReader.fromTree(name, root));
        throw new InputException(name + ": neither a concur report (an object with schemaVersion) nor JMH JSON (an array)");
    }

    private static ResultFile concur(String name, Report report) {
        var env = report.environment();
        Environment environment = new Environment(env.cpuModel(), env.availableProcessors(), env.jdkVersion(),
                stable(report.config().forkJvmArgs()));
        List<Side> sides = new ArrayList<>();
        for (Result r : report.results()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("model", r.model());
            params.put("workload", r.workload());
            var p = r.params();
            params.put("tasks", Integer.toString(p.tasks()));
            if (p.latencyMs() != null) params.put("latency", Durations.format(Math.round(p.latencyMs() * 1e6)));
            if (p.work() != null) params.put("work", Long.toString(p.work()));
            params.put("threads", Integer.toString(p.threads()));
            if (p.target() != null) params.put("target", p.target());
            BenchmarkKey key = new BenchmarkKey(BenchmarkKey.CONCUR_BENCHMARK, params, r.cores());
            List<Double> samples = r.ok() ? r.batchTime().samples() : List.of();
            String unit = r.ok() ? r.batchTime().unit() : "ms";
            sides.add(new Side(key, r.status(), unit, true, samples));
        }
        return new ResultFile(name, "concur", environment, sides);
    }

    private static ResultFile jmh(String name, JsonNode root) {
        JsonCheck c = new JsonCheck(name);
        List<Side> sides = new ArrayList<>();
        Environment environment = null;
        for (int i = 0; i < root.size(); i++) {
            JsonNode b = root.get(i);
            String at = "[" + i + "]";
            if (!b.isObject()) throw c.error(at, "not an object");
            String benchmark = c.text(b, "benchmark", at, true);
            if (benchmark.equals(BenchmarkKey.LEGACY_CONCUR_BENCHMARK)) benchmark = BenchmarkKey.CONCUR_BENCHMARK;
            String mode = b.path("mode").asText("");
            JsonNode pm = c.object(b, "primaryMetric", at, true);
            String unit = pm.path("scoreUnit").asText("");
            boolean lower = !(mode.equals("thrpt") || unit.startsWith("ops/"));
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = c.object(b, "params", at, false);
            if (p != null) p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            if (benchmark.equals(BenchmarkKey.CONCUR_BENCHMARK)) normaliseConcurParams(params);
            else params.put("mode", mode);
            c.texts(b, "jvmArgs", at, false);
            List<String> jvmArgs = strings(b.path("jvmArgs"));
            Integer cores = null;
            for (String a : jvmArgs) {
                if (a.startsWith("-XX:ActiveProcessorCount=")) cores = activeProcessors(c, a, at + ".jvmArgs");
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
                for (int f = 0; f < raw.size(); f++) {
                    JsonNode fork = raw.get(f);
                    if (!fork.isArray()) throw c.error(at + ".primaryMetric.rawData[" + f + "]", "not a list");
                    for (int s = 0; s < fork.size(); s++) {
                        samples.add(value(c, fork.get(s), at + ".primaryMetric.rawData[" + f + "][" + s + "]"));
                    }
                }
            }
            JsonNode score = pm.get("score");
            if (score == null || score.isNull() || !Double.isFinite(value(c, score, at + ".primaryMetric.score"))) status = "no score";
            sides.add(new Side(new BenchmarkKey(benchmark, params, cores), status, unit, lower, samples));
        }
        if (environment == null) environment = new Environment(null, null, null, List.of());
        return new ResultFile(name, "jmh", environment, sides);
    }

    /** The k of {@code -XX:ActiveProcessorCount=k}; anything else there is bad input, not a crash. */
    private static int activeProcessors(JsonCheck c, String flag, String at) {
        String v = flag.substring(flag.indexOf('=') + 1);
        try {
            int k = Integer.parseInt(v);
            if (k >= 1) return k;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw c.error(at, "'" + flag + "' does not give a positive processor count");
    }

    /** concur's JMH params carry every field; keep only what the workload uses, like its reports do. */
    private static void normaliseConcurParams(Map<String, String> params) {
        var w = WorkloadRegistry.find(params.getOrDefault("workload", ""));
        if (w.isEmpty()) return;
        if (!w.get().usesLatency()) params.remove("latency");
        if (!w.get().usesWork()) params.remove("work");
        if (params.getOrDefault("target", "").isEmpty()) params.remove("target"); // the embedded server
    }

    private static List<String> stable(List<String> flags) {
        return flags.stream().filter(f -> VOLATILE_FLAGS.stream().noneMatch(f::startsWith)).toList();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) n.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** A number, or JMH's "NaN"/"Infinity" strings as such; anything else is an input error. */
    private static double value(JsonCheck c, JsonNode x, String at) {
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
        throw c.error(at, "holds " + x + ", not a number");
    }
}
