package dev.concur.stats;

import java.util.Arrays;
import java.util.Collection;

/** Small statistics shared by the fork, the host and the gate: one copy of each. */
public final class Stats {
    private Stats() {}

    /** The median of {@code xs}; {@code null} for none. */
    public static Double median(Collection<Double> xs) {
        if (xs.isEmpty()) return null;
        return median(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The median of {@code xs} (not modified); NaN for none. */
    public static double median(double[] xs) {
        if (xs.length == 0) return Double.NaN;
        double[] a = xs.clone();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }
}
