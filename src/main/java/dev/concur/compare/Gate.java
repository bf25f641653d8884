package dev.concur.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import dev.concur.stats.Stats;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The regression gate's statistics. A pair is a regression only if both hold:
 * <ol>
 *   <li>a two-sided Mann-Whitney U test (commons-statistics-inference) on the <em>units</em> of each
 *       side rejects at {@code alpha} after Holm's step-down correction over every tested pair, so
 *       running 20 benchmarks does not give 20 chances of a false alarm;</li>
 *   <li>the relative change of the medians in the bad direction exceeds {@code threshold}, so a
 *       real but tiny shift does not fail a build.</li>
 * </ol>
 * The unit is the fork: each fork's median iteration is one observation, because iterations of one
 * fork share its JIT decisions and code layout and are not independent (testing them as if they
 * were flags a fork-to-fork shift as significant). {@link Unit#ITERATION} keeps the old behaviour
 * for users who ask for it. A comparison whose unit counts are too small to ever reject after
 * Holm's correction is inconclusive, never a silent pass. Two sides holding exactly the same
 * samples (one run read twice, as a concur report and as its JMH file) are "no change" without a
 * test. The change's 95 % interval is a percentile bootstrap of the ratio of medians over the units,
 * seeded from the benchmark's name so the same inputs always give the same output.
 */
public final class Gate {
    /** What one observation of the test is. */
    public enum Unit {
        /** each fork's median iteration: the default */
        FORK,
        /** each measured iteration, as if independent */
        ITERATION;

        public static Unit parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "fork" -> FORK;
                case "iteration" -> ITERATION;
                default -> throw new IllegalArgumentException("unknown unit '" + s + "'. Valid: fork, iteration");
            };
        }
    }

    /** Fewer units than this on either side cannot support a verdict. */
    public static final int MIN_SAMPLES = 5;
    private static final int BOOTSTRAP = 2000;
    private static final long SEED = 0xC0_4C_0B_E5L;

    private final double alpha;
    private final double threshold;
    private final Unit unit;

    public Gate(double alpha, double threshold) {
        this(alpha, threshold, Unit.FORK);
    }

    public Gate(double alpha, double threshold, Unit unit) {
        this.alpha = alpha;
        this.threshold = threshold;
        this.unit = unit;
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
                List<Double> u = units(c);
                out.add(new Verdict(c.key().label(), c.key(), Verdict.NEW, "not in the baseline", false, c.unit(),
                        c.lowerIsBetter(), null, u.isEmpty() ? null : median(u), null, null, null,
                        null, null, 0, u.size()));
            }
        }
        return powered(holm(out));
    }

    /** The test's observations: each fork's median iteration, or every iteration. */
    List<Double> units(Side s) {
        if (unit == Unit.ITERATION) return s.samples();
        return s.forks().stream().filter(f -> !f.isEmpty()).map(Gate::median).toList();
    }

    /** What one observation is called: a bench report's fork, a load report's server process. */
    private String unitName(BenchmarkKey key) {
        if (unit == Unit.ITERATION) return "samples";
        return key.benchmark().equals(BenchmarkKey.LOAD_BENCHMARK) ? "server processes" : "forks";
    }

    /** How to get more of them. */
    private static String more(BenchmarkKey key) {
        return key.benchmark().equals(BenchmarkKey.LOAD_BENCHMARK) ? "run more server processes (concur load --processes)"
                : "run more forks (--forks)";
    }

    static Map<BenchmarkKey, Side> merge(List<ResultFile> files) {
        Map<BenchmarkKey, Side> merged = new TreeMap<>();
        for (ResultFile f : files) {
            for (Side s : f.sides()) {
                Side prev = merged.get(s.key());
                if (prev == null) {
                    merged.put(s.key(), s);
                } else if (prev.status().equals("ok") && s.status().equals("ok")) {
                    List<List<Double>> all = new ArrayList<>(prev.forks());
                    all.addAll(s.forks());
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
        List<Double> ub = units(b);
        List<Double> uc = units(c);
        if (ub.isEmpty() || uc.isEmpty()) return inconclusive(b, c, "no samples", false);
        double mb = median(ub);
        double mc = median(uc);
        if (sameSamples(b, c)) {
            return new Verdict(label, b.key(), Verdict.NO_CHANGE, SAME, false, b.unit(),
                    b.lowerIsBetter(), mb, mc, 0.0, 0.0, 0.0, 1.0, 1.0, ub.size(), uc.size());
        }
        if (ub.size() < MIN_SAMPLES || uc.size() < MIN_SAMPLES) {
            return inconclusive(b, c, "fewer than " + MIN_SAMPLES + " " + unitName(b.key()) + " a side (" + ub.size() + " vs "
                    + uc.size() + ")" + (unit == Unit.FORK ? ": " + more(b.key()) + " or more runs a side" : ""), false);
        }
        if (mb <= 0) return inconclusive(b, c, "baseline median is not positive", false);
        double[] x = toArray(ub);
        double[] y = toArray(uc);
        double p = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(x, y).getPValue();
        double[] ci = bootstrap(x, y, label);
        return new Verdict(label, b.key(), null, null, false, b.unit(), b.lowerIsBetter(), mb, mc, mc / mb - 1,
                ci[0], ci[1], p, null, x.length, y.length);
    }

    private Verdict inconclusive(Side b, Side c, String why, boolean missing) {
        List<Double> ub = b.finite() ? units(b) : List.of();
        List<Double> uc = c == null || !c.finite() ? List.of() : units(c);
        Double mb = ub.isEmpty() ? null : median(ub);
        Double mc = uc.isEmpty() ? null : median(uc);
        return new Verdict(b.key().label(), b.key(), Verdict.INCONCLUSIVE, why, missing, b.unit(), b.lowerIsBetter(),
                mb, mc, mb != null && mc != null && mb > 0 ? mc / mb - 1 : null, null, null, null, null,
                units(b).size(), c == null ? 0 : units(c).size());
    }

    /** Exactly the same samples, fork by fork: no statistical question to ask. */
    private static boolean sameSamples(Side b, Side c) {
        return b.forks().equals(c.forks());
    }

    /**
     * The smallest two-sided p-value Mann-Whitney's exact test can give for n and m observations with
     * no ties: 2 / C(n + m, n). When even that cannot pass Holm's strictest step (alpha / tests), the
     * comparison could not have found a regression, and saying "no change" would be a lie.
     */
    static double smallestP(int n, int m) {
        double c = 1;
        for (int i = 1; i <= n; i++) c = c * (m + i) / i;
        return Math.min(1, 2 / c);
    }

    private static final String SAME = "the same samples on both sides";

    /** Pairs that went through the test (Holm set their adjusted p), not those decided without one. */
    private static boolean tested(Verdict v) {
        return v.pHolm() != null && !SAME.equals(v.reason());
    }

    private List<Verdict> powered(List<Verdict> verdicts) {
        long tested = verdicts.stream().filter(Gate::tested).count();
        List<Verdict> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            double pmin = smallestP(v.nBaseline(), v.nCurrent());
            if (tested(v) && v.verdict().equals(Verdict.NO_CHANGE) && pmin > alpha / tested) {
                out.add(v.withHolm(v.pHolm(), Verdict.INCONCLUSIVE, String.format(java.util.Locale.ROOT,
                        "%d vs %d %s cannot reach p < %.4f (alpha / %d tests), the smallest possible p is %.4f: "
                                + "run more %s or more runs a side", v.nBaseline(), v.nCurrent(), unitName(v.key()),
                        alpha / tested, tested, pmin, v.key().benchmark().equals(BenchmarkKey.LOAD_BENCHMARK) ? "server processes" : "forks")));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** Holm's step-down adjustment over the tested pairs, then the verdicts. */
    private List<Verdict> holm(List<Verdict> all) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (all.get(i).verdict() == null) tested.add(i);
        // (pairs already decided, such as identical samples, keep their verdict and take no part)
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
        return Stats.median(xs);
    }

    static double median(double[] a) {
        return Stats.median(a);
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
