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
 * @param forks           the reports the forks wrote (validation, usage, flags)
 * @param failure         why the benchmark failed, or {@code null}
 * @param pinnedCpus      the CPU list forks were pinned to, or {@code null} when not pinned
 * @param timedOut        the watchdog's deadline passed and the forks were killed
 * @param threadDump      where the watchdog saved the forks' threads, or {@code null}
 */
public record RunOutcome(Double score, Double error, List<Double> samples, long batchesMeasured,
                         List<ForkReport> forks, String failure, String pinnedCpus, boolean timedOut,
                         String threadDump) {

    public RunOutcome(Double score, Double error, List<Double> samples, long batchesMeasured,
                      List<ForkReport> forks, String failure, String pinnedCpus) {
        this(score, error, samples, batchesMeasured, forks, failure, pinnedCpus, false, null);
    }
}
