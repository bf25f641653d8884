package dev.concur.result;

import java.util.List;

/**
 * The outcome of one (model, workload) benchmark. Only {@code ok} results carry numbers: an
 * {@code invalid} result's time is dropped, because a batch that lost or duplicated work is not
 * a fast batch.
 *
 * @param model                model name
 * @param workload             workload name
 * @param cores                core count k the fork was limited to ({@code --cores}), {@code null} when unlimited
 * @param params               the values this benchmark ran with
 * @param status               {@code ok}, {@code invalid} (validation failed), {@code skipped}
 *                             (estimated batch over --max-batch, or beyond the process limits),
 *                             {@code failed} (threw) or {@code timeout} (killed by the watchdog)
 * @param note                 why it is not {@code ok}, or {@code null}
 * @param estimatedBatchMs     concur's estimate before running (ideal time + start-up guesses)
 * @param batchTime            measured time per batch, {@code null} unless {@code ok}
 * @param throughputTasksPerSec tasks / batch time
 * @param speedupVsSequential  the JVM's sequential batch time / this batch time, when both are {@code ok}
 * @param speedupVsRuntimeSequential the same runtime's sequential model ({@code go-sequential}, ...) / this
 *                             batch time; for JVM models the same as speedupVsSequential
 * @param efficiency           ideal batch time / measured batch time
 * @param validation           what the batches were checked against, and the outcome
 * @param usage                the threads the model used
 * @param forks                what each JMH fork really ran with
 * @param warnings             things that did not invalidate the result but deserve a look,
 *                             e.g. threads still running after the model's teardown
 * @param threadDump           for a {@code timeout}: the file with the forks' thread dump
 * @param taskLatency          each task's completion time since its batch started (measured batches)
 * @param loopLag              for {@code eventloop} and the peers with a probe: how late its 5 ms probe timer fired (measured batches)
 * @param warmup               how the forks warmed up, and whether they reached steady state
 * @param rssPerTaskBytes      (peak resident memory of the measured process(es) during a batch − the idle
 *                             process's, read once before any batch)
 *                             / tasks, median over measured batches: the same measure for every model in
 *                             every runtime; see docs/methodology.md
 * @param memoryPerTaskBytes   (peak heap during a batch − heap at its start) / tasks, median over
 *                             measured batches and forks; see docs/methodology.md, "Latency, loop lag and memory"
 * @param race                 the race workload: updates lost per batch, unsynchronised and synchronised
 * @param trace                {@code --trace}: the timeline of one small batch (the first fork's)
 * @param alive                tasks alive at once (started, not finished), counted by the runtime; memory
 *                             per task is only reported when every task was alive at the peak, or {@code null}
 * @param cpuPerTaskNanos      CPU time the measuring process(es) used during the measured batches (every thread:
 *                             the runtime's own, GC and JIT, included) / their tasks, per process, median over
 *                             processes; see docs/methodology.md; {@code null} when not measured
 */
