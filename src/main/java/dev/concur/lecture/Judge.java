package dev.concur.lecture;

import dev.concur.result.Result;
import dev.concur.stats.Ratio;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics every verdict rests on, in one place. The unit is the process (a JMH fork, a peer
 * process): a result's batch time is summarised per process (the mean of its measured iterations),
 * and two results are compared by the {@value #CONFIDENCE_PCT} % interval of the ratio of their
 * times ({@link Ratio}: Welch on logs), from at least {@value Ratio#MIN_PROCESSES} processes a side.
 *
 * <ul>
 *   <li><b>faster</b>: the interval of T(b) / T(a) lies wholly above 1 (a is faster), or wholly below;</li>
 *   <li><b>a speedup</b>: the interval of T(1 core) / T(2 cores) lies wholly above {@value #BAND}×;</li>
 *   <li><b>no speedup</b> needs evidence of absence: the whole interval inside the band
 *       [1 / {@value #BAND}, {@value #BAND}] (an equivalence test), never just "not significant";</li>
 *   <li>anything else, or fewer than 3 processes, or a degenerate interval: not conclusive.</li>
 * </ul>
 */
final class Judge {
    /** The interval's level, per cent. */
    static final int CONFIDENCE_PCT = 95;
    static final double CONFIDENCE = CONFIDENCE_PCT / 100.0;
    /** Ratios inside [1 / BAND, BAND] count as "no effect" when the whole interval is there. */
    static final double BAND = 1.2;

    private Judge() {}

    /** What a ratio of two times says. */
    enum Scaling {
        /** Wholly above the band. */
        SPEEDUP,
        /** Wholly inside the band: evidence of no effect. */
        NONE,
        /** Wholly below the band. */
        SLOWDOWN,
        /** Anything else: wide, straddling, or no interval. */
        UNCLEAR
    }

    /** The per-process means of a result's batch time (ms); empty when it has none. */
    static List<Double> processMeans(Result r) {
        List<Double> out = new ArrayList<>();
        if (r == null || !r.ok() || r.batchTime() == null) return out;
        var perFork = r.batchTime().samplesPerFork();
        if (perFork == null || perFork.isEmpty()) return out;
        for (List<Double> fork : perFork) {
            if (fork.isEmpty()) continue;
            double s = 0;
            for (double x : fork) s += x;
            out.add(s / fork.size());
        }
        return out;
    }

    /** T(from) / T(to): how many times faster {@code to} is than {@code from}, with its interval. */
    static Ratio speedup(Result from, Result to) {
        return Ratio.of(processMeans(from), processMeans(to), CONFIDENCE);
    }

    /** -1 when {@code a} is conclusively faster than {@code b}, +1 when conclusively slower, 0 when not conclusive. */
    static int compare(Result a, Result b) {
        Ratio r = speedup(b, a); // T(b) / T(a) > 1: a is faster
        if (r.above(1)) return -1;
        if (r.below(1)) return 1;
        return 0;
    }

    /**
     * How many times sooner a peer's caller was free than its batch was done: per process, the median batch
     * time over the median time the hand-over took ({@code forks[].dispatch}), as a ratio of the processes'
     * two figures. Not a ratio of paired numbers: the unpaired interval is the wider, never the kinder one.
     * {@code null} when a process did not time its hand-over. A hand-over below a nanosecond counts as one.
     */
    static Ratio freedSooner(Result r) {
        if (r == null || !r.ok() || r.forks() == null || r.forks().isEmpty()) return null;
        List<Double> complete = new ArrayList<>();
        List<Double> submit = new ArrayList<>();
        for (var f : r.forks()) {
            if (f.dispatch() == null) return null;
            complete.add(Math.max(f.dispatch().completeMs(), 1e-6));
            submit.add(Math.max(f.dispatch().submitMs(), 1e-6));
        }
        return Ratio.of(complete, submit, CONFIDENCE);
    }

    /**
     * The outcome of a speedup. A rule computes its {@link #speedup} once and passes the same
     * {@code Ratio} here and to {@code Rules.ratio} for its text, so the two can never disagree.
     */
    static Scaling scaling(Ratio r) {
        if (r.above(BAND)) return Scaling.SPEEDUP;
        if (r.within(BAND)) return Scaling.NONE;
        if (r.below(1 / BAND)) return Scaling.SLOWDOWN;
        return Scaling.UNCLEAR;
    }
}
