package dev.concur.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.input.Durations;
import dev.concur.input.InputException;
import dev.concur.input.InputFiles;
import dev.concur.input.JsonCheck;
import dev.concur.result.LoadReportReader;
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
 * Reads the kinds of result file the gate understands: a concur report (read and checked by
 * {@link ReportReader}, the one reader every command shares), a load report (read by
 * {@link LoadReportReader}, turned into benchmarks by {@link LoadResults}) and JMH's own JSON (the
 * array {@code -rf json} writes, checked here). A file that is neither, or is malformed, is an input
 * error (exit 2); a benchmark inside it that has no usable numbers is not (it becomes an
 * inconclusive pair). Scores are never read as 0: a missing, NaN or infinite value stays what it is.
 */
public final class ResultReader {
    /** Flags that change from run to run, or are concur's own settings: not part of the environment. */
    private static final List<String> VOLATILE_FLAGS = List.of("-Dconcur.", "-XX:CompileCommandFile=", "-Djmh.",
            // the core count is part of each benchmark's key; the flags that follow from it are not environment
            "-XX:ActiveProcessorCount=", "-XX:ParallelGCThreads=", "-XX:ConcGCThreads=", "-Djdk.virtualThreadScheduler.parallelism=");

    private ResultReader() {}

    /** Reads the primary metric: concur's batch time, or JMH's primary score. */
    public static ResultFile read(Path path) {
        return read(path, null);
    }

    /**
     * Reads {@code path}; {@code metric} names a JMH secondary metric to compare instead of the
     * primary score ({@code gc.alloc.rate.norm}), or is {@code null}.
     */
    public static ResultFile read(Path path, String metric) {
        String name = path.toString();
        JsonNode root = InputFiles.readJson(path, "a result file");
        if (root.isArray()) return jmh(name, root, metric);
        if (ReportReader.looksLikeReport(root)) return concur(name, ReportReader.fromTree(name, root), metric);
        if (LoadReportReader.looksLikeLoadReport(root)) return LoadResults.of(name, LoadReportReader.fromTree(name, root), metric);
        throw new InputException(name + ": neither a concur report (an object with schemaVersion, or a load report's schema) "
                + "nor JMH JSON (an array)");
    }

    /**
     * Load reports compare only with load reports: a server's answers per second and a batch's time
     * are different things, so a mix on either side is an input error, not a comparison of nothing.
     */
    public static void requireOneKind(List<ResultFile> baseline, List<ResultFile> current) {
        List<ResultFile> all = new ArrayList<>(baseline);
        all.addAll(current);
        ResultFile load = all.stream().filter(f -> f.format().equals(LoadResults.FORMAT)).findFirst().orElse(null);
        ResultFile other = all.stream().filter(f -> !f.format().equals(LoadResults.FORMAT)).findFirst().orElse(null);
        if (load != null && other != null) {
            throw new InputException(load.path() + " is a load report (concur load) and " + other.path() + " "
                    + (other.format().equals("jmh") ? "JMH JSON" : "a bench report") + ": load reports compare only with load reports");
        }
    }

    private static ResultFile concur(String name, Report report, String metric) {
        var env = report.environment();
        Environment environment = new Environment(env.cpuModel(), env.availableProcessors(), Units.jdk(env.jdkVersion()),
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
            BenchmarkKey key = new BenchmarkKey(BenchmarkKey.CONCUR_BENCHMARK, "avgt", params, r.cores());
            if (metric != null) {
                sides.add(new Side(key, "no metric " + metric + " (concur reports have none)", "", true, List.of()));
                continue;
            }
            Units.Canonical unit = Units.of(r.ok() ? r.batchTime().unit() : "ms");
            List<List<Double>> forks = !r.ok() ? List.of()
                    : r.batchTime().samplesPerFork() != null && !r.batchTime().samplesPerFork().isEmpty()
                    ? r.batchTime().samplesPerFork()
                    : List.of(r.batchTime().samples()); // reports written before forks were kept apart
            sides.add(new Side(key, r.status(), unit.unit(), true, scale(forks, unit.factor())));
        }
        return new ResultFile(name, "concur", environment, sides);
    }

