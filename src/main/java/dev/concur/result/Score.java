package dev.concur.result;

import java.util.List;

/**
 * The mean batch time over every measured iteration of every fork, with its confidence interval.
 *
 * @param score           mean time per batch
 * @param error           half-width of the {@code confidence} interval (Student t over the samples);
 *                        {@code null} with fewer than {@value #MIN_SAMPLES_FOR_CI} samples
 * @param errorPct        error / score × 100, the relative CI half-width
 * @param confidence      the interval's level, 0.999 as JMH uses
 * @param unit            unit of score, error and samples: {@code ms}
 * @param samples         the raw per-iteration means, all forks, in order
 * @param batchesMeasured batches run in the measured iterations
 * @param interval        how {@code error} was computed: {@code student-t} (the mean's 99.9 % confidence
 *                        interval, from 5 or more samples) or {@code range} (fewer than 5 samples: no
 *                        interval is honest; {@code error} is then null and min/max say how far apart they are)
 * @param min             the smallest sample
 * @param max             the largest sample
 * @param samplesPerFork  the samples grouped by fork, in fork order: the fork is the unit of comparison
 * @param stop            why measuring stopped: {@code target} (precision reached), {@code fork cap},
 *                        {@code time cap} or {@code fixed forks}
 */
public record Score(double score, Double error, Double errorPct, double confidence, String unit,
                    List<Double> samples, long batchesMeasured, String interval, double min, double max,
                    List<List<Double>> samplesPerFork, String stop) {

    /** Fewer samples than this never give a Student interval: the range is shown instead. */
    public static final int MIN_SAMPLES_FOR_CI = 5;
    public static final String STUDENT_T = "student-t";
    public static final String RANGE = "range";
}
