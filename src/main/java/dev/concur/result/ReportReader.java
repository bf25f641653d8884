package dev.concur.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.input.InputException;
import dev.concur.input.InputFiles;
import dev.concur.input.JsonCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The one reader of concur reports, for every command that reads them ({@code report},
 * {@code compare}, {@code lecture}). A report is checked once, here, against one definition of
 * valid; what passes can be trusted by every renderer. A violation is one line naming the file and
 * the JSON path ({@code run.json: results[3].batchTime.score: not a finite number}), exit code 2.
 *
 * <p>Valid means: {@code schemaVersion} is one this concur reads; the environment, config, results
 * and summary are there and typed; names are non-empty text; counts, cores and tasks are positive;
 * numbers are finite; statuses come from the known set; an {@code ok} result carries a score with
 * at least one sample and a throughput, and a result that is not {@code ok} carries no score. Unknown fields are ignored
 * (a newer concur may add some within the same schema version).
 */
public final class ReportReader {
    /** The layouts this concur reads. */
    public static final Set<Integer> SCHEMAS = Set.of(Report.SCHEMA_VERSION);
    static final List<String> STATUSES = List.of(Result.OK, Result.INVALID, Result.SKIPPED, Result.FAILED, Result.TIMEOUT);
    static final List<String> TERMINATIONS = List.of("running", "completed", "interrupted");
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportReader() {}

    /** Whether {@code root} claims to be a concur report (an object with {@code schemaVersion}). */
    public static boolean looksLikeReport(JsonNode root) {
        return root.isObject() && root.has("schemaVersion");
    }

    /** Reads and checks a concur report file. */
    public static Report read(Path path) {
        JsonNode root = InputFiles.readJson(path, "a report");
        if (!looksLikeReport(root)) throw new InputException(path + ": not a concur report (no schemaVersion)");
        return fromTree(path.toString(), root);
    }

