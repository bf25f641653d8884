package dev.concur.compare;

/**
 * The gate's finding for one benchmark.
 *
 * @param benchmark      the benchmark's label
 * @param key            its identity
 * @param verdict        {@code regression}, {@code improvement}, {@code no change}, {@code inconclusive},
 *                       or {@code new} (only in the current run)
 * @param reason         why inconclusive (or a short reading), else {@code null}
 * @param missing        inconclusive because the current run lacks it or it failed there
 * @param unit           unit of the medians
 * @param lowerIsBetter  direction
 * @param baselineMedian median of the baseline samples
 * @param currentMedian  median of the current samples
 * @param change         current / baseline − 1 (so +0.30 is 30 % more time, or 30 % more throughput)
 * @param ciLow          2.5 % bootstrap percentile of the change
 * @param ciHigh         97.5 % bootstrap percentile of the change
 * @param pValue         two-sided Mann-Whitney U p-value
 * @param pHolm          p-value after Holm's correction over every tested pair
 * @param nBaseline      baseline samples
 * @param nCurrent       current samples
 */
public record Verdict(String benchmark, BenchmarkKey key, String verdict, String reason, boolean missing,
                      String unit, boolean lowerIsBetter, Double baselineMedian, Double currentMedian,
                      Double change, Double ciLow, Double ciHigh, Double pValue, Double pHolm,
                      int nBaseline, int nCurrent) {

    public static final String REGRESSION = "regression";
    public static final String IMPROVEMENT = "improvement";
    public static final String NO_CHANGE = "no change";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String NEW = "new";

    Verdict withHolm(double adjusted, String newVerdict, String newReason) {
        return new Verdict(benchmark, key, newVerdict, newReason, missing, unit, lowerIsBetter, baselineMedian,
                currentMedian, change, ciLow, ciHigh, pValue, adjusted, nBaseline, nCurrent);
    }
}
