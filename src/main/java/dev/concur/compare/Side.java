package dev.concur.compare;

import java.util.List;

/**
 * One benchmark's data on one side of a comparison.
 *
 * @param key           identity
 * @param status        {@code ok}, or why there is nothing to compare ({@code failed}, {@code invalid},
 *                      {@code timeout}, {@code skipped}, {@code no score})
 * @param unit          score unit, e.g. {@code ms} or {@code ms/op} or {@code ops/s}
 * @param lowerIsBetter the direction, from the unit or JMH mode
 * @param samples       raw per-iteration values (every fork, every file merged)
 */
public record Side(BenchmarkKey key, String status, String unit, boolean lowerIsBetter, List<Double> samples) {

    /** Every sample is a finite number. */
    public boolean finite() {
        return samples.stream().allMatch(d -> d != null && Double.isFinite(d));
    }
}