public record Result(String model, String workload, Integer cores, Params params, String status, String note, double estimatedBatchMs,
                     Score batchTime, Double throughputTasksPerSec, Double speedupVsSequential,
                     Double speedupVsRuntimeSequential, Efficiency efficiency, Validation validation, Usage usage, List<ForkInfo> forks,
                     List<String> warnings, String threadDump, Percentiles taskLatency, Percentiles loopLag,
                     Warmup warmup, Double rssPerTaskBytes, Double memoryPerTaskBytes, Race race, Timeline trace,
                     Alive alive, Double cpuPerTaskNanos) {

    public static final String OK = "ok";
    public static final String INVALID = "invalid";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String TIMEOUT = "timeout";

    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * Every note of this result, the headline ({@link #note}) first: a result can be both short of
     * its precision target and measured before steady state, and neither may hide the other.
     */
    public List<String> allNotes() {
        if (note == null) return List.of();
        return warnings != null && warnings.contains(note) ? warnings : List.of(note);
    }

    /** This result with its speedup and efficiency, derived once every result of the run is known. */
    public Result withDerived(Double speedup, Double runtimeSpeedup, Efficiency eff) {
        return new Result(model, workload, cores, params, status, note, estimatedBatchMs, batchTime,
                throughputTasksPerSec, speedup, runtimeSpeedup, eff, validation, usage, forks, warnings, threadDump,
                taskLatency, loopLag, warmup, rssPerTaskBytes, memoryPerTaskBytes, race, trace, alive, cpuPerTaskNanos);
    }

    /** A benchmark that was not run, and why. */
    public static Result skipped(String model, String workload, Integer cores, Params params, double estimatedBatchMs,
                                 String why) {
        return of(model, workload, cores, params, estimatedBatchMs).finish(SKIPPED, "skipped: " + why);
    }

    /** The start of a result for a benchmark that ran: what identifies it, then what its forks reported. */
    public static Builder of(String model, String workload, Integer cores, Params params, double estimatedBatchMs) {
        return new Builder(model, workload, cores, params, estimatedBatchMs);
    }

    /**
     * Names every field of a result that ran; ends with one of {@link #ok}, {@link #invalid},
     * {@link #failed} or {@link #timeout}, each of which sets only what that status carries.
     */
    public static final class Builder {
        private final String model;
        private final String workload;
        private final Integer cores;
        private final Params params;
        private final double estimatedBatchMs;
        private Validation validation;
        private Usage usage;
        private List<ForkInfo> forks = List.of();
        private List<String> warnings = List.of();
        private Warmup warmup;
        private Race race;
        private Timeline trace;
        private Alive alive;
        private Double cpuPerTaskNanos;

        private Builder(String model, String workload, Integer cores, Params params, double estimatedBatchMs) {
            this.model = model;
            this.workload = workload;
            this.cores = cores;
            this.params = params;
            this.estimatedBatchMs = estimatedBatchMs;
        }

        public Builder validation(Validation v) {
            this.validation = v;
            return this;
        }

        public Builder usage(Usage u) {
            this.usage = u;
            return this;
        }

        public Builder forks(List<ForkInfo> f) {
            this.forks = List.copyOf(f);
            return this;
        }

        public Builder warnings(List<String> w) {
            this.warnings = List.copyOf(w);
            return this;
        }

        public Builder warmup(Warmup w) {
            this.warmup = w;
            return this;
        }

        public Builder race(Race r) {
            this.race = r;
            return this;
        }

        public Builder alive(Alive a) {
            this.alive = a;
            return this;
        }

        /** CPU per task, kept on an {@code ok} result only (like every other figure). */
        public Builder cpuPerTask(Double nanos) {
            this.cpuPerTaskNanos = nanos;
            return this;
        }

        public Builder trace(Timeline t) {
            this.trace = t;
            return this;
        }

        /** Measured and valid: the only status with numbers. Throughput is tasks / score. */
        public Result ok(Score batchTime, String note, Percentiles taskLatency, Percentiles loopLag,
                         Double rssPerTaskBytes, Double memoryPerTaskBytes) {
            double tput = params.tasks() / (batchTime.score() / 1000.0);
            return new Result(model, workload, cores, params, OK, note, estimatedBatchMs, batchTime, tput, null, null, null,
                    validation, usage, forks, warnings, null, taskLatency, loopLag, warmup, rssPerTaskBytes, memoryPerTaskBytes,
                    race, trace, alive, cpuPerTaskNanos);
        }

        /** Lost, duplicated or wrong work (or the wrong cores): no time is kept. */
        public Result invalid(String why) {
            return finish(INVALID, "invalid: " + why);
        }

        /** A task or the model threw. */
        public Result failed(String why) {
            return finish(FAILED, "failed: " + why);
        }

        /** Killed by the watchdog; {@code threadDump} is where the forks' threads were saved, or null. */
        public Result timeout(String note, String threadDump) {
            return new Result(model, workload, cores, params, TIMEOUT, note, estimatedBatchMs, null, null, null, null, null,
                    validation, usage, forks, warnings, threadDump, null, null, warmup, null, null, race, trace, alive, null);
        }

        private Result finish(String status, String note) {
            return new Result(model, workload, cores, params, status, note, estimatedBatchMs, null, null, null, null, null,
                    validation, usage, forks, warnings, null, null, null, warmup, null, null, race, trace, alive, null);
        }
    }
}
