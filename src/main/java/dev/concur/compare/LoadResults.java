package dev.concur.compare;

import dev.concur.input.Durations;
import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.LoadReportReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A load report ({@code concur load}) as the gate sees it. Each server configuration (experiment,
 * model, connections, the handler's wait, and for {@code rate} the offered rate, without which its
 * latencies do not compare) gives up to three benchmarks: its throughput (correct answers per
 * second, higher is better) and its p50 and p99 latency (µs, lower is better); {@code hold} gives
 * its probe's p50 and p99 (its throughput is the probe's fixed 100/s), {@code hostile} nothing.
 * The unit of the test is the server process: each process's figure is one observation, as each
 * fork's median is for a bench report. A configuration with any process that failed, was invalid
 * or was skipped is not {@code ok}, so the gate says so instead of comparing the others.
 */
final class LoadResults {
    static final String FORMAT = "load";
    static final String THROUGHPUT = "throughput";
    static final String RATE_UNIT = "answers/s";
    static final String LATENCY_UNIT = "µs";

    private LoadResults() {}

    private record Metric(String name, String unit, boolean lowerIsBetter, Function<LoadResult, Number> value) {}

    private static final Metric RATE = new Metric(THROUGHPUT, RATE_UNIT, false, LoadResult::achievedRate);
    private static final Metric P50 = new Metric("p50", LATENCY_UNIT, true, r -> r.latency() == null ? null : r.latency().p50());
    private static final Metric P99 = new Metric("p99", LATENCY_UNIT, true, r -> r.latency() == null ? null : r.latency().p99());

    static ResultFile of(String name, LoadReport report, String metric) {
        Map<String, Object> env = report.environment();
        Object flags = report.config().get("serverJvmFlags");
        Environment environment = new Environment(null, env.get("cpusAllowed") instanceof Number n ? n.intValue() : null,
                env.get("java") instanceof String s ? Units.jdk(s) : null,
                flags instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of());
        List<Side> sides = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<LoadResult>> g : groups(report).entrySet()) {
            LoadResult first = g.getValue().get(0);
            List<Metric> metrics = switch (first.experiment()) {
                case "hold" -> List.of(P50, P99);
                case "hostile" -> List.of();
                default -> List.of(RATE, P50, P99);
            };
            String status = status(g.getValue());
            for (Metric m : metrics) {
                BenchmarkKey key = new BenchmarkKey(BenchmarkKey.LOAD_BENCHMARK, m.name(), g.getKey(), null);
                if (metric != null) {
                    sides.add(new Side(key, "no metric " + metric + " (load reports have none)", "", m.lowerIsBetter(), List.of()));
                    continue;
                }
                List<List<Double>> processes = new ArrayList<>();
                if (status.equals("ok")) {
                    for (LoadResult r : g.getValue()) {
                        Number v = m.value().apply(r);
                        processes.add(List.of(v == null ? Double.NaN : v.doubleValue())); // missing is never 0
                    }
                }
                sides.add(new Side(key, status, m.unit(), m.lowerIsBetter(), processes));
            }
        }
        return new ResultFile(name, FORMAT, environment, sides);
    }

    /**
     * Results by configuration. A failed or skipped process carries no wait nor offered rate of its
     * own; it joins the measured configurations of its experiment, model and connections (at the
     * run's {@code config.waitMicros}), or stands alone when there are none.
     */
    private static Map<Map<String, String>, List<LoadResult>> groups(LoadReport report) {
        Map<Map<String, String>, List<LoadResult>> groups = new LinkedHashMap<>();
        List<LoadResult> unmeasured = new ArrayList<>();
        for (LoadResult r : report.results()) {
            if (r.status().equals("failed") || r.status().equals("skipped")) unmeasured.add(r);
            else groups.computeIfAbsent(params(r, r.waitMicros(), r.offeredRate()), k -> new ArrayList<>()).add(r);
        }
        for (LoadResult r : unmeasured) {
            long wait = List.of("wait", "rate", "wrk").contains(r.experiment()) && report.config().get("waitMicros") instanceof Number n
                    ? n.longValue() : r.waitMicros();
            Map<String, String> alone = params(r, wait, null);
            boolean joined = false;
            for (Map.Entry<Map<String, String>, List<LoadResult>> g : groups.entrySet()) {
                Map<String, String> k = new LinkedHashMap<>(g.getKey());
                k.remove("offered");
                if (k.equals(alone)) {
                    g.getValue().add(r);
                    joined = true;
                }
            }
            if (!joined) groups.computeIfAbsent(alone, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static Map<String, String> params(LoadResult r, long waitMicros, Double offered) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("experiment", r.experiment());
        p.put("model", r.model());
        p.put("connections", Integer.toString(r.connections()));
        p.put("wait", Durations.format(waitMicros * 1000));
        if (r.experiment().equals("rate") && offered != null) p.put("offered", String.format(Locale.ROOT, "%.0f/s", offered));
        return p;
    }

    /** {@code ok} when every process measured; else the first other one's status, process and reason. */
    private static String status(List<LoadResult> processes) {
        for (LoadResult r : processes) {
            if (!LoadReportReader.hasFigures(r)) {
                return r.status() + " (process " + r.process() + " of " + processes.size() + ")"
                        + (r.why().isEmpty() ? "" : ": " + r.why().get(0));
            }
        }
        return "ok";
    }
}