    private static ResultFile jmh(String name, JsonNode root, String metric) {
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
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = c.object(b, "params", at, false);
            if (p != null) p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            if (benchmark.equals(BenchmarkKey.CONCUR_BENCHMARK)) normaliseConcurParams(params);
            c.texts(b, "jvmArgs", at, false);
            List<String> jvmArgs = strings(b.path("jvmArgs"));
            Integer cores = null;
            for (String a : jvmArgs) {
                if (a.startsWith("-XX:ActiveProcessorCount=")) cores = activeProcessors(c, a, at + ".jvmArgs");
            }
            if (environment == null) {
                environment = new Environment(null, null, Units.jdk(b.path("jdkVersion").asText(null)), stable(jvmArgs));
            }
            BenchmarkKey key = new BenchmarkKey(benchmark, mode, params, cores);
            JsonNode m = pm;
            String mAt = at + ".primaryMetric";
            if (metric != null) {
                JsonNode secondary = b.path("secondaryMetrics").get(metric);
                if (secondary == null || !secondary.isObject()) {
                    sides.add(new Side(key, "no metric " + metric, "", true, List.of()));
                    continue;
                }
                m = secondary;
                mAt = at + ".secondaryMetrics." + metric;
            }
            Units.Canonical unit = Units.of(m.path("scoreUnit").asText(""));
            boolean lower = !(unit.unit().startsWith("ops/") || metric == null && mode.equals("thrpt"));
            String status = "ok";
            List<List<Double>> forks = new ArrayList<>();
            JsonNode hist = m.get("rawDataHistogram");
            JsonNode raw = m.get("rawData");
            if (hist != null && hist.isArray()) {
                forks = histogramMeans(c, hist, mAt + ".rawDataHistogram");
            } else if (raw != null && raw.isArray()) {
                for (int f = 0; f < raw.size(); f++) {
                    JsonNode fork = raw.get(f);
                    if (!fork.isArray()) throw c.error(mAt + ".rawData[" + f + "]", "not a list");
                    List<Double> xs = new ArrayList<>();
                    for (int s = 0; s < fork.size(); s++) xs.add(value(c, fork.get(s), mAt + ".rawData[" + f + "][" + s + "]"));
                    forks.add(xs);
                }
            } else {
                status = "no score";
            }
            JsonNode score = m.get("score");
            if (score == null || score.isNull() || !Double.isFinite(value(c, score, mAt + ".score"))) status = "no score";
            sides.add(new Side(key, status, unit.unit(), lower, scale(forks, unit.factor())));
        }
        if (environment == null) environment = new Environment(null, null, null, List.of());
        return new ResultFile(name, "jmh", environment, sides);
    }

    /**
     * Sample mode keeps a histogram per iteration ({@code [[value, count], ...]}); each iteration's
     * sample is its mean, so sample-mode results compare on their own data like the other modes.
     */
    private static List<List<Double>> histogramMeans(JsonCheck c, JsonNode hist, String at) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < hist.size(); f++) {
            JsonNode fork = hist.get(f);
            if (!fork.isArray()) throw c.error(at + "[" + f + "]", "not a list");
            List<Double> means = new ArrayList<>();
            for (int i = 0; i < fork.size(); i++) {
                JsonNode iteration = fork.get(i);
                String ia = at + "[" + f + "][" + i + "]";
                if (!iteration.isArray()) throw c.error(ia, "not a list");
                double sum = 0, count = 0;
                for (int k = 0; k < iteration.size(); k++) {
                    JsonNode pair = iteration.get(k);
                    if (!pair.isArray() || pair.size() != 2) throw c.error(ia + "[" + k + "]", "not a [value, count] pair");
                    double v = value(c, pair.get(0), ia + "[" + k + "][0]");
                    double n = value(c, pair.get(1), ia + "[" + k + "][1]");
                    if (!(n >= 0)) throw c.error(ia + "[" + k + "][1]", "not a count");
                    sum += v * n;
                    count += n;
                }
                means.add(count > 0 ? sum / count : Double.NaN);
            }
            forks.add(means);
        }
        return forks;
    }

    private static List<List<Double>> scale(List<List<Double>> forks, double factor) {
        if (factor == 1.0) return forks.stream().map(List::copyOf).toList();
        return forks.stream().map(f -> f.stream().map(x -> x * factor).toList()).toList();
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
