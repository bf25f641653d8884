package dev.concur.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.input.InputException;
import dev.concur.input.InputFiles;
import dev.concur.input.JsonCheck;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reader of {@code concur load} reports ({@value LoadReport#SCHEMA}), for every command
 * that reads them ({@code report}, {@code compare}), as {@link ReportReader} is for bench reports.
 * A violation is one line naming the file and the JSON path
 * ({@code load.json: results[3].latency.p99: 812.0 is below p90 900.0}), exit code 2.
 *
 * <p>Valid means: {@code schema} is {@value LoadReport#SCHEMA}; the version, timestamp,
 * environment, config and results are there and typed; experiments, statuses, loops and latency
 * origins come from the known sets; counts are whole numbers ≥ 0 and processes ≥ 1; numbers are
 * finite and, where they cannot be, not negative; latency percentiles rise with the percentile;
 * anything but {@code ok} says why; a result with figures ({@code ok}, {@code degraded},
 * {@code disagree}) carries what every renderer reads: its requests, answers per second, server
 * and per-request figures, for {@code wrk} the cross-check and for {@code hostile} the clients;
 * and no configuration has the same process twice. Unknown fields are ignored.
 */
public final class LoadReportReader {
    public static final List<String> TERMINATIONS = List.of("running", "complete", "interrupted", "failed");
    public static final List<String> EXPERIMENTS = List.of("hold", "wait", "rate", "cpu", "wrk", "hostile");
    /** Statuses whose figures are measurements: {@code degraded} and {@code disagree} are findings, not errors. */
    public static final List<String> WITH_FIGURES = List.of("ok", "degraded", "disagree");
    public static final List<String> STATUSES = List.of("ok", "degraded", "disagree", "invalid", "skipped", "failed");
    static final List<String> LOOPS = List.of("open", "closed", "hold");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LoadReportReader() {}

    /** Whether {@code root} claims to be a load report: an object with {@code schema} (bench reports have {@code schemaVersion}). */
    public static boolean looksLikeLoadReport(JsonNode root) {
        return root.isObject() && root.has("schema") && !root.has("schemaVersion");
    }

    /** Whether a result's figures are measurements ({@code ok}, {@code degraded}, {@code disagree}). */
    public static boolean hasFigures(LoadReport.LoadResult r) {
        return WITH_FIGURES.contains(r.status());
    }

    /** Reads and checks a load report file. */
    public static LoadReport read(Path path) {
        JsonNode root = InputFiles.readJson(path, "a load report");
        if (!looksLikeLoadReport(root)) throw new InputException(path + ": not a concur load report (no schema)");
        return fromTree(path.toString(), root);
    }

    /** Checks an already parsed load report; {@code name} is used in messages. */
    public static LoadReport fromTree(String name, JsonNode root) {
        JsonCheck c = new JsonCheck(name);
        JsonNode s = root.get("schema");
        if (!s.isTextual() || !s.asText().equals(LoadReport.SCHEMA)) {
            throw new InputException(name + ": unknown schema " + s + " (this concur reads " + LoadReport.SCHEMA + ")");
        }
        c.text(root, "concurVersion", "", true);
        c.text(root, "timestamp", "", true);
        c.oneOf(root, "termination", "", TERMINATIONS);
        c.object(root, "environment", "", true);
        c.object(root, "config", "", true);
        JsonNode results = c.array(root, "results", "", true);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            String at = "results[" + i + "]";
            String key = result(c, results.get(i), at);
            if (!seen.add(key)) throw c.error(at + ".process", "a second result for " + key);
        }
        JsonNode tree = root.deepCopy();
        for (JsonNode r : tree.get("results")) { // a JSON null reads as null here, as Jackson would read it anywhere else
            if (r.has("settings") && r.get("settings").isNull()) ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("settings");
        }
        try {
            return JSON.treeToValue(tree, LoadReport.class);
        } catch (JsonProcessingException e) { // the checks above should make this unreachable
            throw new InputException(name + ": not a valid load report (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Checks one result; its identity (experiment, model, connections, wait, work, process) for the duplicate check. */
    private static String result(JsonCheck c, JsonNode r, String at) {
        if (!r.isObject()) throw c.error(at, "not an object");
        String experiment = c.oneOf(r, "experiment", at, EXPERIMENTS);
        String model = c.text(r, "model", at, true);
        int process = c.smallInteger(r, "process", at, true, 1);
        String status = c.oneOf(r, "status", at, STATUSES);
        c.texts(r, "why", at, true);
        if (!status.equals("ok") && r.get("why").isEmpty()) throw c.error(at + ".why", "empty: a " + status + " result says why");
        int connections = c.smallInteger(r, "connections", at, true, 0);
        long wait = c.integer(r, "waitMicros", at, true, 0);
        long work = c.integer(r, "workRounds", at, true, 0);
        String loop = c.text(r, "loop", at, false);
        if (loop != null && !LOOPS.contains(loop)) throw c.error(at + ".loop", "'" + loop + "' is not one of " + String.join(", ", LOOPS));
        c.number(r, "offeredRate", at, false, 0);
        c.number(r, "seconds", at, true, 0);
        c.number(r, "sendLagP99Micros", at, false, 0);
        c.text(r, "sharing", at, false);
        c.object(r, "settings", at, false);
        boolean figures = WITH_FIGURES.contains(status);
        boolean served = figures && !experiment.equals("hostile");
        requests(c, c.object(r, "requests", at, served), at + ".requests");
        c.number(r, "achievedRate", at, served, 0);
        JsonNode ceiling = c.object(r, "ceiling", at, false);
        if (ceiling != null) {
            c.number(ceiling, "rate", at + ".ceiling", true, 0);
            c.text(ceiling, "why", at + ".ceiling", true);
        }
        latency(c, c.object(r, "latency", at, false), at + ".latency");
        server(c, c.object(r, "server", at, figures), at + ".server");
        JsonNode per = c.object(r, "perRequest", at, figures);
        if (per != null) {
            c.number(per, "cpuMicros", at + ".perRequest", false, 0);
            c.number(per, "memoryBytes", at + ".perRequest", false, -Double.MAX_VALUE); // the RSS can shrink
            c.number(per, "openSeconds", at + ".perRequest", false, 0);
        }
        hostile(c, c.array(r, "hostile", at, figures && experiment.equals("hostile")), at + ".hostile");
        crossCheck(c, c.object(r, "crossCheck", at, figures && experiment.equals("wrk")), at + ".crossCheck");
        return experiment + " " + model + " at " + connections + " connections, wait " + wait + " µs, work " + work
                + ", process " + process;
    }

    private static void requests(JsonCheck c, JsonNode q, String at) {
        if (q == null) return;
        for (String f : List.of("sent", "ok", "wrong", "errors", "timeouts", "unsent", "connectFailures", "closedByServer")) {
            c.integer(q, f, at, true, 0);
        }
        c.text(q, "firstProblem", at, false);
    }

    /** Percentiles in µs, each at least the one before it (HdrHistogram's are), the mean within the range. */
    private static void latency(JsonCheck c, JsonNode l, String at) {
        if (l == null) return;
        c.oneOf(l, "from", at, List.of("intended", "sent"));
        c.integer(l, "count", at, true, 0);
        double previous = 0;
        String previousName = null;
        for (String f : List.of("p50", "p90", "p99", "p999", "max")) {
            double v = c.number(l, f, at, true, 0);
            if (previousName != null && v < previous) throw c.error(at + "." + f, v + " is below " + previousName + " " + previous);
            previous = v;
            previousName = f;
        }
        double mean = c.number(l, "mean", at, true, 0);
        if (mean > previous) throw c.error(at + ".mean", mean + " is above max " + previous);
    }

    private static void server(JsonCheck c, JsonNode s, String at) {
        if (s == null) return;
        for (String f : List.of("rssBefore", "rssAfter")) c.integer(s, f, at, true, 0);
        for (String f : List.of("threadsBefore", "threadsAfter", "fdsBefore", "fdsAfter")) c.smallInteger(s, f, at, true, 0);
        c.number(s, "cpuSeconds", at, true, 0);
    }

    private static void hostile(JsonCheck c, JsonNode h, String at) {
        if (h == null) return;
        for (int i = 0; i < h.size(); i++) {
            String ha = at + "[" + i + "]";
            if (!h.get(i).isObject()) throw c.error(ha, "not an object");
            c.text(h.get(i), "client", ha, true);
            c.text(h.get(i), "outcome", ha, true);
            c.bool(h.get(i), "servedAfter", ha, true);
        }
    }

    /**
     * The second generator's figures. {@code ratio} may be the text {@code "NaN"}: that is how the
     * report writes concur's rate over a rate of 0 (the result is then {@code disagree}).
     */
    private static void crossCheck(JsonCheck c, JsonNode x, String at) {
        if (x == null) return;
        c.text(x, "tool", at, true);
        c.text(x, "command", at, false);
        c.number(x, "rate", at, true, 0);
        c.integer(x, "errors", at, true, 0);
        c.number(x, "p50Micros", at, false, 0);
        c.number(x, "p99Micros", at, false, 0);
        JsonNode ratio = x.get("ratio");
        if (ratio == null || ratio.isNull()) throw c.error(at + ".ratio", "missing");
        if (!(ratio.isTextual() && ratio.asText().equals("NaN"))) c.number(ratio, at + ".ratio", 0);
    }
}
