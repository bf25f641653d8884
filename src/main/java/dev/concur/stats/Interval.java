package dev.concur.stats;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of some samples and how far it can be trusted: a Student-t confidence interval from
 * {@value #MIN_SAMPLES} samples on (the interval JMH prints), and below that only the range, because
 * a 99.9 % interval from three samples is honest arithmetic and useless on a slide (±400 % and more).
 *
 * @param mean      the samples' mean
 * @param halfWidth the interval's half-width, {@code null} below {@value #MIN_SAMPLES} samples
 * @param method    {@code student-t} or {@code range}
 * @param min       the smallest sample
 * @param max       the largest sample
 * @param n         how many samples
 */
public record Interval(double mean, Double halfWidth, String method, double min, double max, int n) {
    public static final int MIN_SAMPLES = 5;

    /** The interval at {@code confidence} (e.g. 0.999) over {@code samples} (at least one). */
    public static Interval of(List<Double> samples, double confidence) {
        int n = samples.size();
        if (n == 0) throw new IllegalArgumentException("no samples");
        double sum = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double x : samples) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / n;
        if (n < MIN_SAMPLES) return new Interval(mean, null, "range", min, max, n);
        double ss = 0;
        for (double x : samples) ss += (x - mean) * (x - mean);
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Interval(mean, t * sd / Math.sqrt(n), "student-t", min, max, n);
    }

    /** The half-width in per cent of the mean, {@code null} without an interval. */
    public Double halfWidthPct() {
        return halfWidth == null ? null : 100 * halfWidth / mean;
    }

    /** Half the range in per cent of the mean: how far apart a few samples are. */
    public double halfRangePct() {
        return 100 * (max - min) / 2 / mean;
    }
}
