package dev.concur.harness;

import dev.concur.model.Caps;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.model.ModelUsage;
import dev.concur.result.Efficiency;
import dev.concur.result.Environment;
import dev.concur.result.ForkInfo;
import dev.concur.result.Report;
import dev.concur.result.Result;
import dev.concur.result.RunConfig;
import dev.concur.result.Score;
import dev.concur.result.Summary;
import dev.concur.result.Usage;
import dev.concur.result.Validation;
import dev.concur.workload.Durations;
import dev.concur.workload.WorkloadRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs a list of benchmarks and turns each outcome into a {@link Result}: skips what would take
 * too long, checks validation, derives speedup and efficiency, and hands a fresh {@link Report}
 * to {@link Listener#reportUpdated} after every benchmark so nothing measured is ever lost.
 */
public final class BenchRun {

    /** Progress callbacks, in order: planned, then (started, finished) per spec, then done. */
    public interface Listener {
        default void planned(List<Spec> specs, double estimatedSeconds) {}

        default void started(int index, Spec spec, double estimatedSeconds) {}

        default void finished(int index, Result result) {}

        /** The report as it stands; write it now. */
        void reportUpdated(Report report);
    }

    private final BenchmarkRunner runner;
    private final Estimator estimator;
    private final Profile profile;
    private final long maxBatchNanos;
    private final LongSupplier nanoClock;

    public BenchRun(BenchmarkRunner runner, Estimator estimator, Profile profile, long maxBatchNanos,
                    LongSupplier nanoClock) {
        this.runner = runner;
        this.estimator = estimator;
        this.profile = profile;
        this.maxBatchNanos = maxBatchNanos;
        this.nanoClock = nanoClock;
    }

    public Report run(List<Spec> specs, Environment env, RunConfig config, Instant startedAt, Listener listener)
            throws InterruptedException {
        long t0 = nanoClock.getAsLong();
        double total = 0;
        for (Spec s : specs) {
            if (!skip(s)) total += estimator.benchmarkSeconds(s, profile);
        }
        listener.planned(specs, total);
        List<Result> results = new ArrayList<>();
        String timestamp = startedAt.toString();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            double est = estimator.batchMillis(spec);
            String key = spec.model() + "\u0000" + spec.workload();
            specByResult.put(key, spec);
            Result r;
            if (skip(spec)) {
                r = skipped(spec, est);
            } else {
                listener.started(i, spec, estimator.benchmarkSeconds(spec, profile));
                RunOutcome outcome = runner.run(spec, profile);
                cpuByResult.put(key, outcome.forks().stream()
                        .mapToDouble(ForkReport::cpuNanosPerTask).average().orElse(0));
                r = toResult(spec, est, outcome);
            }
            results.add(r);
            results = derive(results);
            listener.finished(i, results.get(results.size() - 1));
            boolean last = i == specs.size() - 1;
            listener.reportUpdated(report(timestamp, last ? "completed" : "running", env, config, results, t0));
        }
        if (specs.isEmpty()) listener.reportUpdated(report(timestamp, "completed", env, config, results, t0));
        return report(timestamp, "completed", env, config, results, t0);
    }

    private boolean skip(Spec spec) {
        return estimator.batchMillis(spec) * 1e6 > maxBatchNanos;
    }

    private Result skipped(Spec spec, double estMs) {
        String note = String.format(Locale.ROOT, "skipped: estimated %s per batch (%s) exceeds --max-batch %s",
                human(estMs), shape(spec), Durations.format(maxBatchNanos));
        return new Result(spec.model(), spec.workload(), Result.SKIPPED, note, estMs,
                null, null, null, null, null, null, List.of());
    }

    private static String shape(Spec spec) {
        var w = WorkloadRegistry.get(spec.workload());
        String what = w.usesLatency() ? spec.params().tasks() + " tasks x " + Durations.format(spec.params().latencyNanos())
                : spec.params().tasks() + " tasks";
        Caps caps = ModelRegistry.create(spec.model()).caps(new ModelSettings(spec.threads(), 1), spec.params().tasks());
        return what + ", " + caps.waiting() + " at a time";
    }

    static String human(double ms) {
        if (ms >= 60_000) return String.format(Locale.ROOT, "%.0f min", ms / 60_000);
        if (ms >= 1_000) return String.format(Locale.ROOT, "%.0f s", ms / 1_000);
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }

    Result toResult(Spec spec, double estMs, RunOutcome out) {
        List<ForkReport> forks = out.forks();
        List<ForkInfo> forkInfos = forks.stream().map(ForkReport::fork).toList();
        Validation v = validation(forks);
        Usage usage = usage(forks);
        if (out.failure() != null) {
            return new Result(spec.model(), spec.workload(), Result.FAILED, "failed: " + out.failure(), estMs,
                    null, null, null, null, v, usage, forkInfos);
        }
        if (!"valid".equals(v.outcome())) {
            String why = v.firstMismatch() != null ? v.firstMismatch() : "no fork reported its validation";
            return new Result(spec.model(), spec.workload(), Result.INVALID, "invalid: " + why, estMs,
                    null, null, null, null, v, usage, forkInfos);
        }
        double score = out.score();
        Double errPct = out.error() == null ? null : 100 * out.error() / score;
        Score s = new Score(score, out.error(), errPct, 0.999, "ms", out.samples(), out.batchesMeasured());
        double tput = spec.params().tasks() / (score / 1000.0);
        return new Result(spec.model(), spec.workload(), Result.OK, out.error() == null
                ? "no confidence interval: JMH needs at least 3 measured iterations" : null, estMs,
                s, tput, null, null, v, usage, forkInfos);
    }

    private static Validation validation(List<ForkReport> forks) {
        if (forks.isEmpty()) return new Validation("unknown", 0, 0, 0, null, null);
        long batches = 0, valid = 0;
        String mismatch = null;
        for (ForkReport f : forks) {
            batches += f.batches();
            valid += f.validBatches();
            if (mismatch == null) mismatch = f.firstMismatch();
        }
        ForkReport first = forks.get(0);
        String outcome = batches > 0 && valid == batches ? "valid" : batches == 0 ? "unknown" : "invalid";
        return new Validation(outcome, batches, valid, first.expectedTasks(), first.expectedChecksum(), mismatch);
    }

    private static Usage usage(List<ForkReport> forks) {
        Integer pool = null;
        long started = 0, batches = 0;
        int peak = 0;
        boolean any = false;
        for (ForkReport f : forks) {
            ModelUsage u = f.usage();
            if (u == null) continue;
            any = true;
            pool = u.poolSize();
            started += u.threadsStarted();
            peak = Math.max(peak, u.peakLiveThreads());
            batches += f.batches();
        }
        if (!any) return null;
        return new Usage(pool, started, batches == 0 ? 0 : (double) started / batches, peak);
    }

    /** Recomputes speedup and efficiency of every result against the sequential ones present. */
    List<Result> derive(List<Result> in) {
        List<Result> out = new ArrayList<>(in.size());
        for (Result r : in) {
            if (!r.ok()) {
                out.add(r);
                continue;
            }
            Optional<Result> seq = in.stream()
                    .filter(o -> o.ok() && o.model().equals("sequential") && o.workload().equals(r.workload()))
                    .findFirst();
            Double speedup = seq.map(s -> s.batchTime().score() / r.batchTime().score()).orElse(null);
            out.add(r.withDerived(speedup, efficiency(r, seq.orElse(null))));
        }
        return out;
    }

    private Efficiency efficiency(Result r, Result seq) {
        Spec spec = specOf(r);
        var w = WorkloadRegistry.get(r.workload());
        double latencyMs = w.usesLatency() ? spec.params().latencyNanos() / 1e6 : 0;
        int n = spec.params().tasks();
        int cores = r.forks().isEmpty() ? Runtime.getRuntime().availableProcessors()
                : r.forks().get(0).availableProcessors();
        Caps caps = ModelRegistry.create(r.model()).caps(new ModelSettings(spec.threads(), cores), n);
        double cpuMs;
        String basis;
        if (seq != null && w.usesWork()) {
            cpuMs = Math.max(0, seq.batchTime().score() / n - latencyMs);
            basis = "sequential run";
        } else {
            cpuMs = meanCpuNanos(r) / 1e6;
            basis = "reference timing";
        }
        double idealMs = Ideal.batchNanos(n, latencyMs * 1e6, cpuMs * 1e6, caps) / 1e6;
        return new Efficiency(idealMs, idealMs / r.batchTime().score(), caps.waiting(), caps.computing(),
                cpuMs, basis, Ideal.explain(n, latencyMs, cpuMs, caps));
    }

    private double meanCpuNanos(Result r) {
        return cpuByResult.getOrDefault(key(r), 0.0);
    }

    // The spec and the fork-measured CPU time are not part of the Result record; keep them here.
    private final java.util.Map<String, Spec> specByResult = new java.util.HashMap<>();
    private final java.util.Map<String, Double> cpuByResult = new java.util.HashMap<>();

    private static String key(Result r) {
        return r.model() + "\u0000" + r.workload();
    }

    private Spec specOf(Result r) {
        return specByResult.get(key(r));
    }

    private Report report(String timestamp, String termination, Environment env, RunConfig config,
                          List<Result> results, long t0) {
        int ok = 0, invalid = 0, skipped = 0, failed = 0;
        List<Double> errs = new ArrayList<>();
        for (Result r : results) {
            switch (r.status()) {
                case Result.OK -> {
                    ok++;
                    if (r.batchTime().errorPct() != null) errs.add(r.batchTime().errorPct());
                }
                case Result.INVALID -> invalid++;
                case Result.SKIPPED -> skipped++;
                default -> failed++;
            }
        }
        Double median = errs.isEmpty() ? null : median(errs);
        double wall = (nanoClock.getAsLong() - t0) / 1e9;
        return new Report(Report.SCHEMA_VERSION, Version.get(), timestamp, termination, env, config,
                List.copyOf(results), new Summary(ok, invalid, skipped, failed, median, wall));
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
}
