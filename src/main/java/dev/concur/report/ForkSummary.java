package dev.concur.report;

import dev.concur.result.ForkInfo;
import dev.concur.result.Report;
import dev.concur.result.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a report's forks say about how they ran, in one line each for the environment section: the
 * JVM forks' garbage collector, the peer programs' runtime settings, and what concur's own process
 * spent while the peers ran. Each is {@code null} when no fork recorded it (reports written before
 * concur recorded it, or runs without JVM forks or peers).
 */
public final class ForkSummary {
    private ForkSummary() {}

    private static List<ForkInfo> forks(Report r) {
        return r.results().stream().map(Result::forks).filter(Objects::nonNull).flatMap(List::stream).toList();
    }

    /** {@code G1}, or {@code G1 (4 forks), Serial (2 forks)} when they differ; {@code null} when none recorded one. */
    public static String collectors(Report r) {
        Map<String, Long> counts = forks(r).stream().map(ForkInfo::gc).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(g -> g, LinkedHashMap::new, Collectors.counting()));
        if (counts.isEmpty()) return null;
        if (counts.size() == 1) return counts.keySet().iterator().next();
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " forks)").collect(Collectors.joining(", "));
    }

    /**
     * Each peer runtime with the settings it reported, the values seen across its processes joined:
     * {@code go1.19.8 (GOGC=100, GOMAXPROCS=1|2)}; {@code null} when no peer ran.
     */
    public static String peerSettings(Report r) {
        Map<String, Map<String, TreeSet<String>>> byRuntime = new TreeMap<>();
        for (ForkInfo f : forks(r)) {
            if (f.jdkVersion() != null || f.runtime() == null) continue; // a JVM fork
            Map<String, TreeSet<String>> s = byRuntime.computeIfAbsent(f.runtime(), k -> new TreeMap<>());
            if (f.settings() != null) f.settings().forEach((k, v) -> s.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        if (byRuntime.isEmpty()) return null;
        return byRuntime.entrySet().stream().map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : " (" + e.getValue().entrySet()
                .stream().map(s -> s.getKey() + "=" + String.join("|", s.getValue())).collect(Collectors.joining(", ")) + ")"))
                .collect(Collectors.joining("; "));
    }

    /**
     * concur's own CPU while the peers ran, as a share of one core.
     *
     * @param batchPct    over every peer process's measured batches (what could slow a figure), or NaN
     *                    where no process recorded it
     * @param batchMaxPct the highest of one process's measured batches, or NaN
     * @param batchCpu    CPU seconds in those batches
     * @param batchWall   wall seconds of those batches
     * @param lifePct     over the processes' whole lives: spawn, start-up, warm-up and batches
     * @param lifeCpu     CPU seconds over the whole lives
     * @param lifeWall    wall seconds of the whole lives
     */
    public record Measurer(double batchPct, double batchMaxPct, double batchCpu, double batchWall,
                           double lifePct, double lifeCpu, double lifeWall) {
        public boolean hasBatches() {
            return !Double.isNaN(batchPct);
        }
    }

    /** concur's own CPU while the peers ran; {@code null} when no peer recorded it. */
    public static Measurer measurer(Report r) {
        double cpu = 0, wall = 0, bCpu = 0, bWall = 0, bMax = 0;
        boolean any = false, batches = false;
        for (ForkInfo f : forks(r)) {
            ForkInfo.MeasurerCpu m = f.measurer();
            if (m == null || m.sharePct() == null) continue;
            any = true;
            cpu += m.cpuSeconds();
            wall += m.wallSeconds();
            Double b = m.batchSharePct();
            if (b != null) {
                batches = true;
                bCpu += m.batchCpuSeconds();
                bWall += m.batchWallSeconds();
                bMax = Math.max(bMax, b);
            }
        }
        if (!any || wall <= 0) return null;
        return batches && bWall > 0
                ? new Measurer(100 * bCpu / bWall, bMax, bCpu, bWall, 100 * cpu / wall, cpu, wall)
                : new Measurer(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 100 * cpu / wall, cpu, wall);
    }
}
