package dev.concur.scaling;

import dev.concur.result.Scaling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Amdahl, Karp–Flatt and USL on synthetic sweeps whose answer is known. */
class ScalingAnalysisTest {
    private static final double[] P = {1, 2, 4, 8, 16};

    private static double amdahl(double s, double p) {
        return 1 / (s + (1 - s) / p);
    }

    @Test
    void karpFlattRecoversTheSerialFractionAtEveryPoint() {
        for (double p : new double[] {2, 4, 8, 16}) {
            assertEquals(0.1, ScalingAnalysis.karpFlatt(amdahl(0.1, p), p), 1e-12);
            assertEquals(0.0, ScalingAnalysis.karpFlatt(p, p), 1e-12, "linear speedup has no serial part");
        }
    }

    @Test
    void amdahlFitRecoversAKnownSerialFraction() {
        double[] s = new double[P.length];
        for (int i = 0; i < P.length; i++) s[i] = amdahl(0.1, P[i]);
        Scaling.Amdahl fit = ScalingAnalysis.amdahl(P, s, 0.01);
        assertEquals(0.1, fit.serialFraction(), 1e-9);
        assertEquals(10, fit.maxSpeedup(), 1e-6);
        assertEquals(1.0, fit.r2(), 1e-9);
        assertTrue(fit.meaningful(), fit.why());
    }

    @Test
    void amdahlFitStaysCloseUnderNoise() {
        Random rnd = new Random(42);
        double[] s = new double[P.length];
        for (int i = 0; i < P.length; i++) s[i] = amdahl(0.25, P[i]) * (1 + 0.02 * rnd.nextGaussian());
        Scaling.Amdahl fit = ScalingAnalysis.amdahl(P, s, 0.03);
        assertEquals(0.25, fit.serialFraction(), 0.03);
        assertTrue(fit.meaningful(), fit.why());
    }

    @Test
    void onePointIsExactButNotAFit() {
        Scaling.Amdahl fit = ScalingAnalysis.amdahl(new double[] {1, 2}, new double[] {1, amdahl(0.2, 2)}, 0.01);
        assertEquals(0.2, fit.serialFraction(), 1e-9);
        assertFalse(fit.meaningful());
        assertTrue(fit.why().contains("one point"), fit.why());
    }

    @Test
    void noiseWiderThanTheEffectIsSaid() {
        Scaling.Amdahl fit = ScalingAnalysis.amdahl(new double[] {1, 2}, new double[] {1, 1.03}, 0.05);
        assertFalse(fit.meaningful());
        assertTrue(fit.why().startsWith("noise wider than the effect"), fit.why());
    }

    @Test
    void uslRecoversContentionAndCoherency() {
        double sigma = 0.05;
        double kappa = 0.002;
        double[] s = new double[P.length];
        for (int i = 0; i < P.length; i++) s[i] = P[i] / (1 + sigma * (P[i] - 1) + kappa * P[i] * (P[i] - 1));
        Scaling.Usl fit = ScalingAnalysis.usl(P, s, 1, 0.01);
        assertEquals(sigma, fit.sigma(), 1e-9);
        assertEquals(kappa, fit.kappa(), 1e-9);
        assertNotNull(fit.peakCores());
        assertEquals(Math.sqrt((1 - sigma) / kappa), fit.peakCores(), 1e-6);
        assertTrue(fit.meaningful(), fit.why());
    }
}
