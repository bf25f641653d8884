package dev.concur.stats;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How many times larger one quantity is than another, with a confidence interval whose unit is the
 * process: each side is a list of per-process means (a JMH fork, a peer process), never the
 * iterations inside one process, which share its JIT, heap and luck and so understate the spread.
 *
 * <p>Method: Welch's t interval on the difference of the mean logarithms, exponentiated. The ratio
 * is then a ratio of geometric means, and the interval is the same whichever way the ratio is
 * taken (1 / [a, b] = [1 / b, 1 / a]). Fewer than {@value #MIN_PROCESSES} processes on a side, or
 * a degenerate spread (every process gave the same number on both sides), gives no interval: a
 * verdict then says "not conclusive", never "supported".
 *
 * @param value      the point estimate: geomean(a) / geomean(b); {@code NaN} when a side is empty
 * @param low        the interval's lower bound, {@code NaN} when there is no interval
 * @param high       the interval's upper bound, {@code NaN} when there is no interval
 * @param confidence the interval's level, e.g. 0.95
 * @param processesA how many processes side a had
 * @param processesB how many processes side b had
 * @param why        why there is no interval, {@code null} when there is one
 */
public record Ratio(double value, double low, double high, double confidence, int processesA, int processesB, String why) {
    /** The fewest processes a side may have for an interval. */
    public static final int MIN_PROCESSES = 3;

    /** {@code a / b} from per-process means (all positive). */
    public static Ratio of(List<Double> a, List<Double> b, double confidence) {
        if (a.isEmpty() || b.isEmpty()) return new Ratio(Double.NaN, Double.NaN, Double.NaN, confidence, a.size(), b.size(), "no result");
        for (double x : a) if (!(x > 0)) throw new IllegalArgumentException("not a positive mean: " + x);
        for (double x : b) if (!(x > 0)) throw new IllegalArgumentException("not a positive mean: " + x);
        double ma = meanLog(a);
        double mb = meanLog(b);
        double value = Math.exp(ma - mb);
        if (a.size() < MIN_PROCESSES || b.size() < MIN_PROCESSES) {
            return new Ratio(value, Double.NaN, Double.NaN, confidence, a.size(), b.size(),
                    "fewer than " + MIN_PROCESSES + " processes (" + a.size() + " and " + b.size() + ")");
        }
        double va = varLog(a, ma) / a.size();
        double vb = varLog(b, mb) / b.size();
        double se = Math.sqrt(va + vb);
        if (se == 0) return new Ratio(value, Double.NaN, Double.NaN, confidence, a.size(), b.size(), "no spread between processes");
        // Welch–Satterthwaite degrees of freedom
        double df = (va + vb) * (va + vb) / (va * va / (a.size() - 1) + vb * vb / (b.size() - 1));
        double t = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Ratio(value, Math.exp(ma - mb - t * se), Math.exp(ma - mb + t * se), confidence, a.size(), b.size(), null);
    }

    /** Whether there is an interval to judge by. */
    public boolean hasInterval() {
        return why == null;
    }

    /** The interval lies wholly above {@code x}. */
    public boolean above(double x) {
        return hasInterval() && low > x;
    }

    /** The interval lies wholly below {@code x}. */
    public boolean below(double x) {
        return hasInterval() && high < x;
    }

    /** The interval lies wholly inside [{@code 1 / band}, {@code band}]: evidence of no effect beyond the band. */
    public boolean within(double band) {
        return hasInterval() && low >= 1 / band && high <= band;
    }

    /** The same ratio taken the other way round: b / a. */
    public Ratio inverse() {
        return new Ratio(1 / value, 1 / high, 1 / low, confidence, processesB, processesA, why);
    }

    private static double meanLog(List<Double> xs) {
        double s = 0;
        for (double x : xs) s += Math.log(x);
        return s / xs.size();
    }

    private static double varLog(List<Double> xs, double mean) {
        double s = 0;
        for (double x : xs) s += (Math.log(x) - mean) * (Math.log(x) - mean);
        return s / (xs.size() - 1);
    }
}
