package dev.concur.report;

import dev.concur.result.LoadReport.LoadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The terminal tables of {@code concur load}: one table per experiment, one row per model and
 * connection count, each figure the mean over the server processes with its range where there is
 * more than one. Failed, invalid and skipped processes are listed under the table with the reason.
 */
public final class LoadTable {
    private LoadTable() {}

    public static String render(List<LoadResult> results, String sharing) {
        StringBuilder sb = new StringBuilder();
        for (String e : List.of("hold", "wait", "rate", "cpu", "wrk", "hostile")) {
            List<LoadResult> rs = results.stream().filter(r -> r.experiment().equals(e)).toList();
            if (rs.isEmpty()) continue;
            sb.append('\n').append(title(e)).append('\n');
            Map<String, List<LoadResult>> groups = new LinkedHashMap<>();
            for (LoadResult r : rs) groups.computeIfAbsent(r.model() + "@" + r.connections(), k -> new ArrayList<>()).add(r);
            List<String[]> rows = new ArrayList<>();
            rows.add(header(e));
            List<String> notes = new ArrayList<>();
            for (List<LoadResult> g : groups.values()) {
                List<LoadResult> ok = g.stream().filter(r -> List.of("ok", "degraded", "disagree").contains(r.status())).toList();
                for (LoadResult r : g) {
                    if (!r.status().equals("ok")) notes.add(r.model() + " (process " + r.process() + ", " + r.status() + "): "
                            + String.join("; ", r.why()));
                }
                if (e.equals("hostile")) {
                    for (LoadResult r : g) {
                        if (r.hostile() == null) continue;
                        for (var h : r.hostile()) rows.add(new String[] {r.model() + " #" + r.process(), h.client(), h.outcome()});
                    }
                    continue;
                }
                if (ok.isEmpty()) continue;
                rows.add(row(e, g.get(0), ok));
            }
            sb.append(TextGrid.of(rows));
            for (String n : notes) sb.append("  ! ").append(n).append('\n');
        }
        sb.append("\n").append(sharing).append(". Figures are means over server processes [min–max].\n");
        return sb.toString();
    }

    private static String title(String e) {
        return switch (e) {
            case "hold" -> "HOLD: idle keep-alive connections, one request each; a probe at 100 req/s beside them (latency from intended start)";
            case "wait" -> "WAIT: every request waits in the handler; closed loop (latency from send)";
            case "rate" -> "RATE: open loop at a fixed rate (latency from each request's intended start)";
            case "cpu" -> "CPU: every request computes in the handler; closed loop (latency from send)";
            case "wrk" -> "WRK: the wait load measured by concur, then by wrk, against the same server process";
            default -> "HOSTILE CLIENTS: what each saw, and whether ordinary requests were answered after it";
        };
    }

    private static String[] header(String e) {
        return switch (e) {
            case "hold" -> new String[] {"model", "connections", "memory/conn", "threads", "fds", "open all", "probe p50", "probe p99", "proc"};
            case "wait", "cpu" -> new String[] {"model", "connections", "answers/s", "ceiling", "of ceiling", "p50", "p99", "CPU/req", "proc"};
            case "wrk" -> new String[] {"model", "connections", "concur/s", "wrk/s", "concur/wrk", "concur p50", "wrk p50", "proc"};
            case "rate" -> new String[] {"model", "connections", "offered/s", "achieved/s", "p50", "p90", "p99", "p99.9", "max", "CPU/req", "proc"};
            default -> new String[] {"server", "client", "outcome"};
        };
    }

