package dev.concur.compare;

import java.util.List;

/**
 * One benchmark's data on one side of a comparison.
 *
 * @param key           identity
 * @param status        {@code ok}, or why there is nothing to compare ({@code failed}, {@code invalid},
 *                      {@code timeout}, {@code skipped}, {@code no score}, {@code no metric X})
 * @param unit          score unit, normalised ({@code ms/op} for time per operation, {@code ops/s} for
 *                      throughput; others as written, e.g. {@code B/op})
 * @param lowerIsBetter the direction, from the unit or JMH mode
 * @param forks         raw per-iteration values, one list per fork (every file merged, in order)
 */
public record Side(BenchmarkKey key, String status, String unit, boolean lowerIsBetter, List<List<Double>> forks) {

    /** Every sample, fork after fork. */
    public List<Double> samples() {
        return forks.stream().flatMap(List::stream).toList();
    }

    /** Every sample is a finite number. */
    public boolean finite() {
        return forks.stream().flatMap(List::stream).allMatch(d -> d != null && Double.isFinite(d));
    }
}
