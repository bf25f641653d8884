package dev.concur.run;

import dev.concur.fork.ForkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What a runner measured for one benchmark: one fork per {@link BenchmarkRunner#run} call, merged
 * with {@link #plus} as {@link BenchRun} adds forks.
 *
 * @param samplesPerFork  per-iteration ms per batch, one list per fork, in order
 * @param batchesMeasured batches run in measured iterations
 * @param forks           the reports the measured processes wrote (validation, usage, flags, warm-up)
 * @param failure         why the benchmark failed, or {@code null}
 * @param pinnedCpus      the CPU list the processes were pinned to, or {@code null} when not pinned
 * @param timedOut        the watchdog's deadline passed and the processes were killed
 * @param threadDump      where the watchdog saved the processes' threads, or {@code null}
 */
public record RunOutcome(List<List<Double>> samplesPerFork, long batchesMeasured, List<ForkReport> forks,
                         String failure, String pinnedCpus, boolean timedOut, String threadDump) {

    /** Measured: the samples of each fork. */
    public static RunOutcome measured(List<List<Double>> samplesPerFork, long batchesMeasured, List<ForkReport> forks,
                                      String pinnedCpus) {
        return new RunOutcome(samplesPerFork.stream().map(List::copyOf).toList(), batchesMeasured, forks, null,
                pinnedCpus, false, null);
    }

    /** Failed: no samples; {@code failure} says why. */
    public static RunOutcome failed(String failure, List<ForkReport> forks, String pinnedCpus) {
        return new RunOutcome(List.of(), 0, forks, failure, pinnedCpus, false, null);
    }

    /** Killed by the watchdog. */
    public static RunOutcome timedOut(String failure, List<ForkReport> forks, String pinnedCpus, String threadDump) {
        return new RunOutcome(List.of(), 0, forks, failure, pinnedCpus, true, threadDump);
    }

    /** Every sample, fork after fork. */
    public List<Double> samples() {
        return samplesPerFork.stream().flatMap(List::stream).toList();
    }

    /** This outcome and the next fork's together; the first failure or timeout wins. */
    public RunOutcome plus(RunOutcome next) {
        List<List<Double>> s = new ArrayList<>(samplesPerFork);
        s.addAll(next.samplesPerFork);
        List<ForkReport> f = new ArrayList<>(forks);
        f.addAll(next.forks);
        boolean first = failure != null || timedOut;
        return new RunOutcome(List.copyOf(s), batchesMeasured + next.batchesMeasured, List.copyOf(f),
                first ? failure : next.failure, pinnedCpus != null ? pinnedCpus : next.pinnedCpus,
                timedOut || next.timedOut, first ? threadDump : next.threadDump);
    }
}
