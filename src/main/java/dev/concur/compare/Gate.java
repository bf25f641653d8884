package dev.concur.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The regression gate's statistics. A pair is a regression only if both hold:
 * <ol>
 *   <li>a two-sided Mann-Whitney U test on the raw samples (commons-statistics-inference) rejects
 *       at {@code alpha} after Holm's step-down correction over every tested pair, so running 20
 *       benchmarks does not give 20 chances of a false alarm;</li>
 *   <li>the relative change of the medians in the bad direction exceeds {@code threshold}, so a
 *       real but tiny shift does not fail a build.</li>
 * </ol>
 * The change's 95 % interval is a percentile bootstrap of the ratio of medians, seeded from the
 * benchmark's name so the same inputs always give the same output.
 */
public final class Gate {
    /** Fewer samples than this on either side cannot support a verdict. */
    public static final int MIN_SAMPLES = 5;
    private static final int BOOTSTRAP = 2000;
    private static final long SEED = 0xC0_4C_0B_E5L;

    private final double alpha;
    private final double threshold;

    public Gate(double alpha, double threshold) {
        this.alpha = alpha;
        this.threshold = threshold;
    }

    /** Merges each side's files by benchmark, then judges every benchmark of the baseline (and notes new ones). */
    public List<Verdict> compare(List<ResultFile> baseline, List<ResultFile> current) {
        Map<BenchmarkKey, Side> base = merge(baseline);
        Map<BenchmarkKey, Side> cur = merge(current);
        List<Verdict> out = new ArrayList<>();
        for (Map.Entry<BenchmarkKey, Side> e : base.entrySet()) out.add(judge(e.getValue(), cur.get(e.getKey())));
        for (Map.Entry<BenchmarkKey, Side> e : cur.entrySet()) {
            if (!base.containsKey(e.getKey())) {
                Side c = e.getValue();
                out.add(new Verdict(c.key().label(), c.key(), Verdict.NEW, "not in the baseline", false, c.unit(),
                        c.lowerIsBetter(), null, c.samples().isEmpty() ? null : median(c.samples()), null, null, null,
                        null, null, 0, c.samples().size()));
            }
        }
        return holm(out);
    }

    static Map<BenchmarkKey, Side> merge(List<ResultFile> files) {
        Map<BenchmarkKey, Side> merged = new TreeMap<>();
        for (ResultFile f : files) {
            for (Side s : f.sides()) {
                Side prev = merged.get(s.key());
                if (prev == null) {
                    merged.put(s.key(), s);
                } else if (prev.status().equals("ok") && s.status().equals("ok")) {
                    List<Double> all = new ArrayList<>(prev.samples());
                    all.addAll(s.samples());
                    merged.put(s.key(), new Side(s.key(), "ok", prev.unit().equals(s.unit()) ? s.unit() : "mixed units",
                            s.lowerIsBetter(), all));
                } else if (!prev.status().equals("ok")) {
                    merged.put(s.key(), s); // a later ok run replaces a failed one; two failures keep the last
                }
            }
        }
        return merged;
    }

    private Verdict judge(Side b, Side c) {
        String label = b.key().label();
        if (c == null) return inconclusive(b, null, "missing in the current run", true);
        if (!c.status().equals("ok")) return inconclusive(b, c, "current run: " + c.status(), true);
        if (!b.status().equals("ok")) return inconclusive(b, c, "baseline: " + b.status(), false);
        if (!b.unit().equals(c.unit())) return inconclusive(b, c, "unit mismatch: " + b.unit() + " vs " + c.unit(), false);
        if (!b.finite() || !c.finite()) return inconclusive(b, c, "a NaN or infinite sample", false);
        if (b.samples().size() < MIN_SAMPLES || c.samples().size() < MIN_SAMPLES) {
            return inconclusive(b, c, "fewer than " + MIN_SAMPLES + " samples (" + b.samples().size() + " vs "
                    + c.samples().size() + ")", false);
        }
        double[] x = toArray(b.samples());
        double[] y = toArray(c.samples());
        double mb = median(b.samples());
        double mc = median(c.samples());
        if (mb <= 0) return inconclusive(b, c, "baseline median is not positive", false);
        double p = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(x, y).getPValue();
        double[] ci = bootstrap(x, y, label);
        return new Verdict(label, b.key(), null, null, false, b.unit(), b.lowerIsBetter(), mb, mc, mc / mb - 1,
                ci[0], ci[1], p, null, x.length, y.length);
    }

