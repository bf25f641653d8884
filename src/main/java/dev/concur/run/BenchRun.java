package dev.concur.run;

import dev.concur.result.Histograms;
import dev.concur.fork.ForkReport;
import dev.concur.model.Caps;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.model.ModelUsage;
import dev.concur.result.Efficiency;
import dev.concur.result.Environment;
import dev.concur.result.ForkInfo;
import dev.concur.result.Params;
import dev.concur.result.Report;
import dev.concur.result.Result;
import dev.concur.result.RunConfig;
import dev.concur.result.Score;
import dev.concur.result.Summary;
import dev.concur.result.Usage;
import dev.concur.result.Validation;
import dev.concur.scaling.ScalingAnalysis;
import dev.concur.input.Durations;
import dev.concur.workload.WorkloadRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs a list of benchmarks and turns each outcome into a {@link Result}: skips what would take
 * too long, checks validation and the fork's cores, derives speedup and efficiency, and hands a
 * fresh {@link Report} to {@link Listener#reportUpdated} after every benchmark so nothing
 * measured is ever lost.
 */
public final class BenchRun {

    /** Progress callbacks, in order: planned, then (started, finished) per spec. */
    public interface Listener {
        default void planned(List<Spec> specs, double estimatedSeconds) {}

        default void started(int index, Spec spec, double estimatedSeconds) {}

        default void finished(int index, Result result) {}

        /** The report as it stands; write it now. */
        void reportUpdated(Report report);
    }

    /** A spec, its result, and the fork-measured CPU time per task (for efficiency). */
    private record Entry(Spec spec, Result result, double cpuNanosPerTask) {}

    private final BenchmarkRunner runner;
    private final Estimator estimator;
    private final LongSupplier nanoClock;
    private final java.util.function.Supplier<ResourceLimits> limits;

    public BenchRun(BenchmarkRunner runner, Estimator estimator, LongSupplier nanoClock,
                    java.util.function.Supplier<ResourceLimits> limits) {
        this.runner = runner;
        this.estimator = estimator;
        this.nanoClock = nanoClock;
        this.limits = limits;
    }

    public Report run(List<Spec> specs, Environment env, RunConfig config, Instant startedAt, Listener listener)
            throws InterruptedException {
        long t0 = nanoClock.getAsLong();
        double total = 0;
        for (Spec s : specs) {
            if (!overMaxBatch(s, estimator.batchMillis(s))) total += estimator.benchmarkSeconds(s);
        }
        listener.planned(specs, total);
        List<Entry> entries = new ArrayList<>();
        List<Result> results = List.of();
        String timestamp = startedAt.toString();
        // Replace whatever file was at the output path at once: it must never pass for this run.
        listener.reportUpdated(report(timestamp, "running", env, config, List.of(), t0));
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            double est = estimator.batchMillis(spec);
            String whySkip = whySkip(spec, est);
            if (whySkip != null) {
                entries.add(new Entry(spec, skipped(spec, est, whySkip), 0));
            } else {
                listener.started(i, spec, estimator.benchmarkSeconds(spec));
                long deadline = spec.timeoutNanos() != null ? spec.timeoutNanos() : Watchdog.defaultDeadlineNanos(spec, est);
                RunOutcome outcome = runner.run(spec, i, deadline);
                double cpu = outcome.forks().stream().mapToDouble(ForkReport::cpuNanosPerTask).average().orElse(0);
                entries.add(new Entry(spec, toResult(spec, est, outcome), cpu));
            }
            results = derive(entries);
            listener.finished(i, results.get(results.size() - 1));
            boolean last = i == specs.size() - 1;
            listener.reportUpdated(report(timestamp, last ? "completed" : "running", env, config, results, t0));
        }
        Report done = report(timestamp, "completed", env, config, results, t0);
        if (specs.isEmpty()) listener.reportUpdated(done);
        return done;
    }

    /**
     * Why the spec is not run, or {@code null}: its estimated batch exceeds --max-batch, its model
     * cannot hold the workload's parts at once, or its threads do not fit the process limits.
     */
    private String whySkip(Spec spec, double estMs) {
        if (overMaxBatch(spec, estMs)) {
            return String.format(Locale.ROOT, "estimated %s per batch (%s) exceeds --max-batch %s",
                    human(estMs), shape(spec), Durations.format(spec.maxBatchNanos()));
        }
        String why = tooFewAtOnce(spec);
        return why != null ? why : limits.get().whyNot(osThreads(spec));
    }

    /** Why the model cannot run the workload at all (a pipeline's parts must all run at once), or null. */
    private static String tooFewAtOnce(Spec spec) {
        int need = WorkloadRegistry.get(spec.workload()).minConcurrency(spec.params());
        int k = spec.cores() != null ? spec.cores() : Runtime.getRuntime().availableProcessors();
        int can = ModelRegistry.create(spec.model()).caps(new ModelSettings(spec.threads(), k), need).waiting();
        return can >= need ? null : spec.workload() + " needs its " + need + " parts to run at once; "
                + spec.model() + " runs " + can + " at a time (it would deadlock)";
    }

    /** The most platform threads the spec's model may start, at the spec's core count. */
    private int osThreads(Spec spec) {
        int k = spec.cores() != null ? spec.cores() : Runtime.getRuntime().availableProcessors();
        return ModelRegistry.create(spec.model()).caps(new ModelSettings(spec.threads(), k), spec.params().tasks()).osThreads();
    }

    private static boolean overMaxBatch(Spec spec, double estMs) {
        return estMs * 1e6 > spec.maxBatchNanos();
    }

    static Params params(Spec spec) {
        var w = WorkloadRegistry.get(spec.workload());
        Profile p = spec.profile();
        return new Params(spec.params().tasks(),
                w.usesLatency() ? spec.params().latencyNanos() / 1e6 : null,
                w.usesWork() ? spec.params().work() : null,
                spec.threads(), p.name(), p.forks(), p.warmupIterations(), p.warmupTime().toMillis(),
                p.iterations(), p.iterationTime().toMillis(), spec.cores() == null ? null : false, null,
                spec.timeoutNanos() == null ? null : spec.timeoutNanos() / 1_000_000, spec.run());
    }

    private static Result skipped(Spec spec, double estMs, String why) {
        return new Result(spec.model(), spec.workload(), spec.cores(), params(spec), Result.SKIPPED, "skipped: " + why,
                estMs, null, null, null, null, null, null, List.of(), List.of(), null, null, null, null);
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
        Params params = params(spec);
        if (out.pinnedCpus() != null) params = withPinned(params, out.pinnedCpus());
        List<String> warnings = new ArrayList<>();
        for (ForkReport f : forks) {
            if (f.leftoverThreads() != null && !f.leftoverThreads().isEmpty()) {
                warnings.add("threads still running after teardown: " + String.join(", ", f.leftoverThreads()));
            }
        }
        warnings = List.copyOf(new java.util.LinkedHashSet<>(warnings));
        if (out.timedOut()) {
            String note = out.failure() + (out.threadDump() != null ? "; thread dump: " + out.threadDump() : "");
            return new Result(spec.model(), spec.workload(), spec.cores(), params, Result.TIMEOUT, note, estMs,
                    null, null, null, null, v, usage, forkInfos, warnings, out.threadDump(), null, null, null);
        }
        if (out.failure() != null) {
            return new Result(spec.model(), spec.workload(), spec.cores(), params, Result.FAILED,
                    "failed: " + out.failure(), estMs, null, null, null, null, v, usage, forkInfos, warnings, null,
                    null, null, null);
        }
        String coreProblem = coreMismatch(spec, out.pinnedCpus(), forkInfos);
        if (!"valid".equals(v.outcome()) || coreProblem != null) {
            String why = coreProblem != null ? coreProblem
                    : v.firstMismatch() != null ? v.firstMismatch() : "no fork reported its validation";
            return new Result(spec.model(), spec.workload(), spec.cores(), params, Result.INVALID, "invalid: " + why,
                    estMs, null, null, null, null, v, usage, forkInfos, warnings, null, null, null, null);
        }
        double score = out.score();
        Double errPct = out.error() == null ? null : 100 * out.error() / score;
        Score s = new Score(score, out.error(), errPct, 0.999, "ms", out.samples(), out.batchesMeasured());
        double tput = spec.params().tasks() / (score / 1000.0);
        String note = out.error() == null ? "no confidence interval: JMH needs at least 3 measured iterations"
                : warnings.isEmpty() ? null : "warning: " + warnings.get(0);
        return new Result(spec.model(), spec.workload(), spec.cores(), params, Result.OK, note, estMs,
                s, tput, null, null, v, usage, forkInfos, warnings, null,
                Histograms.merge(forks.stream().map(ForkReport::taskLatency).toList()),
                Histograms.merge(forks.stream().map(ForkReport::loopLag).toList()),
                medianOf(forks.stream().map(ForkReport::bytesPerTask).filter(java.util.Objects::nonNull).toList()));
    }

    private static Params withPinned(Params p, String cpus) {
        return new Params(p.tasks(), p.latencyMs(), p.work(), p.threads(), p.profile(), p.forks(), p.warmupIterations(),
                p.warmupMillis(), p.measurementIterations(), p.iterationMillis(), true, cpus, p.timeoutMillis(), p.run());
    }

    /** Why a fork did not run on the cores it was asked to, or {@code null} when it did. */
    static String coreMismatch(Spec spec, String pinnedCpus, List<ForkInfo> forks) {
        if (spec.cores() == null) return null;
        int k = spec.cores();
        for (ForkInfo f : forks) {
            if (f.availableProcessors() != k) {
                return "fork " + f.pid() + " saw " + f.availableProcessors() + " processors, asked for " + k;
            }
            if (pinnedCpus != null) {
                List<Integer> got = Affinity.parseList(f.cpusAllowed());
                if (!got.equals(Affinity.parseList(pinnedCpus))) {
                    return "fork " + f.pid() + " ran on CPUs " + f.cpusAllowed() + ", asked for " + pinnedCpus;
                }
            }
        }
        return null;
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

    /** Speedup and efficiency of every ok result, against the sequential result of the same size and cores. */
    private List<Result> derive(List<Entry> entries) {
        List<Result> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Result r = e.result();
            if (!r.ok()) {
                out.add(r);
                continue;
            }
            Result seq = entries.stream().map(Entry::result)
                    .filter(o -> o.ok() && o.model().equals("sequential") && o.workload().equals(r.workload())
                            && Objects.equals(o.cores(), r.cores()) && o.params().sameSizeAs(r.params()))
                    .findFirst().orElse(null);
            Double speedup = seq == null ? null : seq.batchTime().score() / r.batchTime().score();
            out.add(r.withDerived(speedup, efficiency(e, seq)));
        }
        return out;
    }

    private static Efficiency efficiency(Entry e, Result seq) {
        Result r = e.result();
        Spec spec = e.spec();
        var w = WorkloadRegistry.get(r.workload());
        if (!w.hasIdeal()) return null;
        double latencyMs = w.usesLatency() ? spec.params().latencyNanos() / 1e6 : 0;
        int n = spec.params().tasks();
        int cores = spec.cores() != null ? spec.cores()
                : r.forks().isEmpty() ? Runtime.getRuntime().availableProcessors() : r.forks().get(0).availableProcessors();
        Caps caps = ModelRegistry.create(r.model()).caps(new ModelSettings(spec.threads(), cores), n);
        double cpuMs;
        String basis;
        if (seq != null && w.usesWork()) {
            cpuMs = Math.max(0, seq.batchTime().score() / n - latencyMs);
            basis = "sequential run";
        } else {
            cpuMs = e.cpuNanosPerTask() / 1e6;
            basis = "reference timing";
        }
        double idealMs = Ideal.batchNanos(n, latencyMs * 1e6, cpuMs * 1e6, caps) / 1e6;
        return new Efficiency(idealMs, idealMs / r.batchTime().score(), caps.waiting(), caps.computing(),
                cpuMs, basis, Ideal.explain(n, latencyMs, cpuMs, caps));
    }

    private Report report(String timestamp, String termination, Environment env, RunConfig config,
                          List<Result> results, long t0) {
        int ok = 0, invalid = 0, skipped = 0, failed = 0, timeout = 0;
        List<Double> errs = new ArrayList<>();
        for (Result r : results) {
            switch (r.status()) {
                case Result.OK -> {
                    ok++;
                    if (r.batchTime().errorPct() != null) errs.add(r.batchTime().errorPct());
                }
                case Result.INVALID -> invalid++;
                case Result.SKIPPED -> skipped++;
                case Result.TIMEOUT -> timeout++;
                default -> failed++;
            }
        }
        Double median = errs.isEmpty() ? null : median(errs);
        double wall = (nanoClock.getAsLong() - t0) / 1e9;
        return new Report(Report.SCHEMA_VERSION, Version.get(), timestamp, termination, env, config,
                List.copyOf(results), ScalingAnalysis.analyse(results),
                new Summary(ok, invalid, skipped, failed, timeout, median, wall));
    }

    /** The median, or {@code null} for no values. */
    static Double medianOf(List<Double> xs) {
        return xs.isEmpty() ? null : median(xs);
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
}
