package dev.concur.lecture;

import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.Report;
import dev.concur.result.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lecture's measurements, by experiment: a result by model, workload and cores, and where a
 * peer could not run here, its JVM counterpart labelled as a stand-in; and the {@code concur load}
 * reports, each server process's result by model and connections. How two results compare is
 * {@link Judge}'s business, in one place.
 */
public final class Evidence {
    /** The JVM model that stands in for a peer that could not run here. */
    static final Map<String, String> COUNTERPART = Map.ofEntries(
            Map.entry("go-goroutine", "virtual"), Map.entry("go-pool", "platform"), Map.entry("go-sequential", "sequential"),
            Map.entry("python-sequential", "sequential"), Map.entry("python-asyncio", "eventloop"),
            Map.entry("python-threading", "platform"), Map.entry("python-multiprocessing", "forkjoin"),
            Map.entry("python-joblib", "forkjoin"), Map.entry("python-dask", "forkjoin"),
            Map.entry("python-twisted", "eventloop"), Map.entry("python-celery", "platform"),
            Map.entry("node-sequential", "sequential"), Map.entry("node-eventloop", "eventloop"),
            Map.entry("node-workers", "forkjoin"), Map.entry("node-rxjs", "reactive"));

    /** A pick's {@code missing} when the model has no result at all. */
    static final String NOT_RUN = "not run";

    private final Map<String, Report> reports;
    private final Map<String, LoadReport> loads;

    /** The JVM model that stands in for {@code peer}, or {@code null}. */
    public static String counterpart(String peer) {
        return COUNTERPART.get(peer);
    }

    public Evidence(Map<String, Report> reports) {
        this(reports, Map.of());
    }

    public Evidence(Map<String, Report> reports, Map<String, LoadReport> loads) {
        this.reports = new LinkedHashMap<>(reports);
        this.loads = new LinkedHashMap<>(loads);
    }

    public Map<String, Report> reports() {
        return reports;
    }

    public Map<String, LoadReport> loads() {
        return loads;
    }

    /** Every result of load experiment {@code exp} (all models, connections and processes); empty when it did not run. */
    public List<LoadResult> load(String exp) {
        LoadReport r = loads.get(exp);
        return r == null || r.results() == null ? List.of() : r.results();
    }

    /** Each server process's result of {@code model} at {@code connections} in load experiment {@code exp}, in process order. */
    public List<LoadResult> load(String exp, String model, int connections) {
        return load(exp).stream().filter(r -> r.model().equals(model) && r.connections() == connections).toList();
    }

    /** The result of {@code model} on {@code workload} at {@code cores} in experiment {@code exp}, or {@code null}. */
    public Result get(String exp, String model, String workload, Integer cores) {
        Report r = reports.get(exp);
        if (r == null) return null;
        Result found = null;
        for (Result x : r.results()) {
            if (x.model().equals(model) && x.workload().equals(workload) && Objects.equals(x.cores(), cores)) found = x;
        }
        return found;
    }

    /**
     * A model's result, or, where a peer could not run here, its JVM counterpart's, labelled as such.
     *
     * @param model   what the claim is about
     * @param result  the result used (the model's or the stand-in's), {@code null} when neither ran
     * @param standIn the JVM model used instead, or {@code null}
     * @param missing why the model itself has no result, or {@code null}
     */
    public record Pick(String model, Result result, String standIn, String missing) {
        public boolean ok() {
            return result != null && result.ok();
        }

        /** "go-goroutine", or "virtual (for go-goroutine)" in the deck's words. */
        public String label(Text t) {
            return standIn == null ? model : t.get("standin.label", standIn, model);
        }
    }

    public Pick pick(String exp, String model, String workload, Integer cores) {
        Result r = get(exp, model, workload, cores);
        if (r != null && r.ok()) return new Pick(model, r, null, null);
        String why = r == null ? NOT_RUN : r.note() == null ? r.status() : r.note().lines().findFirst().orElse(r.status());
        // a stand-in only for a model that could not run here (not run, or skipped: its runtime is
        // missing); one that ran and failed, timed out or was invalid is reported as such
        String counterpart = COUNTERPART.get(model);
        boolean couldNotRun = r == null || Result.SKIPPED.equals(r.status());
        if (counterpart != null && couldNotRun) {
            Result c = get(exp, counterpart, workload, cores);
            if (c != null && c.ok()) return new Pick(model, c, counterpart, why);
        }
        return new Pick(model, r, null, why);
    }

    /**
     * The same model at two core counts, both its own results or both its stand-in's: a speedup
     * is never computed between a peer on one side and its JVM counterpart on the other.
     */
    public Pick[] pickPair(String exp, String model, String workload, Integer cores1, Integer cores2) {
        Pick a = pick(exp, model, workload, cores1);
        Pick b = pick(exp, model, workload, cores2);
        if (Objects.equals(a.standIn(), b.standIn())) return new Pick[] {a, b};
        String counterpart = COUNTERPART.get(model);
        Result ca = get(exp, counterpart, workload, cores1);
        Result cb = get(exp, counterpart, workload, cores2);
        String why = a.standIn() != null ? a.missing() : b.missing();
        return new Pick[] {new Pick(model, ca, counterpart, why), new Pick(model, cb, counterpart, why)};
    }

    /** The peak number of threads the model had alive in a batch, or {@code null} when not recorded. */
    public static Integer threads(Result r) {
        return r.usage() == null ? null : r.usage().peakLiveThreads();
    }

    /** Memory per task: the process's resident growth (every runtime), else the JVM heap's. */
    public static Double bytesPerTask(Result r) {
        return r.rssPerTaskBytes() != null ? r.rssPerTaskBytes() : r.memoryPerTaskBytes();
    }
}