    private static Verdict inconclusive(Side b, Side c, String why, boolean missing) {
        Double mb = b.samples().isEmpty() || !b.finite() ? null : median(b.samples());
        Double mc = c == null || c.samples().isEmpty() || !c.finite() ? null : median(c.samples());
        return new Verdict(b.key().label(), b.key(), Verdict.INCONCLUSIVE, why, missing, b.unit(), b.lowerIsBetter(),
                mb, mc, mb != null && mc != null && mb > 0 ? mc / mb - 1 : null, null, null, null, null,
                b.samples().size(), c == null ? 0 : c.samples().size());
    }

    /** Holm's step-down adjustment over the tested pairs, then the verdicts. */
    private List<Verdict> holm(List<Verdict> all) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (all.get(i).verdict() == null) tested.add(i);
        tested.sort(Comparator.comparingDouble(i -> all.get(i).pValue()));
        int m = tested.size();
        double running = 0;
        List<Verdict> out = new ArrayList<>(all);
        for (int rank = 0; rank < m; rank++) {
            int i = tested.get(rank);
            Verdict v = all.get(i);
            running = Math.max(running, Math.min(1, (m - rank) * v.pValue()));
            double bad = v.lowerIsBetter() ? v.change() : -v.change();
            String verdict;
            if (running < alpha && bad > threshold) verdict = Verdict.REGRESSION;
            else if (running < alpha && -bad > threshold) verdict = Verdict.IMPROVEMENT;
            else verdict = Verdict.NO_CHANGE;
            String reason = verdict.equals(Verdict.NO_CHANGE)
                    ? (running < alpha ? "significant but within the threshold" : "not significant") : null;
            out.set(i, v.withHolm(running, verdict, reason));
        }
        return out;
    }

    private static double[] bootstrap(double[] x, double[] y, String label) {
        SplittableRandom rnd = new SplittableRandom(SEED ^ label.hashCode());
        double[] ratios = new double[BOOTSTRAP];
        double[] bx = new double[x.length];
        double[] by = new double[y.length];
        for (int b = 0; b < BOOTSTRAP; b++) {
            for (int i = 0; i < x.length; i++) bx[i] = x[rnd.nextInt(x.length)];
            for (int i = 0; i < y.length; i++) by[i] = y[rnd.nextInt(y.length)];
            ratios[b] = median(by) / median(bx) - 1;
        }
        Arrays.sort(ratios);
        return new double[] {ratios[(int) (0.025 * BOOTSTRAP)], ratios[(int) (0.975 * BOOTSTRAP) - 1]};
    }

    static double median(List<Double> xs) {
        return median(toArray(xs));
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Environment differences between the two sides, one line each. */
    public static List<String> environmentDifferences(List<ResultFile> baseline, List<ResultFile> current) {
        Environment a = baseline.get(0).environment();
        Environment b = current.get(0).environment();
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("CPU model", new Object[] {a.cpuModel(), b.cpuModel()});
        fields.put("cores", new Object[] {a.cores(), b.cores()});
        fields.put("JDK", new Object[] {a.jdk(), b.jdk()});
        fields.put("JVM flags", new Object[] {a.jvmFlags(), b.jvmFlags()});
        List<String> diffs = new ArrayList<>();
        fields.forEach((what, v) -> {
            if (v[0] != null && v[1] != null && !v[0].equals(v[1])) diffs.add(what + " differs: " + v[0] + " vs " + v[1]);
        });
        return diffs;
    }
}
