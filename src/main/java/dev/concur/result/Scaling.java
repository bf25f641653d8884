package dev.concur.result;

import java.util.List;

/**
 * How one (model, workload) scaled over the core counts of a sweep. Formulas in docs/cores-and-scaling.md.
 *
 * @param model    model name
 * @param workload workload name
 * @param points   one per core count that produced an {@code ok} result, ascending
 * @param amdahl   Amdahl's-law fit over the points, or {@code null} with fewer than 2 points
 * @param usl      Universal Scalability Law fit, or {@code null} with fewer than 4 points
 * @param verdict  one sentence on what the sweep shows, or why a fit means nothing
 */
public record Scaling(String model, String workload, List<Point> points, Amdahl amdahl, Usl usl, String verdict) {

    /**
     * @param cores               core count k of the fork
     * @param batchMs             mean batch time
     * @param errorPct            its relative 99.9 % CI half-width, or {@code null}
     * @param throughput          tasks per second
     * @param speedupVsMinCores   T(smallest k) / T(k), same model
     * @param speedupVsSequential T_sequential(k) / T(k), or {@code null} without sequential at k
     * @param efficiency          ideal / measured at k (the physical-limit efficiency)
     * @param karpFlatt           experimentally determined serial fraction at k, or {@code null} at the smallest k
     */
    public record Point(int cores, double batchMs, Double errorPct, double throughput, double speedupVsMinCores,
                        Double speedupVsSequential, Double efficiency, Double karpFlatt) {}

    /**
     * S(p) = 1 / (s + (1 − s) / p), p = k / smallest k, fitted by least squares on 1/S.
     *
     * @param serialFraction s, the fraction that does not parallelise
     * @param maxSpeedup     1 / s, the speedup no core count can beat (null when s ≤ 0)
     * @param r2             coefficient of determination of the fitted S(p), or {@code null} with one point
     * @param meaningful     false when the fit cannot be trusted (see {@code why})
     * @param why            why not, or a short reading of the fit
     */
    public record Amdahl(double serialFraction, Double maxSpeedup, Double r2, boolean meaningful, String why) {}

    /**
     * S(p) = p / (1 + σ(p − 1) + κ p (p − 1)), fitted by least squares on p/S − 1.
     *
     * @param sigma       contention (serialisation) coefficient
     * @param kappa       coherency (crosstalk) coefficient
     * @param peakCores   the p where throughput peaks, sqrt((1 − σ)/κ) × smallest k, or {@code null} when κ ≤ 0
     * @param r2          coefficient of determination of the fitted S(p)
     * @param meaningful  false when the fit cannot be trusted
     * @param why         why not, or a short reading
     */
    public record Usl(double sigma, double kappa, Double peakCores, double r2, boolean meaningful, String why) {}
}
