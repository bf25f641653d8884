package dev.concur.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * When a warm-up has reached steady state, by a stated rule: the last {@value #WINDOW} batch times
 * all lie within ±{@value #TOLERANCE_PCT} % of their median. The first batch of a fork is never
 * part of a steady window on its own (class loading, the interpreter, the first JIT compilations);
 * a model that stays erratic (forkjoin's compensation threads on io) never satisfies the rule and
 * is measured after its warm-up cap, with a note that says so.
 */
public final class SteadyState {
    /** Batches the rule looks at. */
    public static final int WINDOW = 3;
    /**
     * How far from the window's median a batch may be, in per cent. The rule is there to see the
     * warm-up transient (first batches typically 1.5–3× the steady time: class loading, interpreter,
     * JIT), not to judge precision: that is the confidence interval's job. ±10 % separates the two on
     * a shared 2-core machine, where a steady batch still varies by a few per cent.
     */
    public static final double TOLERANCE_PCT = 10.0;

    private final List<Long> times = new ArrayList<>();

    /** Records one batch time. */
    public void add(long nanos) {
        times.add(nanos);
    }

    public int batches() {
        return times.size();
    }

    /** Whether the last {@value #WINDOW} batches are within the tolerance of their median. */
    public boolean steady() {
        Double s = spreadPct();
        return s != null && s <= TOLERANCE_PCT;
    }

    /**
     * The largest distance of the last {@value #WINDOW} batch times from their median, in per cent of
     * it; {@code null} before {@value #WINDOW} batches.
     */
    public Double spreadPct() {
        if (times.size() < WINDOW) return null;
        double[] last = times.subList(times.size() - WINDOW, times.size()).stream().mapToDouble(Long::doubleValue).toArray();
        double m = Stats.median(last);
        double worst = 0;
        for (double t : last) worst = Math.max(worst, Math.abs(t - m) / m * 100);
        return worst;
    }

    /** The rule, in words, for reports. */
    public static String rule() {
        return "the last " + WINDOW + " warm-up batches within ±" + (int) TOLERANCE_PCT + "% of their median";
    }
}
