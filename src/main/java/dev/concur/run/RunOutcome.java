package dev.concur.run;

import dev.concur.fork.ForkReport;
import java.util.List;

/**
 * What a runner measured for one benchmark.
 *
 * @param score           mean ms per batch, or {@code null} when nothing was measured
 * @param error           99.9 % CI half-width in ms; {@code null} when JMH reported NaN or nothing
 * @param samples         per-iteration ms per batch, every fork, in order
 * @param batchesMeasured batches run in measured iterations
 * @param forks           the reports the measured processes wrote (validation, usage, flags)
 * @param failure         why the benchmark failed, or {@code null}
 * @param pinnedCpus      the CPU list the processes were pinned to, or {@code null} when not pinned
 * @param timedOut        the watchdog's deadline passed and the processes were killed
 * @param threadDump      where the watchdog saved the processes' threads, or {@code null}
 */
public record RunOutcome(Double score, Double error, List<Double> samples, long batchesMeasured,
                         List<ForkReport> forks, String failure, String pinnedCpus, boolean timedOut,
                         String threadDump) {

    /** Measured: a score (and its interval, if any) from the samples. */
    public static RunOutcome measured(double score, Double error, List<Double> samples, long batchesMeasured,
                                      List<ForkReport> forks, String pinnedCpus) {
        return new RunOutcome(score, error, List.copyOf(samples), batchesMeasured, forks, null, pinnedCpus, false, null);
    }

    /** Failed: no score; {@code failure} says why. */
    public static RunOutcome failed(String failure, List<ForkReport> forks, String pinnedCpus) {
        return new RunOutcome(null, null, List.of(), 0, forks, failure, pinnedCpus, false, null);
    }

    /** Killed at its deadline. */
    public static RunOutcome timedOut(String failure, List<ForkReport> forks, String pinnedCpus, String threadDump) {
        return new RunOutcome(null, null, List.of(), 0, forks, failure, pinnedCpus, true, threadDump);
    }
}
