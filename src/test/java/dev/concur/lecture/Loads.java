package dev.concur.lecture;

import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.run.load.LoadResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made concur load results for the server slides' rules: one result per server process. */
final class Loads {
    private Loads() {}

    /** hold at {@code n} connections: one process per memory figure (bytes per connection), each with {@code threads} threads. */
    static List<LoadResult> hold(String model, int n, int threads, double... memoryPerProcess) {
        List<LoadResult> out = new ArrayList<>();
        for (int p = 0; p < memoryPerProcess.length; p++) out.add(LoadResults.hold(model, p + 1, n, memoryPerProcess[p], threads));
        return out;
    }

    /** wait at {@code c} connections each waiting {@code waitMicros}: one process per answers-per-second figure. */
    static List<LoadResult> wait(String model, int c, long waitMicros, double ceiling, int threads, double... achievedPerProcess) {
        List<LoadResult> out = new ArrayList<>();
        for (int p = 0; p < achievedPerProcess.length; p++) {
            out.add(LoadResults.closed("wait", model, p + 1, c, waitMicros, ceiling, achievedPerProcess[p], threads));
        }
        return out;
    }

    /** The lecture's wait experiment: 1,000 connections, 1 s, a ceiling of 1,000 answers/s. */
    static List<LoadResult> wait(String model, int threads, double... achievedPerProcess) {
        return wait(model, Catalog.LOAD_CONNECTIONS, Catalog.LOAD_WAIT_MICROS, Catalog.LOAD_CONNECTIONS * 1e6 / Catalog.LOAD_WAIT_MICROS,
                threads, achievedPerProcess);
    }

    /** The lecture's hold experiment: 1,000 idle connections. */
    static List<LoadResult> hold(String model, int threads, double... memoryPerProcess) {
        return hold(model, Catalog.LOAD_CONNECTIONS, threads, memoryPerProcess);
    }

    /** A model that could not run here, as LoadRun records it: one skipped result. */
    static List<LoadResult> skipped(String experiment, String model, int c, String why) {
        return List.of(LoadResults.skipped(experiment, model, c, why));
    }

    /** One load experiment's report: the results joined. */
    @SafeVarargs
    static Map<String, List<LoadResult>> load(String id, List<LoadResult>... parts) {
        List<LoadResult> all = new ArrayList<>();
        for (var p : parts) all.addAll(p);
        Map<String, List<LoadResult>> m = new LinkedHashMap<>();
        m.put(id, all);
        return m;
    }

    /** Evidence of load reports only. */
    @SafeVarargs
    static Evidence evidence(Map<String, List<LoadResult>>... parts) {
        Map<String, LoadReport> loads = new LinkedHashMap<>();
        for (var p : parts) p.forEach((id, rs) -> loads.put(id, LoadResults.report(rs)));
        return new Evidence(Map.of(), loads);
    }
}