    /** Checks an already parsed report; {@code name} is used in messages. */
    public static Report fromTree(String name, JsonNode root) {
        JsonCheck c = new JsonCheck(name);
        JsonNode v = root.get("schemaVersion");
        if (!v.isInt() || !SCHEMAS.contains(v.intValue())) {
            throw new InputException(name + ": unknown schemaVersion " + v + " (this concur reads " + SCHEMAS + ")");
        }
        check(c, root);
        try {
            return JSON.treeToValue(root, Report.class);
        } catch (JsonProcessingException e) { // the checks above should make this unreachable
            throw new InputException(name + ": not a valid report (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static void check(JsonCheck c, JsonNode root) {
        c.text(root, "concurVersion", "", true);
        c.text(root, "timestamp", "", true);
        c.oneOf(root, "termination", "", TERMINATIONS);
        environment(c, c.object(root, "environment", "", true));
        config(c, c.object(root, "config", "", true));
        JsonNode results = c.array(root, "results", "", true);
        for (int i = 0; i < results.size(); i++) result(c, results.get(i), "results[" + i + "]");
        JsonNode scaling = c.array(root, "scaling", "", false);
        if (scaling != null) for (int i = 0; i < scaling.size(); i++) scaling(c, scaling.get(i), "scaling[" + i + "]");
        JsonNode s = c.object(root, "summary", "", true);
        for (String f : List.of("ok", "invalid", "skipped", "failed")) c.integer(s, f, "summary", true, 0);
        c.integer(s, "timeout", "summary", false, 0); // reports written before the watchdog existed lack it
        c.number(s, "medianErrorPct", "summary", false, 0);
        c.number(s, "wallSeconds", "summary", true, 0);
    }

    private static void environment(JsonCheck c, JsonNode e) {
        String at = "environment";
        c.text(e, "jdkVersion", at, true);
        for (String f : List.of("jdkVendor", "vmName", "javaHome", "os", "kernel", "arch", "cpuModel", "cpuAffinity",
                "hostname", "gitCommit", "gogc", "transparentHugePages")) {
            c.text(e, f, at, false);
        }
        c.texts(e, "hostJvmFlags", at, false);
        c.integer(e, "availableProcessors", at, true, 1);
        c.integer(e, "memoryTotalBytes", at, false, 1);
        c.integer(e, "maxHeapBytes", at, true, 1);
        c.bool(e, "gitDirty", at, false);
    }

    private static void config(JsonCheck c, JsonNode g) {
        String at = "config";
        c.texts(g, "models", at, true);
        c.texts(g, "workloads", at, true);
        JsonNode wp = c.array(g, "workloadParams", at, true);
        for (int i = 0; i < wp.size(); i++) {
            String w = at + ".workloadParams[" + i + "]";
            if (!wp.get(i).isObject()) throw c.error(w, "not an object");
            c.text(wp.get(i), "workload", w, true);
            c.integer(wp.get(i), "tasks", w, true, 1);
            c.number(wp.get(i), "latencyMs", w, false, 0);
            c.integer(wp.get(i), "work", w, false, 0);
        }
        c.integer(g, "threads", at, true, 1);
        c.text(g, "profile", at, true);
        c.text(g, "mode", at, true);
        c.integer(g, "forks", at, true, 1);
        c.integer(g, "warmupIterations", at, true, 0);
        c.integer(g, "warmupMillis", at, true, 0);
        c.integer(g, "measurementIterations", at, true, 1);
        c.integer(g, "iterationMillis", at, true, 0);
        c.integer(g, "maxBatchMillis", at, true, 0);
        c.integer(g, "maxForks", at, false, 1);
        c.integer(g, "warmupCapMillis", at, false, 0);
        c.number(g, "targetCiPct", at, false, 0);
        c.text(g, "kernel", at, false);
        c.texts(g, "forkJvmArgs", at, true);
        c.text(g, "suite", at, false);
        JsonNode cores = c.array(g, "cores", at, false);
        if (cores != null) for (int i = 0; i < cores.size(); i++) positiveInt(c, cores.get(i), at + ".cores[" + i + "]");
        c.text(g, "pinning", at, false);
        c.texts(g, "overrides", at, false);
    }

    private static void positiveInt(JsonCheck c, JsonNode v, String path) {
        if (!v.isInt() || v.intValue() < 1) throw c.error(path, "not a positive whole number");
    }

    private static void result(JsonCheck c, JsonNode r, String at) {
        if (!r.isObject()) throw c.error(at, "not an object");
        c.text(r, "model", at, true);
        c.text(r, "workload", at, true);
        String status = c.oneOf(r, "status", at, STATUSES);
        c.smallInteger(r, "cores", at, false, 1);
        JsonNode p = c.object(r, "params", at, true);
        String pa = at + ".params";
        c.smallInteger(p, "tasks", pa, true, 1);
        c.number(p, "latencyMs", pa, false, 0);
        c.integer(p, "work", pa, false, 0);
        c.smallInteger(p, "threads", pa, true, 1);
        c.text(p, "profile", pa, true);
        c.smallInteger(p, "forks", pa, true, 0); // forks run: 0 for a benchmark that was skipped
        c.smallInteger(p, "warmupIterations", pa, true, 0);
        c.integer(p, "warmupMillis", pa, true, 0);
        c.smallInteger(p, "measurementIterations", pa, true, 1);
        c.integer(p, "iterationMillis", pa, true, 0);
        c.bool(p, "pinned", pa, false);
        c.text(p, "pinnedCpus", pa, false);
        c.integer(p, "timeoutMillis", pa, false, 1);
        c.integer(p, "maxForks", pa, false, 1);
        c.integer(p, "warmupCapMillis", pa, false, 0);
        c.number(p, "targetCiPct", pa, false, 0);
        c.text(p, "run", pa, false);
        c.text(p, "target", pa, false);
        c.text(r, "note", at, false);
        c.number(r, "estimatedBatchMs", at, true, 0);
        JsonNode bt = c.object(r, "batchTime", at, status.equals(Result.OK));
        if (bt != null && !status.equals(Result.OK)) throw c.error(at + ".batchTime", "present, but the status is " + status);
        if (bt != null) score(c, bt, at + ".batchTime");
        c.number(r, "throughputTasksPerSec", at, status.equals(Result.OK), 0); // every ok result has both
        c.number(r, "speedupVsSequential", at, false, 0);
        c.number(r, "speedupVsRuntimeSequential", at, false, 0);
        c.number(r, "rssPerTaskBytes", at, false, 0);
        c.number(r, "cpuPerTaskNanos", at, false, 0);
        JsonNode w = c.object(r, "warmup", at, false);
        if (w != null) {
            String wa = at + ".warmup";
            c.oneOf(w, "mode", wa, List.of("adaptive", "fixed"));
            c.text(w, "rule", wa, false);
            c.bool(w, "steady", wa, false);
            c.number(w, "spreadPct", wa, false, 0);
            JsonNode bpf = c.array(w, "batchesPerFork", wa, false);
            if (bpf != null) for (int i = 0; i < bpf.size(); i++) positiveOrZero(c, bpf.get(i), wa + ".batchesPerFork[" + i + "]");
            JsonNode mpf = c.array(w, "millisPerFork", wa, false);
            if (mpf != null) for (int i = 0; i < mpf.size(); i++) positiveOrZero(c, mpf.get(i), wa + ".millisPerFork[" + i + "]");
        }
        JsonNode eff = c.object(r, "efficiency", at, false);
        if (eff != null) {
            String ea = at + ".efficiency";
            c.number(eff, "idealMs", ea, true, 0);
            c.number(eff, "value", ea, true, 0);
            c.smallInteger(eff, "waitCap", ea, true, 1);
            c.smallInteger(eff, "computeCap", ea, true, 1);
            c.number(eff, "cpuMsPerTask", ea, true, 0);
            c.text(eff, "basis", ea, false);
            c.text(eff, "formula", ea, false);
        }
        JsonNode v = c.object(r, "validation", at, false);
        if (v != null) {
            String va = at + ".validation";
            c.oneOf(v, "outcome", va, List.of("valid", "invalid", "unknown"));
            c.integer(v, "batches", va, true, 0);
            c.integer(v, "validBatches", va, true, 0);
            c.integer(v, "expectedTasks", va, true, 0);
            c.integer(v, "expectedChecksum", va, false, Long.MIN_VALUE);
            c.text(v, "firstMismatch", va, false);
        }
        JsonNode u = c.object(r, "usage", at, false);
        if (u != null) {
            String ua = at + ".usage";
            c.smallInteger(u, "poolSize", ua, false, 1);
            c.integer(u, "threadsStarted", ua, true, 0);
            c.number(u, "threadsPerBatch", ua, true, 0);
            c.smallInteger(u, "peakLiveThreads", ua, true, 0);
        }
        JsonNode forks = c.array(r, "forks", at, false);
        if (forks != null) {
            for (int i = 0; i < forks.size(); i++) {
                String fa = at + ".forks[" + i + "]";
                JsonNode f = forks.get(i);
                if (!f.isObject()) throw c.error(fa, "not an object");
                c.integer(f, "pid", fa, true, 0);
                c.texts(f, "jvmArgs", fa, true);
                c.text(f, "jdkVersion", fa, false);
                c.text(f, "runtime", fa, false);
                c.smallInteger(f, "availableProcessors", fa, true, 1);
                c.text(f, "cpusAllowed", fa, false);
                c.text(f, "gc", fa, false);
                JsonNode settings = c.object(f, "settings", fa, false);
                if (settings != null) {
                    for (var e : settings.properties()) c.text(settings, e.getKey(), fa + ".settings", true);
                }
                JsonNode m = c.object(f, "measurer", fa, false);
                if (m != null) {
                    c.number(m, "cpuSeconds", fa + ".measurer", true, 0);
                    c.number(m, "wallSeconds", fa + ".measurer", true, 0);
                    c.number(m, "batchCpuSeconds", fa + ".measurer", false, 0);
                    c.number(m, "batchWallSeconds", fa + ".measurer", false, 0);
                }
                JsonNode d = c.object(f, "dispatch", fa, false);
                if (d != null) {
                    String da = fa + ".dispatch";
                    c.integer(d, "batches", da, true, 1);
                    double submit = c.number(d, "submitMs", da, true, 0);
                    // each batch's hand-over is part of that batch, so the medians keep that order too
                    if (submit > c.number(d, "completeMs", da, true, 0)) throw c.error(da + ".submitMs", "longer than completeMs");
                }
            }
        }
        c.texts(r, "warnings", at, false);
        c.text(r, "threadDump", at, false);
        percentiles(c, c.object(r, "taskLatency", at, false), at + ".taskLatency");
        percentiles(c, c.object(r, "loopLag", at, false), at + ".loopLag");
        c.number(r, "memoryPerTaskBytes", at, false, 0);
        race(c, c.object(r, "race", at, false), at + ".race");
        trace(c, c.object(r, "trace", at, false), at + ".trace");
        alive(c, c.object(r, "alive", at, false), at + ".alive");
    }

    /**
     * Tasks alive at once: a batch of at least one task; a peak per fork, each a whole number from 0
     * to the batch's tasks; the peak the smallest of them; the runtime's own figures finite numbers
     * ≥ 0 under non-empty names.
     */
    private static void alive(JsonCheck c, JsonNode a, String at) {
        if (a == null) return;
        long tasks = c.integer(a, "tasks", at, true, 1);
        long peak = c.integer(a, "peak", at, true, 0);
        JsonNode perFork = c.array(a, "peakPerFork", at, true);
        if (perFork.isEmpty()) throw c.error(at + ".peakPerFork", "empty: the peak is the smallest fork's");
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < perFork.size(); i++) {
            String fa = at + ".peakPerFork[" + i + "]";
            JsonNode e = perFork.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() < 0) throw c.error(fa, "not a whole number ≥ 0");
            long p = e.longValue();
            if (p > tasks) throw c.error(fa, p + " tasks alive, more than the batch's " + tasks);
            smallest = Math.min(smallest, p);
        }
        if (peak != smallest) throw c.error(at + ".peak", peak + " is not the smallest of peakPerFork (" + smallest + ")");
        JsonNode rt = c.object(a, "runtime", at, false);
        if (rt == null) return;
        for (var it = rt.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.isBlank()) throw c.error(at + ".runtime", "a figure with an empty name");
            c.number(rt, name, at + ".runtime", true, 0);
        }
    }

    private static void race(JsonCheck c, JsonNode race, String at) {
        if (race == null) return;
        long updates = c.integer(race, "updatesPerBatch", at, true, 0);
        c.integer(race, "batches", at, true, 0);
        long min = c.integer(race, "lostMin", at, true, 0);
        long max = c.integer(race, "lostMax", at, true, 0);
        double mean = c.number(race, "lostMean", at, true, 0);
        c.integer(race, "synchronisedLost", at, true, 0);
        if (min > max) throw c.error(at + ".lostMin", min + " is above lostMax " + max);
        if (max > updates) throw c.error(at + ".lostMax", max + " is more than the " + updates + " updates made");
        if (mean < min || mean > max) throw c.error(at + ".lostMean", mean + " is outside lostMin..lostMax");
    }

    private static void trace(JsonCheck c, JsonNode t, String at) {
        if (t == null) return;
        c.smallInteger(t, "tasks", at, true, 1);
        c.bool(t, "valid", at, true);
        c.text(t, "note", at, false);
        JsonNode tasks = c.array(t, "timeline", at, true);
        for (int i = 0; i < tasks.size(); i++) {
            String ta = at + ".timeline[" + i + "]";
            JsonNode task = tasks.get(i);
            if (!task.isObject()) throw c.error(ta, "not an object");
            c.smallInteger(task, "task", ta, true, 0);
            c.integer(task, "start", ta, true, -1);
            c.integer(task, "end", ta, true, -1);
            JsonNode segs = c.array(task, "segments", ta, true);
            for (int j = 0; j < segs.size(); j++) {
                String sa = ta + ".segments[" + j + "]";
                JsonNode seg = segs.get(j);
                if (!seg.isObject()) throw c.error(sa, "not an object");
                c.oneOf(seg, "kind", sa, List.of(Timeline.RUN, Timeline.WAIT));
                long from = c.integer(seg, "start", sa, true, 0);
                long to = c.integer(seg, "end", sa, true, 0);
                if (from > to) throw c.error(sa + ".start", from + " is after its end " + to);
                c.text(seg, "thread", sa, true);
                c.text(seg, "carrier", sa, false);
            }
        }
    }

    private static void score(JsonCheck c, JsonNode bt, String at) {
        c.number(bt, "score", at, true, Double.MIN_VALUE);
        c.number(bt, "error", at, false, 0);
        c.number(bt, "errorPct", at, false, 0);
        double conf = c.number(bt, "confidence", at, true, 0);
        if (conf <= 0 || conf >= 1) throw c.error(at + ".confidence", conf + " is not between 0 and 1");
        c.text(bt, "unit", at, true);
        JsonNode samples = c.array(bt, "samples", at, true);
        if (samples.isEmpty()) throw c.error(at + ".samples", "empty: a score needs its samples");
        for (int i = 0; i < samples.size(); i++) c.number(samples.get(i), at + ".samples[" + i + "]", 0);
        c.integer(bt, "batchesMeasured", at, true, 0);
        String interval = c.text(bt, "interval", at, false);
        if (interval != null && !List.of(Score.STUDENT_T, Score.RANGE).contains(interval)) {
            throw c.error(at + ".interval", "'" + interval + "' is not one of student-t, range");
        }
        Double min = c.number(bt, "min", at, false, 0);
        Double max = c.number(bt, "max", at, false, 0);
        if (min != null && max != null && min > max) throw c.error(at + ".min", min + " is above max " + max);
        JsonNode perFork = c.array(bt, "samplesPerFork", at, false);
        if (perFork != null) {
            for (int f = 0; f < perFork.size(); f++) {
                String fa = at + ".samplesPerFork[" + f + "]";
                if (!perFork.get(f).isArray()) throw c.error(fa, "not a list");
                for (int i = 0; i < perFork.get(f).size(); i++) c.number(perFork.get(f).get(i), fa + "[" + i + "]", 0);
            }
        }
        c.text(bt, "stop", at, false);
    }

    private static void positiveOrZero(JsonCheck c, JsonNode v, String path) {
        if (!v.isIntegralNumber() || v.longValue() < 0) throw c.error(path, "not a whole number ≥ 0");
    }

    private static void percentiles(JsonCheck c, JsonNode p, String at) {
        if (p == null) return;
        c.integer(p, "count", at, true, 0);
        for (String f : List.of("p50", "p90", "p99", "max")) c.number(p, f, at, true, 0);
    }

    private static void scaling(JsonCheck c, JsonNode s, String at) {
        if (!s.isObject()) throw c.error(at, "not an object");
        c.text(s, "model", at, true);
        c.text(s, "workload", at, true);
        JsonNode points = c.array(s, "points", at, true);
        for (int i = 0; i < points.size(); i++) {
            String pa = at + ".points[" + i + "]";
            JsonNode p = points.get(i);
            if (!p.isObject()) throw c.error(pa, "not an object");
            c.smallInteger(p, "cores", pa, true, 1);
            c.number(p, "batchMs", pa, true, Double.MIN_VALUE);
            c.number(p, "errorPct", pa, false, 0);
            c.number(p, "throughput", pa, true, 0);
            c.number(p, "speedupVsMinCores", pa, true, 0);
            c.number(p, "speedupVsSequential", pa, false, 0);
            c.number(p, "efficiency", pa, false, 0);
            c.number(p, "karpFlatt", pa, false, -Double.MAX_VALUE);
        }
        JsonNode a = c.object(s, "amdahl", at, false);
        if (a != null) {
            c.number(a, "serialFraction", at + ".amdahl", true, -Double.MAX_VALUE);
            c.number(a, "maxSpeedup", at + ".amdahl", false, -Double.MAX_VALUE);
            c.number(a, "r2", at + ".amdahl", false, -Double.MAX_VALUE);
            c.bool(a, "meaningful", at + ".amdahl", true);
            c.text(a, "why", at + ".amdahl", true);
        }
        JsonNode u = c.object(s, "usl", at, false);
        if (u != null) {
            for (String f : List.of("sigma", "kappa", "r2")) c.number(u, f, at + ".usl", true, -Double.MAX_VALUE);
            c.number(u, "peakCores", at + ".usl", false, -Double.MAX_VALUE);
            c.bool(u, "meaningful", at + ".usl", true);
            c.text(u, "why", at + ".usl", true);
        }
        c.text(s, "verdict", at, false);
    }
}
