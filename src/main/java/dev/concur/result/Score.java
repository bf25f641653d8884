package dev.concur.result;

import java.util.List;

/**
 * A JMH primary score: the mean batch time over measured iterations, with its confidence interval.
 *
 * @param score           mean time per batch
 * @param error           half-width of the {@code confidence} interval (Student t); {@code null}
 *                        when JMH cannot compute one (fewer than 3 samples: JMH says "NaN")
 * @param errorPct        error / score × 100, the relative CI half-width
 * @param confidence      the interval's level, 0.999 as JMH uses
 * @param unit            unit of score, error and samples: {@code ms}
 * @param samples         the raw per-iteration means, all forks, in order
 * @param batchesMeasured batches run in the measured iterations
 */
public record Score(double score, Double error, Double errorPct, double confidence, String unit,
                    List<Double> samples, long batchesMeasured) {}
