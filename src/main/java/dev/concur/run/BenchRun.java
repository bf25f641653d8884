package dev.concur.run;

import dev.concur.fork.ForkReport;
import dev.concur.input.Durations;
import dev.concur.model.ModelUsage;
import dev.concur.result.Alive;
import dev.concur.result.Efficiency;
import dev.concur.result.Environment;
import dev.concur.result.ForkInfo;
import dev.concur.result.Histograms;
import dev.concur.result.Report;
import dev.concur.result.Race;
import dev.concur.result.Result;
import dev.concur.result.RunConfig;
import dev.concur.result.Score;
import dev.concur.result.Summary;
import dev.concur.result.Usage;
import dev.concur.result.Validation;
import dev.concur.scaling.ScalingAnalysis;
import dev.concur.input.Values;
import dev.concur.result.Warmup;
import dev.concur.stats.Interval;
import dev.concur.stats.Stats;
import dev.concur.stats.SteadyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a plan's benchmarks and turns each outcome into a {@link Result}: skips what would take
 * too long or cannot run, checks validation and the fork's cores, derives speedup and efficiency,
 * and hands a fresh {@link Report} to {@link Listener#reportUpdated} after every benchmark so
 * nothing measured is ever lost.
 */
public final class BenchRun {

    /** Progress callbacks, in order: planned, then (started, finished) per benchmark. */
    public interface Listener {
        default void planned(List<Benchmark> benchmarks, double estimatedSeconds) {}

        default void started(int index, Benchmark benchmark, double estimatedSeconds) {}

        default void finished(int index, Result result) {}

        /** The report as it stands; write it now. */
        void reportUpdated(Report report);
    }

    /** A benchmark, its result, and the fork-measured CPU time per task (for efficiency). */
    private record Entry(Benchmark benchmark, Result result, double cpuNanosPerTask) {}

    private final BenchmarkRunner runner;
    private final Estimator estimator;
    private final LongSupplier nanoClock;
    private final Supplier<ResourceLimits> limits;

    public BenchRun(BenchmarkRunner runner, Estimator estimator, LongSupplier nanoClock, Supplier<ResourceLimits> limits) {
        this.runner = runner;
        this.estimator = estimator;
        this.nanoClock = nanoClock;
        this.limits = limits;
    }

    public Report run(List<Benchmark> benchmarks, Environment env, RunConfig config, Instant startedAt, Listener listener)
            throws InterruptedException {
        long t0 = nanoClock.getAsLong();
        // one estimate and one skip decision per benchmark, made before anything runs
        double[] est = new double[benchmarks.size()];
        String[] whySkip = new String[benchmarks.size()];
        double total = 0;
        for (int i = 0; i < benchmarks.size(); i++) {
            Benchmark b = benchmarks.get(i);
            est[i] = estimator.batchMillis(b);
            whySkip[i] = whySkip(b, est[i]);
            if (!overMaxBatch(b, est[i])) total += estimator.benchmarkSeconds(b);
        }
        listener.planned(benchmarks, total);
        List<Entry> entries = new ArrayList<>();
        List<Result> results = List.of();
        String timestamp = startedAt.toString();
        // Replace whatever file was at the output path at once: it must never pass for this run.
        listener.reportUpdated(report(timestamp, "running", env, config, List.of(), t0));
        for (int i = 0; i < benchmarks.size(); i++) {
            Benchmark b = benchmarks.get(i);
            if (whySkip[i] != null) {
                entries.add(new Entry(b, Result.skipped(b.model(), b.workloadName(), b.cores(), b.resultParams(null, 0),
                        est[i], whySkip[i]), 0));
            } else {
                listener.started(i, b, estimator.benchmarkSeconds(b));
                Measured m = measure(b, i, est[i]);
                double cpu = m.outcome().forks().stream().mapToDouble(ForkReport::cpuNanosPerTask).average().orElse(0);
                entries.add(new Entry(b, toResult(b, est[i], m.outcome(), m.stop()), cpu));
            }
            results = derive(entries);
            listener.finished(i, results.get(results.size() - 1));
            boolean last = i == benchmarks.size() - 1;
            listener.reportUpdated(report(timestamp, last ? "completed" : "running", env, config, results, t0));
        }
        Report done = report(timestamp, "completed", env, config, results, t0);
        if (benchmarks.isEmpty()) listener.reportUpdated(done);
        return done;
    }

    /**
     * {@code pct}, above {@code target}, with one decimal, or two where one would round it down to the
     * target: "±3.0 % after 2 forks, target ±3 %" read as if the target had been met.
     */
    static String abovePct(double pct, double target) {
        String one = String.format(Locale.ROOT, "%.1f", pct);
        return Double.parseDouble(one) > target ? one : String.format(Locale.ROOT, "%.2f", pct);
    }

    /** All forks of one benchmark, and why measuring stopped. */
    record Measured(RunOutcome outcome, String stop) {}

    /**
     * Runs forks of {@code b} one at a time until the 99.9 % interval of all their samples is within
     * the profile's target, or its fork or time cap is reached (or a fixed number of forks ran). A
     * failure, a timeout or an invalid batch ends it at once: more forks would not mend it. The
     * fork, not the iteration, is the unit that buys precision: iterations of one fork share its JIT
     * decisions and code layout.
     */
    Measured measure(Benchmark b, int index, double estMs) throws InterruptedException {
        var p = b.profile();
        long start = nanoClock.getAsLong();
        RunOutcome total = null;
        int iterations = firstIterations(p, estMs);
        for (int fork = 1; ; fork++) {
            Long left = b.timeoutNanos() == null ? null : b.timeoutNanos() - (nanoClock.getAsLong() - start);
            if (left != null && left <= 0) return new Measured(total, "time cap");
            RunOutcome round = runner.run(b, index, iterations, new Watchdog.Deadline(left, estMs * 1e6));
            total = total == null ? round : total.plus(round);
            if (round.failure() != null || round.timedOut() || !validation(round.forks()).outcome().equals("valid")) {
                return new Measured(total, null);
            }
            if (!p.adaptiveForks()) {
                if (fork >= p.maxForks()) return new Measured(total, "fixed forks");
                continue;
            }
            if (fork < p.minForks()) continue;
            Double pct = Interval.of(total.samples(), CONFIDENCE).halfWidthPct();
            if (pct != null && pct <= p.targetCiPct()) return new Measured(total, "target");
            if (fork >= p.maxForks()) return new Measured(total, "fork cap");
            if (nanoClock.getAsLong() - start >= p.measureCap().toNanos()) return new Measured(total, "time cap");
            iterations = nextIterations(total.samples(), p.targetCiPct(), p.iterations());
        }
    }

    /**
     * How many iterations the next fork should measure so that, at the variance seen so far, all
     * samples together meet {@code targetPct}: the smallest N with t(N−1) · s / (mean · √N) ≤ target,
     * minus the samples there are; at least 5 (a fork's own minimum), at most {@code perFork}.
     */
    static int nextIterations(java.util.List<Double> samples, double targetPct, int perFork) {
        int n = samples.size();
        double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double ss = samples.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double cv = n > 1 && mean > 0 ? Math.sqrt(ss / (n - 1)) / mean : 1;
        int max = perFork;
        for (int more = Interval.MIN_SAMPLES; more < max; more++) {
            int total = n + more;
            double t = new org.apache.commons.math3.distribution.TDistribution(null, total - 1)
                    .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            if (100 * t * cv / Math.sqrt(total) <= targetPct) return more;
        }
        return max;
    }

    /**
     * The first fork's measured iterations: the profile's, but fewer (not under 6) when the
     * estimated batch is long, so that one fork measures for about {@value #FIRST_FORK_MEASURE_MILLIS} ms:
     * a model whose batch takes a second is as steady per sample as one whose iteration averages
     * ten batches, and more forks, not more iterations, are what a noisy result needs. A fixed
     * number of forks keeps the profile's iterations.
     */
    static int firstIterations(dev.concur.input.Profile p, double estBatchMs) {
        if (!p.adaptiveForks()) return p.iterations();
        double perIteration = Math.max(p.iterationTime().toMillis(), estBatchMs);
        int fit = (int) Math.ceil(FIRST_FORK_MEASURE_MILLIS / perIteration);
        return Math.min(p.iterations(), Math.max(6, fit));
    }

    private static final double FIRST_FORK_MEASURE_MILLIS = 2500;

    /** The confidence level of every interval concur reports, as JMH's. */
    static final double CONFIDENCE = 0.999;

    /**
     * concur's own CPU while a peer runs, per cent of a core, above which the result says so: well
     * above what measuring costs (1-2.5 % of a core while measured batches run: the sampler, the main thread reading lines, the host JVM's JIT), well below what
     * walking every process on the machine cost (19-30 %).
     */
    static final double MEASURER_SHARE_PCT = 5;

    /**
     * Why the benchmark is not run, or {@code null}: its estimated batch exceeds --max-batch, its
     * model cannot hold the workload's parts at once, or its threads do not fit the process limits.
     */
    String whySkip(Benchmark b, double estMs) {
        if (b.peer() != null && !b.peer().supports(b.workloadName())) {
            return b.model() + " has no " + b.workloadName() + " workload (its program implements "
                    + String.join(", ", b.peer().workloads().stream().sorted().toList()) + ")";
        }
        String unavailable = runner.whyUnavailable(b);
        if (unavailable != null) return unavailable;
        // before the estimate: such a batch never ends, whatever the estimate says
        int parts = b.workload().taskCount(b.params());
        if (b.workload().needsAllAtOnce() && b.caps().waiting() < parts) {
            String what = parts == b.params().tasks() ? " tasks" : " parts"; // hold's tasks, the pipeline's parts
            return b.workloadName() + " needs its " + parts + what + " to run at once; " + b.model() + " runs "
                    + b.caps().waiting() + " at a time (it would deadlock)";
        }
        if (overMaxBatch(b, estMs)) {
            return String.format(Locale.ROOT, "estimated %s per batch (%s) exceeds --max-batch %s",
                    human(estMs), shape(b), Durations.format(b.maxBatchNanos()));
        }
        return limits.get().whyNot(b.caps().osThreads());
    }

    private static boolean overMaxBatch(Benchmark b, double estMs) {
        return estMs * 1e6 > b.maxBatchNanos();
    }

    /** "2000 tasks x 100ms, 1 at a time": the numbers the estimate used. */
    private static String shape(Benchmark b) {
        int n = b.params().tasks();
        String what = b.workload().usesLatency() ? n + " tasks x " + Durations.format(b.params().latencyNanos()) : n + " tasks";
        return what + ", " + b.caps().waiting() + " at a time";
    }

    static String human(double ms) {
        if (ms >= 60_000) return String.format(Locale.ROOT, "%.0f min", ms / 60_000);
        if (ms >= 1_000) return String.format(Locale.ROOT, "%.0f s", ms / 1_000);
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }

    Result toResult(Benchmark b, double estMs, RunOutcome out, String stop) {
        List<ForkReport> forks = out.forks();
        List<ForkInfo> forkInfos = forks.stream().map(ForkReport::fork).toList();
        Validation v = validation(forks);
        Warmup warmup = warmup(b, forks);
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        if (Boolean.FALSE.equals(warmup.steady()) && warmup.spreadPct() != null) {
            warnings.add(String.format(Locale.ROOT, "measured before steady state: the warm-up stopped at its cap (%s or %d batches) "
                    + "with the last %d batches within ±%.1f%% of their median, not ±%.0f%%", Durations.format(
                    b.profile().warmupCap().toNanos()), b.profile().warmupCapBatches(), SteadyState.WINDOW,
                    warmup.spreadPct(), SteadyState.TOLERANCE_PCT));
        } else if (Boolean.FALSE.equals(warmup.steady())) {
            warnings.add(String.format(Locale.ROOT, "steady state not judged: the warm-up reached its cap (%s) after %s batches, "
                    + "fewer than the %d the rule compares", Durations.format(b.profile().warmupCap().toNanos()),
                    warmup.batchesPerFork().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")),
                    SteadyState.WINDOW));
        }
        for (ForkInfo f : forkInfos) {
            ForkInfo.MeasurerCpu m = f.measurer();
            Double share = m == null ? null : m.judgedSharePct();
            if (share != null && share > MEASURER_SHARE_PCT) {
                boolean batches = m.batchSharePct() != null;
                warnings.add(String.format(Locale.ROOT, "concur's own process used %.1f%% of a core while %s's %s ran (%.2f s of CPU "
                        + "in %.1f s), more than %.0f%%: it took that from the cores the peer was measured on",
                        share, b.model(), batches ? "measured batches" : "process",
                        batches ? m.batchCpuSeconds() : m.cpuSeconds(), batches ? m.batchWallSeconds() : m.wallSeconds(),
                        MEASURER_SHARE_PCT));
                break;
            }
        }
        for (ForkReport f : forks) {
            if (f.leftoverThreads() != null && !f.leftoverThreads().isEmpty()) {
                warnings.add("warning: threads still running after teardown: " + String.join(", ", f.leftoverThreads()));
            }
        }
        int forksRun = Math.max(out.samplesPerFork().size(), forks.size());
        Result.Builder r = Result.of(b.model(), b.workloadName(), b.cores(), b.resultParams(out.pinnedCpus(), forksRun), estMs)
                .validation(v).usage(usage(forks)).forks(forkInfos).warmup(warmup)
                .race(Race.merge(forks.stream().map(ForkReport::race).toList()))
                .trace(forks.stream().map(ForkReport::trace).filter(Objects::nonNull).findFirst().orElse(null));
        Alive alive = alive(b, forks);
        r.alive(alive);
        if (out.timedOut()) {
            return r.warnings(List.copyOf(warnings))
                    .timeout(out.failure() + (out.threadDump() != null ? "; thread dump: " + out.threadDump() : ""), out.threadDump());
        }
        if (out.failure() != null) return r.warnings(List.copyOf(warnings)).failed(out.failure());
        String coreProblem = coreMismatch(b, out.pinnedCpus(), forkInfos);
        if (coreProblem != null) return r.warnings(List.copyOf(warnings)).invalid(coreProblem);
        String gcProblem = gcMismatch(b, forkInfos);
        if (gcProblem != null) return r.warnings(List.copyOf(warnings)).invalid(gcProblem);
        if (!"valid".equals(v.outcome())) {
            return r.warnings(List.copyOf(warnings)).invalid(v.firstMismatch() != null ? v.firstMismatch() : "no fork reported its validation");
        }
        List<Double> samples = out.samples();
        Interval ci = Interval.of(samples, CONFIDENCE);
        Score s = new Score(ci.mean(), ci.halfWidth(), ci.halfWidthPct(), CONFIDENCE, "ms", samples, out.batchesMeasured(),
                ci.method(), ci.min(), ci.max(), out.samplesPerFork(), stop);
        List<String> notes = new ArrayList<>();
        if (ci.halfWidth() == null) {
            notes.add(String.format(Locale.ROOT, "fewer than %d samples (%d): ±CI shows half their range (±%.1f%%), not a "
                    + "confidence interval", Interval.MIN_SAMPLES, ci.n(), ci.halfRangePct()));
        } else if (b.profile().adaptiveForks() && ci.halfWidthPct() > b.profile().targetCiPct()) {
            int measured = out.samplesPerFork().size();
            notes.add(String.format(Locale.ROOT, "precision target not reached: ±%s%% after %d fork%s (%s), target ±%s; "
                    + "the batch times of this model vary this much", abovePct(ci.halfWidthPct(), b.profile().targetCiPct()),
                    measured, measured == 1 ? "" : "s", stop, Values.formatPercent(b.profile().targetCiPct())));
        }
        notes.addAll(warnings);
        Double rssPerTask = Stats.median(forks.stream().map(ForkReport::rssPerTaskBytes).filter(Objects::nonNull).toList());
        Double heapPerTask = Stats.median(forks.stream().map(ForkReport::bytesPerTask).filter(Objects::nonNull).toList());
        if (alive != null && !alive.complete() && (rssPerTask != null || heapPerTask != null)) {
            // peak memory / N is a figure per task only if all N were alive at the peak
            rssPerTask = null;
            heapPerTask = null;
            if (alive.tasks() >= MEMORY_NOTE_MIN_TASKS) notes.add(notAllAlive(alive));
        }
        r.cpuPerTask(Stats.median(forks.stream().map(ForkReport::cpuPerTaskNanos).filter(Objects::nonNull).toList()));
        return r.warnings(List.copyOf(new LinkedHashSet<>(notes))).ok(s, notes.isEmpty() ? null : notes.get(0),
                Histograms.merge(forks.stream().map(ForkReport::taskLatency).toList()),
                Histograms.merge(forks.stream().map(ForkReport::loopLag).toList()),
                rssPerTask, heapPerTask);
    }

    /**
     * Below this many tasks no report shows memory per task (report.CellText.MEMORY_MIN_TASKS: a
     * batch's growth is then mostly the JVM's own noise), so a withheld figure needs no note there;
     * {@code alive} still says why it is {@code null}. Without this, every sequential, pool and
     * forkjoin result of the default matrix would carry a note about a figure nobody shows.
     */
    static final int MEMORY_NOTE_MIN_TASKS = 10_000;

    /** The note of a result whose memory per task is withheld; numbers as digits, for the reports to format. */
    static String notAllAlive(Alive a) {
        return "memory per task not reported: at most " + a.peak() + " of " + a.tasks() + " tasks were alive at once";
    }

    /**
     * Tasks alive at once, from every fork's (process's) count: the peak is the smallest fork's, as
     * every process's memory figure needs all N alive; the runtime's own figures are medians over
     * forks, by name. {@code null} when any fork did not count (a workload whose tasks are not the
     * unit, a runtime that does not count yet), so that today's figures stand where nothing says otherwise.
     */
    static Alive alive(Benchmark b, List<ForkReport> forks) {
        if (forks.isEmpty() || forks.stream().anyMatch(f -> f.peakAlive() == null)) return null;
        List<Long> perFork = forks.stream().map(ForkReport::peakAlive).toList();
        java.util.Map<String, List<Double>> byName = new java.util.TreeMap<>();
        for (ForkReport f : forks) {
            if (f.runtimeMemory() == null) continue;
            f.runtimeMemory().forEach((name, v) -> {
                if (v != null) byName.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
            });
        }
        java.util.Map<String, Double> runtime = new java.util.LinkedHashMap<>();
        byName.forEach((name, vs) -> runtime.put(name, Stats.median(vs)));
        return new Alive(b.params().tasks(), perFork.stream().mapToLong(Long::longValue).min().orElse(0),
                perFork, java.util.Collections.unmodifiableMap(runtime));
    }

    /** How the forks warmed up. */
    private static Warmup warmup(Benchmark b, List<ForkReport> forks) {
        if (!b.profile().adaptiveWarmup()) return new Warmup("fixed", null, List.of(), List.of(), null, null);
        List<Integer> batches = forks.stream().map(ForkReport::warmupBatches).toList();
        List<Long> millis = forks.stream().map(f -> f.warmupNanos() / 1_000_000).toList();
        Boolean steady = forks.isEmpty() || forks.stream().anyMatch(f -> f.steady() == null) ? null
                : forks.stream().allMatch(f -> f.steady());
        Double spread = forks.stream().map(ForkReport::spreadPct).filter(Objects::nonNull).max(Double::compare).orElse(null);
        return new Warmup("adaptive", SteadyState.rule(), batches, millis, steady, spread);
    }

    /**
     * Why a JVM fork did not run the collector it was started with, or {@code null} when it did (or
     * did not say: a fake runner, a fork of an older concur). A peer program has no JVM collector.
     */
    static String gcMismatch(Benchmark b, List<ForkInfo> forks) {
        if (b.peer() != null || b.gc() == null) return null;
        for (ForkInfo f : forks) {
            if (f.gc() != null && !f.gc().equals(b.gc().name())) {
                return "fork " + f.pid() + " ran the " + f.gc() + " collector, asked for " + b.gc().name();
            }
        }
        return null;
    }

    /** Why a fork did not run on the cores it was asked to, or {@code null} when it did. */
    static String coreMismatch(Benchmark b, String pinnedCpus, List<ForkInfo> forks) {
        if (b.cores() == null) return null;
        int k = b.cores();
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

    /**
     * Speedup and efficiency of every ok result: against the JVM's sequential result of the same
     * size and cores, and against its own runtime's sequential model (go-sequential, ...).
     */
    private static List<Result> derive(List<Entry> entries) {
        List<Result> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Result r = e.result();
            if (!r.ok()) {
                out.add(r);
                continue;
            }
            Result seq = sequential(entries, r, "sequential");
            Result own = sequential(entries, r, e.benchmark().runtimeSequential());
            Double speedup = seq == null ? null : seq.batchTime().score() / r.batchTime().score();
            Double runtimeSpeedup = own == null ? null : own.batchTime().score() / r.batchTime().score();
            out.add(r.withDerived(speedup, runtimeSpeedup, efficiency(e, own)));
        }
        return out;
    }

    private static Result sequential(List<Entry> entries, Result r, String model) {
        return entries.stream().map(Entry::result)
                .filter(o -> o.ok() && o.model().equals(model) && o.workload().equals(r.workload())
                        && Objects.equals(o.cores(), r.cores()) && o.params().sameSizeAs(r.params()))
                .findFirst().orElse(null);
    }

    private static Efficiency efficiency(Entry e, Result seq) {
        Result r = e.result();
        Benchmark b = e.benchmark();
        if (!b.workload().hasIdeal()) return null;
        double latencyMs = b.params().latencyNanos() / 1e6;
        int n = b.params().tasks();
        double cpuMs;
        String basis;
        if (seq != null && b.workload().usesWork()) {
            cpuMs = Math.max(0, seq.batchTime().score() / n - latencyMs);
            basis = "sequential run";
        } else if (b.peer() == null || !b.workload().usesWork()) {
            cpuMs = e.cpuNanosPerTask() / 1e6;
            basis = "reference timing";
        } else {
            return null; // a peer's CPU time per task is known only from its own runtime's sequential run
        }
        double idealMs = Ideal.batchNanos(n, latencyMs * 1e6, cpuMs * 1e6, b.caps()) / 1e6;
        return new Efficiency(idealMs, idealMs / r.batchTime().score(), b.caps().waiting(), b.caps().computing(),
                cpuMs, basis, Ideal.explain(n, latencyMs, cpuMs, b.caps()));
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
        double wall = (nanoClock.getAsLong() - t0) / 1e9;
        return new Report(Report.SCHEMA_VERSION, Version.get(), timestamp, termination, env, config,
                List.copyOf(results), ScalingAnalysis.analyse(results),
                new Summary(ok, invalid, skipped, failed, timeout, Stats.median(errs), wall));
    }
}