    private static String[] row(String e, LoadResult first, List<LoadResult> ok) {
        String conns = String.format(Locale.ROOT, "%,d", first.connections());
        String n = Integer.toString(ok.size());
        return switch (e) {
            case "hold" -> new String[] {first.model(), conns,
                    range(ok, r -> r.perRequest().memoryBytes(), LoadTable::bytes),
                    mean(ok, r -> r.server().threadsAfter(), v -> String.format(Locale.ROOT, "%,.0f", v)),
                    mean(ok, r -> r.server().fdsAfter(), v -> String.format(Locale.ROOT, "%,.0f", v)),
                    mean(ok, r -> r.perRequest().openSeconds(), v -> String.format(Locale.ROOT, "%.2f s", v)),
                    mean(ok, r -> r.latency() == null ? null : r.latency().p50(), LoadTable::micros),
                    range(ok, r -> r.latency() == null ? null : r.latency().p99(), LoadTable::micros), n};
            case "wait", "cpu" -> new String[] {first.model(), conns,
                    range(ok, LoadResult::achievedRate, v -> String.format(Locale.ROOT, "%,.0f", v)),
                    first.ceiling() == null ? "–" : String.format(Locale.ROOT, "%,.0f (%s)", first.ceiling().rate(), first.ceiling().why()),
                    first.ceiling() == null ? "–" : mean(ok, r -> r.achievedRate() / r.ceiling().rate(), v -> String.format(Locale.ROOT, "%.0f %%", 100 * v)),
                    mean(ok, r -> r.latency() == null ? null : r.latency().p50(), LoadTable::micros),
                    range(ok, r -> r.latency() == null ? null : r.latency().p99(), LoadTable::micros),
                    mean(ok, r -> r.perRequest().cpuMicros(), LoadTable::micros), n};
            case "wrk" -> new String[] {first.model(), conns,
                    range(ok, LoadResult::achievedRate, v -> String.format(Locale.ROOT, "%,.0f", v)),
                    range(ok, r -> r.crossCheck().rate(), v -> String.format(Locale.ROOT, "%,.0f", v)),
                    range(ok, r -> r.crossCheck().ratio(), v -> String.format(Locale.ROOT, "%.3f", v)),
                    mean(ok, r -> r.latency() == null ? null : r.latency().p50(), LoadTable::micros),
                    mean(ok, r -> r.crossCheck().p50Micros(), LoadTable::micros), n};
            default -> new String[] {first.model(), conns,
                    mean(ok, LoadResult::offeredRate, v -> String.format(Locale.ROOT, "%,.0f", v)),
                    range(ok, LoadResult::achievedRate, v -> String.format(Locale.ROOT, "%,.0f", v)),
                    mean(ok, r -> r.latency() == null ? null : r.latency().p50(), LoadTable::micros),
                    mean(ok, r -> r.latency() == null ? null : r.latency().p90(), LoadTable::micros),
                    range(ok, r -> r.latency() == null ? null : r.latency().p99(), LoadTable::micros),
                    mean(ok, r -> r.latency() == null ? null : r.latency().p999(), LoadTable::micros),
                    mean(ok, r -> r.latency() == null ? null : r.latency().max(), LoadTable::micros),
                    mean(ok, r -> r.perRequest().cpuMicros(), LoadTable::micros), n};
        };
    }

    private static String mean(List<LoadResult> rs, Function<LoadResult, Number> f, Function<Double, String> fmt) {
        List<Double> v = values(rs, f);
        return v.isEmpty() ? "–" : fmt.apply(v.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    private static String range(List<LoadResult> rs, Function<LoadResult, Number> f, Function<Double, String> fmt) {
        List<Double> v = values(rs, f);
        if (v.isEmpty()) return "–";
        ToDoubleFunction<Double> id = Double::doubleValue;
        String m = fmt.apply(v.stream().mapToDouble(id).average().orElseThrow());
        if (v.size() < 2) return m;
        return m + " [" + fmt.apply(v.stream().mapToDouble(id).min().orElseThrow()) + "–"
                + fmt.apply(v.stream().mapToDouble(id).max().orElseThrow()) + "]";
    }

    private static List<Double> values(List<LoadResult> rs, Function<LoadResult, Number> f) {
        List<Double> v = new ArrayList<>();
        for (LoadResult r : rs) {
            Number x = f.apply(r);
            if (x != null) v.add(x.doubleValue());
        }
        return v;
    }

    /** Microseconds as µs, ms or s, three figures. */
    public static String micros(double us) {
        if (us < 1000) return String.format(Locale.ROOT, "%.0f µs", us);
        if (us < 1_000_000) return String.format(Locale.ROOT, "%.3g ms", us / 1000);
        return String.format(Locale.ROOT, "%.3g s", us / 1e6);
    }

    public static String bytes(double b) {
        if (Math.abs(b) < 10_000) return String.format(Locale.ROOT, "%,.0f B", b);
        if (Math.abs(b) < 10_000_000) return String.format(Locale.ROOT, "%,.1f KB", b / 1024);
        return String.format(Locale.ROOT, "%,.1f MB", b / 1024 / 1024);
    }

    /** Left-aligned columns, two spaces apart. */
    static final class TextGrid {
        static String of(List<String[]> rows) {
            int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
            int[] w = new int[cols];
            for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder(" ");
                for (int i = 0; i < r.length; i++) line.append(' ').append(r[i]).append(" ".repeat(w[i] - r[i].length() + 1));
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            return sb.toString();
        }
    }
}
