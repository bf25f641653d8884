package dev.concur.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Proves the gate's error rates on seeded synthetic runs: 100 pairs of runs of 20 benchmarks,
 * 10 samples a side, coefficients of variation between 1 % and 20 %. The rates are printed so the
 * README can quote them.
 */
class GateStatisticsTest {
    private static final int PAIRS = 100;
    private static final int BENCHMARKS = 20;
    private static final int SAMPLES = 10;      // the ci suite's 10 measured iterations, one run a side
    private static final int INTERLEAVED = 20;  // scripts/ci-perf-check.sh: 2 interleaved runs a side
    private final Gate gate = new Gate(0.05, 0.05);

    /** One run: benchmark b has mean 100 (× factor for the injected one) and its own CV. */
    private static ResultFile run(SplittableRandom rnd, double[] cvs, int injected, double factor, double injectedCv, int n) {
        List<Side> sides = new ArrayList<>();
        for (int b = 0; b < BENCHMARKS; b++) {
            double mean = b == injected ? 100 * factor : 100;
            double cv = b == injected ? injectedCv : cvs[b];
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < n; i++) samples.add(mean * (1 + cv * gaussian(rnd)));
            sides.add(new Side(new BenchmarkKey("bench.B" + b, Map.of(), null), "ok", "ms/op", true, samples));
        }
        return new ResultFile("synthetic", "jmh", new Environment(null, null, null, List.of()), sides);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** How many of 100 pairs the gate calls a regression anywhere, and on the injected benchmark. */
    private int[] experiment(long seed, double factor, double injectedCv) {
        return experiment(seed, factor, injectedCv, SAMPLES);
    }

    private int[] experiment(long seed, double factor, double injectedCv, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int anyRegression = 0;
        int injectedFlagged = 0;
        for (int pair = 0; pair < PAIRS; pair++) {
            double[] cvs = new double[BENCHMARKS];
            for (int b = 0; b < BENCHMARKS; b++) cvs[b] = 0.01 + 0.19 * rnd.nextDouble();
            double cv0 = factor == 1.0 ? cvs[0] : injectedCv; // the injected benchmark has the same CV on both sides
            ResultFile base = run(rnd, cvs, 0, 1.0, cv0, n);
            ResultFile cur = run(rnd, cvs, 0, factor, cv0, n);
            List<Verdict> v = gate.compare(List.of(base), List.of(cur));
            if (v.stream().anyMatch(x -> x.verdict().equals(Verdict.REGRESSION))) anyRegression++;
            if (v.stream().anyMatch(x -> x.benchmark().equals("bench.B0") && x.verdict().equals(Verdict.REGRESSION))) injectedFlagged++;
        }
        return new int[] {anyRegression, injectedFlagged};
    }

    @Test
    void aaFalseAlarmsAtMostFivePercentOfPairs() {
        for (int n : new int[] {SAMPLES, INTERLEAVED}) {
            int[] r = experiment(1, 1.0, 0, n);
            System.out.printf("gate A/A: %d of %d pairs (20 benchmarks, CV 1-20%%, %d samples a side) raised a false alarm%n",
                    r[0], PAIRS, n);
            assertTrue(r[0] <= 5, "false alarms in " + r[0] + " pairs with " + n + " samples");
        }
    }

    @Test
    void twentyPercentSlowdownIsFlagged() {
        int[] r = experiment(2, 1.20, 0.05);
        System.out.printf("gate: an injected 20%% slowdown (CV 5%%) was flagged in %d of %d pairs%n", r[1], PAIRS);
        assertTrue(r[1] >= 95, "flagged " + r[1]);
    }

    @Test
    void tenPercentSlowdownIsFlagged() {
        // With 10 samples a side a 10 % shift at CV 5 % is only ~2 standard deviations: after Holm's
        // correction over 20 benchmarks the gate catches it about 7 times in 10. Two interleaved runs a
        // side (what scripts/ci-perf-check.sh collects) give the power the gate promises.
        int[] ten = experiment(3, 1.10, 0.05, SAMPLES);
        System.out.printf("gate: an injected 10%% slowdown (CV 5%%) was flagged in %d of %d pairs with %d samples a side%n",
                ten[1], PAIRS, SAMPLES);
        int[] r = experiment(3, 1.10, 0.05, INTERLEAVED);
        System.out.printf("gate: an injected 10%% slowdown (CV 5%%) was flagged in %d of %d pairs with %d samples a side%n",
                r[1], PAIRS, INTERLEAVED);
        assertTrue(r[1] >= 80, "flagged " + r[1]);
    }

    @Test
    void twentyPercentSpeedupNeverFails() {
        int[] r = experiment(4, 0.80, 0.05);
        System.out.printf("gate: an injected 20%% speedup was called a regression in %d of %d pairs%n", r[1], PAIRS);
        assertEquals(0, r[1]);
    }

    @Test
    void onePercentShiftBelowThresholdNeverFails() {
        // CV 1 %: the shift is statistically visible, but smaller than the 5 % threshold
        int[] r = experiment(5, 1.01, 0.01);
        System.out.printf("gate: an injected 1%% slowdown (CV 1%%, below the 5%% threshold) failed %d of %d pairs%n", r[1], PAIRS);
        assertEquals(0, r[1]);
    }

    @Test
    void sameInputsSameOutput() {
        SplittableRandom rnd = new SplittableRandom(9);
        double[] cvs = new double[BENCHMARKS];
        java.util.Arrays.fill(cvs, 0.05);
        ResultFile a = run(rnd, cvs, 3, 1.0, 0.05, SAMPLES);
        ResultFile b = run(rnd, cvs, 3, 1.3, 0.05, SAMPLES);
        assertEquals(gate.compare(List.of(a), List.of(b)), gate.compare(List.of(a), List.of(b)));
    }
}
