package dev.concur.lecture;

import dev.concur.result.Alive;
import dev.concur.result.Params;
import dev.concur.result.Percentiles;
import dev.concur.result.Race;
import dev.concur.result.Report;
import dev.concur.result.Result;
import dev.concur.result.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made results for the claims' rules: per-process batch times, counts, lags and races. */
final class Fixture {
    private Fixture() {}

    /** Three process means around {@code ms}, ±{@code spreadPct} per cent. */
    static double[] around(double ms, double spreadPct) {
        return new double[] {ms * (1 - spreadPct / 100), ms, ms * (1 + spreadPct / 100)};
    }

    static Params params(int tasks, Double latencyMs, int threads) {
        return new Params(tasks, latencyMs, 100_000L, threads, "quick", 3, 2, 100, 5, 100, null, null, null, null, null, null,
                null, null);
    }

    static Score score(double... processMeans) {
        List<List<Double>> perFork = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        double sum = 0;
        for (double m : processMeans) {
            perFork.add(List.of(m));
            all.add(m);
            sum += m;
        }
        double mean = sum / processMeans.length;
        double min = all.stream().mapToDouble(d -> d).min().orElse(mean);
        double max = all.stream().mapToDouble(d -> d).max().orElse(mean);
        return new Score(mean, null, null, 0.999, "ms", all, processMeans.length, Score.RANGE, min, max, perFork, "fixed forks");
    }

    /** A builder for one result. */
    static final class R {
        final String model;
        final String workload;
        Integer cores;
        Params params = Fixture.params(40, null, 200);
        Percentiles taskLatency;
        Percentiles loopLag;
        Double rss;
        Alive alive;
        Race race;
        Integer threads;
        dev.concur.result.Timeline trace;

        R(String model, String workload) {
            this.model = model;
            this.workload = workload;
        }

        R cores(int c) {
            this.cores = c;
            return this;
        }

        R params(int tasks, Double latencyMs, int poolThreads) {
            this.params = Fixture.params(tasks, latencyMs, poolThreads);
            return this;
        }

        R lag(double p99) {
            this.loopLag = new Percentiles(100, p99 / 2, p99, p99, p99 * 1.5);
            return this;
        }

        R taskDone(double p50) {
            this.taskLatency = new Percentiles(100, p50, p50 * 1.5, p50 * 1.9, p50 * 2);
            return this;
        }

        R alive(long peak, double stackInuse) {
            this.alive = new Alive(params.tasks(), peak, List.of(peak, peak, peak), Map.of("stackInuse", stackInuse));
            return this;
        }

        /** Each process's peak of tasks alive at once, counted by the runtime (no memory figures). */
        R alivePerFork(long... peaks) {
            List<Long> each = java.util.Arrays.stream(peaks).boxed().toList();
            this.alive = new Alive(params.tasks(), java.util.Collections.min(each), each, Map.of());
            return this;
        }

        Double cpuPerTask;

        /** The process's CPU time per task over the measured batches, in ns. */
        R cpu(double nanosPerTask) {
            this.cpuPerTask = nanosPerTask;
            return this;
        }

        R rss(double bytesPerTask) {
            this.rss = bytesPerTask;
            return this;
        }

        R race(double lostMean, long syncLost) {
            this.race = new Race(200_000, 5, Math.round(lostMean), Math.round(lostMean), lostMean, syncLost);
            return this;
        }

        R trace(dev.concur.result.Timeline t) {
            this.trace = t;
            return this;
        }

        /** Each process's hand-over time (median ms), its batch time being the matching process mean. */
        List<Double> submitMs;

        R handedOver(double... perProcessMs) {
            this.submitMs = new ArrayList<>();
            for (double ms : perProcessMs) submitMs.add(ms);
            return this;
        }

        R threads(int n) {
            this.threads = n;
            return this;
        }

        Result ok(double... processMeans) {
            var b = Result.of(model, workload, cores, params, 1).alive(alive).race(race).trace(trace).cpuPerTask(cpuPerTask);
            if (threads != null) b.usage(new dev.concur.result.Usage(null, threads, threads, threads));
            if (submitMs != null) {
                List<dev.concur.result.ForkInfo> forks = new ArrayList<>();
                for (int i = 0; i < processMeans.length; i++) {
                    forks.add(new dev.concur.result.ForkInfo(100 + i, List.of("python3"), null, "Python 3.11.2", 2, "0-1", null, null,
                            null, new dev.concur.result.ForkInfo.Dispatch(5, submitMs.get(i), processMeans[i])));
                }
                b.forks(forks);
            }
            return b.ok(score(processMeans), null, taskLatency, loopLag, rss, null);
        }

        Result failed(String why) {
            return Result.of(model, workload, cores, params, 1).failed(why);
        }

        Result timeout() {
            return Result.of(model, workload, cores, params, 1).timeout("timeout: the batch passed its deadline", null);
        }
    }

    static R r(String model, String workload) {
        return new R(model, workload);
    }

    /** Reports by experiment: {@code exp(id, results...)} pairs joined. */
    static Evidence evidence(Map<String, List<Result>> byExp) {
        Map<String, Report> reports = new LinkedHashMap<>();
        byExp.forEach((id, results) -> reports.put(id, new Report(Report.SCHEMA_VERSION, "test", "2026-01-01T00:00:00Z",
                "completed", dev.concur.cli.CliFixture.environment(), null, results, null, null)));
        return new Evidence(reports);
    }

    static Map<String, List<Result>> exp(String id, Result... results) {
        Map<String, List<Result>> m = new LinkedHashMap<>();
        m.put(id, List.of(results));
        return m;
    }

    @SafeVarargs
    static Evidence evidence(Map<String, List<Result>>... parts) {
        Map<String, List<Result>> all = new LinkedHashMap<>();
        for (var p : parts) all.putAll(p);
        return evidence(all);
    }
}
