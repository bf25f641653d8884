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
 * @param speedupVsSequential  sequential batch time / this batch time, when both are {@code ok}
 * @param efficiency           ideal batch time / measured batch time
 * @param validation           what the batches were checked against, and the outcome
 * @param usage                the threads the model used
 * @param forks                what each JMH fork really ran with
 * @param warnings             things that did not invalidate the result but deserve a look,
 *                             e.g. threads still running after the model's teardown
 * @param threadDump           for a {@code timeout}: the file with the forks' thread dump
 * @param taskLatency          each task's completion time since its batch started (measured batches)
 * @param loopLag              for {@code eventloop}: how late its 5 ms probe timer fired (measured batches)
 * @param memoryPerTaskBytes   (peak heap during a batch − heap at its start) / tasks, median over
 *                             measured batches and forks; see README, "Memory per task"
 */
public record Result(String model, String workload, Integer cores, Params params, String status, String note, double estimatedBatchMs,
                     Score batchTime, Double throughputTasksPerSec, Double speedupVsSequential,
                     Efficiency efficiency, Validation validation, Usage usage, List<ForkInfo> forks,
                     List<String> warnings, String threadDump, Percentiles taskLatency, Percentiles loopLag,
                     Double memoryPerTaskBytes) {

    public static final String OK = "ok";
    public static final String INVALID = "invalid";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String TIMEOUT = "timeout";

    public boolean ok() {
        return OK.equals(status);
    }

    public Result withDerived(Double speedup, Efficiency eff) {
        return new Result(model, workload, cores, params, status, note, estimatedBatchMs, batchTime,
                throughputTasksPerSec, speedup, eff, validation, usage, forks, warnings, threadDump, taskLatency,
                loopLag, memoryPerTaskBytes);
    }
}
