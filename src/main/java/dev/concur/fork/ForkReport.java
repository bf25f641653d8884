package dev.concur.fork;

import dev.concur.model.ModelUsage;
import dev.concur.result.ForkInfo;

/**
 * What a JMH fork tells the host that JMH itself cannot carry: the validation of every batch,
 * the threads used, the flags and cores the fork really had, and any error. The fork writes it
 * (atomically) after every iteration and at the end, into the directory named by the system
 * property {@value #DIR_PROPERTY}; the host reads it after the fork exits.
 *
 * @param fork             what the fork saw of itself
 * @param batches          batches run, warm-up included
 * @param validBatches     batches that matched the reference
 * @param expectedTasks    the reference's count
 * @param expectedChecksum the reference's checksum
 * @param firstMismatch    the first bad batch, or {@code null}
 * @param cpuNanosPerTask  the reference pass's CPU time per task
 * @param usage            the model's thread usage
 * @param error            the first error a batch threw, or {@code null}
 * @param leftoverThreads  names of the model's threads still alive after its teardown
 * @param taskLatency      HdrHistogram (compressed, base64) of each task's completion time since its
 *                         batch started, measured iterations only; {@code null} if none
 * @param loopLag          HdrHistogram of the event loop's lag probe, measured iterations only (a peer's
 *                         probe too: Go, Node, asyncio); {@code null} for other models
 * @param bytesPerTask     median over measured batches of (peak heap used during the batch − heap
 *                         used at its start) / tasks; {@code null} if not sampled
 * @param warmupBatches    batches run by the adaptive warm-up before JMH measured (0 when the warm-up
 *                         was JMH's own fixed iterations)
 * @param warmupNanos      how long that warm-up took
 * @param steady           whether it reached steady state ({@link dev.concur.stats.SteadyState}); {@code null}
 *                         when the warm-up was fixed
 * @param spreadPct        the last warm-up window's spread around its median, per cent; {@code null} if unknown
 * @param rssPerTaskBytes  median over measured batches of (peak resident memory of the process − at the
 *                         batch's start) / tasks; {@code null} if not sampled
 * @param race             the race workloads' lost updates over measured batches (a peer's too); {@code null} for
 *                         other workloads
 * @param trace            the traced batch ({@code --trace}), run after measuring; {@code null} when not asked
 * @param peakAlive        most tasks alive at once (started, not finished) in a measured batch: of each
 *                         measured batch's peak, the smallest (every batch whose memory counts must have
 *                         held them); {@code null} when not counted
 * @param runtimeMemory    what the runtime said of itself at the batch's memory peak (median over measured
 *                         batches), by name as in {@link dev.concur.result.Alive#runtime}; empty when none
 * @param cpuPerTaskNanos  CPU time the measuring process (a peer: its whole process tree) used during the measured
 *                         batches, all its threads, divided by their tasks: total over total, as the time is read in
 *                         clock ticks (10 ms); {@code null} when not measured
 */
public record ForkReport(ForkInfo fork, long batches, long validBatches, int expectedTasks,
                         long expectedChecksum, String firstMismatch, double cpuNanosPerTask,
                         ModelUsage usage, String error, java.util.List<String> leftoverThreads,
                         String taskLatency, String loopLag, Double bytesPerTask, int warmupBatches,
                         long warmupNanos, Boolean steady, Double spreadPct, Double rssPerTaskBytes,
                         dev.concur.result.Race race, dev.concur.result.Timeline trace,
                         Long peakAlive, java.util.Map<String, Double> runtimeMemory,
                         Double cpuPerTaskNanos) {

    public static final String DIR_PROPERTY = "concur.forkReports";
    /** Adaptive warm-up: its time cap in ms; absent means JMH's fixed warm-up iterations only. */
    public static final String WARMUP_MAX_MILLIS = "concur.warmup.maxMillis";
    /** Adaptive warm-up: its cap in batches. */
    public static final String WARMUP_MAX_BATCHES = "concur.warmup.maxBatches";
    /** {@code --trace}: how many tasks the traced batch has; absent means no trace. */
    public static final String TRACE_TASKS = "concur.trace.tasks";
    /** The file a fork rewrites every {@value #PROGRESS_PERIOD_MILLIS} ms: "batches longestBatchNanos". */
    public static final String PROGRESS_FILE_PREFIX = "progress-";
    public static final long PROGRESS_PERIOD_MILLIS = 250;
}
