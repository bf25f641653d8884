package dev.concur.scaling;

import dev.concur.result.Scaling;
import dev.concur.result.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Turns the {@code ok} results of a core sweep into {@link Scaling}s: speedups, Karp–Flatt serial
 * fractions, an Amdahl fit and (with ≥ 4 points) a USL fit. The regressions are commons-math's.
 *
 * <p>Fits are flagged meaningless rather than hidden: with one point beyond the smallest core
 * count the Amdahl fraction is exact (no quality to report), and when the confidence intervals
 * are wider than the speedup being explained the fit describes noise.
 */
public final class ScalingAnalysis {
    private ScalingAnalysis() {}

    public static List<Scaling> analyse(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            if (!r.ok() || r.cores() == null) continue;
            var p = r.params();
            String key = String.join("\u0000", r.model(), r.workload(), String.valueOf(p.tasks()),
                    String.valueOf(p.latencyMs()), String.valueOf(p.work()), String.valueOf(p.run()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Scaling> out = new ArrayList<>();
        for (List<Result> g : groups.values()) {
            g.sort(Comparator.comparingInt(Result::cores));
            if (g.stream().map(Result::cores).distinct().count() < 2) continue;
            out.add(analyseGroup(g));
        }
        return out;
    }

    static Scaling analyseGroup(List<Result> g) {
        Result base = g.get(0);
        int k0 = base.cores();
        double t0 = base.batchTime().score();
        List<Scaling.Point> points = new ArrayList<>();
        double[] p = new double[g.size()];
        double[] s = new double[g.size()];
        double maxRelErr = 0;
        for (int i = 0; i < g.size(); i++) {
            Result r = g.get(i);
            double t = r.batchTime().score();
            p[i] = (double) r.cores() / k0;
            s[i] = t0 / t;
            Double kf = p[i] > 1 ? karpFlatt(s[i], p[i]) : null;
            // BenchRun already matched the sequential result of the same size and cores
            points.add(new Scaling.Point(r.cores(), t, r.batchTime().errorPct(), r.throughputTasksPerSec(), s[i],
                    r.speedupVsSequential(),
                    r.efficiency() == null ? null : r.efficiency().value(), kf));
            if (r.batchTime().errorPct() != null) maxRelErr = Math.max(maxRelErr, r.batchTime().errorPct() / 100);
        }
        Scaling.Amdahl amdahl = amdahl(p, s, maxRelErr);
        Scaling.Usl usl = p.length >= 4 ? usl(p, s, k0, maxRelErr) : null;
        return new Scaling(base.model(), base.workload(), points, amdahl, usl, verdict(base.model(), points, amdahl, usl));
    }

    /** Karp–Flatt: e = (1/S − 1/p) / (1 − 1/p). */
    public static double karpFlatt(double speedup, double p) {
        return (1 / speedup - 1 / p) / (1 - 1 / p);
    }

    /**
     * Amdahl: 1/S − 1/p = s (1 − 1/p), a line through the origin; s by least squares.
     * {@code relNoise} is the widest relative CI half-width among the points.
     */
    public static Scaling.Amdahl amdahl(double[] p, double[] speedup, double relNoise) {
        SimpleRegression reg = new SimpleRegression(false);
        int informative = 0;
        double onlyX = 0, onlyY = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] <= 1) continue;
            onlyX = 1 - 1 / p[i];
            onlyY = 1 / speedup[i] - 1 / p[i];
            reg.addData(onlyX, onlyY);
            informative++;
        }
        if (informative == 0) return null;
        // one point: s solves the equation exactly (commons-math needs two points for a regression)
        double sFrac = informative == 1 ? onlyY / onlyX : reg.getSlope();
        Double max = sFrac > 0 ? 1 / sFrac : null;
        Double r2 = null;
        if (informative >= 2) r2 = r2(p, speedup, pi -> 1 / (sFrac + (1 - sFrac) / pi));
        double maxSpeedup = 0;
        for (double v : speedup) maxSpeedup = Math.max(maxSpeedup, Math.abs(v - 1));
        String why;
        boolean ok;
        if (maxSpeedup < 2 * relNoise) {
            ok = false;
            why = String.format(Locale.ROOT, "noise wider than the effect: speedups differ from 1 by at most %.0f%%, CIs reach ±%.0f%%",
                    100 * maxSpeedup, 100 * relNoise);
        } else if (informative == 1) {
            ok = false;
            why = "exact from one point beyond the smallest core count: no fit quality; sweep more core counts";
        } else if (sFrac < -0.05 || sFrac > 1.05) {
            ok = false;
            why = String.format(Locale.ROOT, "s = %.2f is outside [0, 1]: the model does not follow Amdahl's law here", sFrac);
        } else {
            ok = r2 != null && r2 > 0.8;
            why = ok ? String.format(Locale.ROOT, "%.0f%% serial: at most %.1fx on any number of cores", 100 * sFrac, max == null ? Double.POSITIVE_INFINITY : max)
                    : String.format(Locale.ROOT, "poor fit (R² = %.2f): the curve is not Amdahl-shaped", r2);
        }
        return new Scaling.Amdahl(sFrac, max, r2, ok, why);
    }

    /** USL: p/S − 1 = σ (p − 1) + κ p (p − 1), linear in (σ, κ) with no intercept. */
    public static Scaling.Usl usl(double[] p, double[] speedup, int k0, double relNoise) {
        int n = p.length;
        double[] y = new double[n];
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            y[i] = p[i] / speedup[i] - 1;
            x[i][0] = p[i] - 1;
            x[i][1] = p[i] * (p[i] - 1);
        }
        OLSMultipleLinearRegression reg = new OLSMultipleLinearRegression();
        reg.setNoIntercept(true);
        double sigma;
        double kappa;
        try {
            reg.newSampleData(y, x);
            double[] b = reg.estimateRegressionParameters();
            sigma = b[0];
            kappa = b[1];
        } catch (RuntimeException e) {
            return new Scaling.Usl(Double.NaN, Double.NaN, null, 0, false, "fit failed: " + e.getMessage());
        }
        double sg = sigma;
        double kp = kappa;
        double r2 = r2(p, speedup, pi -> pi / (1 + sg * (pi - 1) + kp * pi * (pi - 1)));
        Double peak = kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) * k0 : null;
        boolean ok = r2 > 0.8 && sigma >= -0.05 && kappa >= -0.05;
        String why = ok ? String.format(Locale.ROOT, "contention σ = %.3f, coherency κ = %.4f%s", sigma, kappa,
                peak == null ? "" : String.format(Locale.ROOT, "; throughput peaks near %.0f cores", peak))
                : String.format(Locale.ROOT, "not trustworthy (R² = %.2f, σ = %.3f, κ = %.4f)", r2, sigma, kappa);
        return new Scaling.Usl(sigma, kappa, peak, r2, ok, why);
    }

    private static double r2(double[] p, double[] s, java.util.function.DoubleUnaryOperator model) {
        double mean = 0;
        for (double v : s) mean += v;
        mean /= s.length;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < s.length; i++) {
            double f = model.applyAsDouble(p[i]);
            ssRes += (s[i] - f) * (s[i] - f);
            ssTot += (s[i] - mean) * (s[i] - mean);
        }
        return ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
    }

    private static String verdict(String model, List<Scaling.Point> pts, Scaling.Amdahl a, Scaling.Usl u) {
        Scaling.Point first = pts.get(0);
        Scaling.Point last = pts.get(pts.size() - 1);
        String head = String.format(Locale.ROOT, "%s: %.2fx from %d to %d cores", model, last.speedupVsMinCores(),
                first.cores(), last.cores());
        if (a == null) return head;
        return head + "; Amdahl: " + a.why() + (u != null ? "; USL: " + u.why() : "");
    }
}
