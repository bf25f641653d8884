package dev.concur.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ratio interval that every lecture verdict reads: processes as the unit, Welch on logs. */
class RatioTest {

    @Test
    void theRatioOfGeometricMeansWithAnIntervalAroundIt() {
        Ratio r = Ratio.of(List.of(10.0, 11.0, 12.0), List.of(5.0, 5.5, 6.0), 0.95);
        assertEquals(2.0, r.value(), 1e-9);
        assertTrue(r.hasInterval());
        assertTrue(r.low() < 2 && r.high() > 2, r.toString());
        assertTrue(r.above(1.2), "every process of a is twice as slow: conclusively above 1.2");
        Ratio inv = r.inverse();
        assertEquals(0.5, inv.value(), 1e-9);
        assertEquals(1 / r.high(), inv.low(), 1e-12);
        // the same ratio computed the other way round gives exactly the inverted interval
        Ratio other = Ratio.of(List.of(5.0, 5.5, 6.0), List.of(10.0, 11.0, 12.0), 0.95);
        assertEquals(inv.low(), other.low(), 1e-12);
        assertEquals(inv.high(), other.high(), 1e-12);
    }

    @Test
    void fewerThanThreeProcessesOrNoSpreadGiveNoInterval() {
        Ratio two = Ratio.of(List.of(10.0, 11.0), List.of(5.0, 5.5, 6.0), 0.95);
        assertFalse(two.hasInterval());
        assertTrue(two.why().contains("fewer than 3 processes"), two.why());
        assertFalse(two.above(1.0), "no interval is never conclusive");
        assertFalse(two.within(100), "nor evidence of no effect");
        Ratio flat = Ratio.of(List.of(10.0, 10.0, 10.0), List.of(5.0, 5.0, 5.0), 0.95);
        assertFalse(flat.hasInterval(), "a zero-width interval is degenerate, not certain");
        assertEquals(2.0, flat.value(), 1e-12);
    }

    @Test
    void noisyDataIsNeitherAnEffectNorEvidenceOfNone() {
        Ratio noisy = Ratio.of(List.of(8.0, 12.0, 10.0), List.of(9.0, 11.0, 13.0), 0.95);
        assertFalse(noisy.above(1 / 1.2));
        assertFalse(noisy.below(1.2));
        assertFalse(noisy.within(1.2), "wide interval: absence of evidence is not evidence of absence: " + noisy);
        Ratio tight = Ratio.of(List.of(10.0, 10.1, 9.9), List.of(10.05, 9.95, 10.0), 0.95);
        assertTrue(tight.within(1.2), tight.toString());
    }

    @Test
    void theIntervalCoversTheTrueRatioAboutAsOftenAsItSays() {
        // lognormal process means, true ratio 1.5, 3 and 4 processes a side, 4,000 draws, seeded
        Random rnd = new Random(42);
        int covered = 0;
        int draws = 4000;
        for (int i = 0; i < draws; i++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (int k = 0; k < 3; k++) a.add(1.5 * Math.exp(0.1 * rnd.nextGaussian()));
            for (int k = 0; k < 4; k++) b.add(Math.exp(0.2 * rnd.nextGaussian()));
            Ratio r = Ratio.of(a, b, 0.95);
            if (r.low() <= 1.5 && 1.5 <= r.high()) covered++;
        }
        double coverage = (double) covered / draws;
        assertTrue(coverage > 0.92 && coverage < 0.98, "95 % interval covered the truth " + coverage);
    }
}
