package dev.concur.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The steady-state rule and the intervals, on numbers worked out by hand. */
class StatsTest {
    @Test
    void steadyStateNeedsAWholeWindowWithinTheTolerance() {
        SteadyState s = new SteadyState();
        // the example (ms): the first two batches are still warming up
        long[] ms = {208, 191, 120, 114, 115};
        for (int i = 0; i < ms.length; i++) {
            s.add(ms[i] * 1_000_000);
            if (i < 2) assertNull(s.spreadPct(), "no window yet");
        }
        assertTrue(s.steady(), "120, 114, 115 are within 10% of 115: " + s.spreadPct());
        SteadyState early = new SteadyState();
        for (long m : new long[] {208, 191, 120}) early.add(m * 1_000_000);
        assertFalse(early.steady(), "the median of 208, 191, 120 is 191, and 120 is 37% below it");
        assertEquals(100.0 * (191 - 120) / 191, early.spreadPct(), 1e-9, "the largest distance from the median");
    }

    @Test
    void aStudentIntervalOnlyFromFiveSamples() {
        Interval three = Interval.of(List.of(10.0, 11.0, 12.0), 0.999);
        assertNull(three.halfWidth());
        assertEquals("range", three.method());
        assertEquals(100.0 * 2 / 2 / 11, three.halfRangePct(), 1e-9);
        Interval five = Interval.of(List.of(10.0, 11.0, 12.0, 11.0, 11.0), 0.999);
        assertEquals("student-t", five.method());
        // sd = sqrt(2/4) = 0.7071; t(0.9995, 4) = 8.6103
        assertEquals(8.6103 * 0.70711 / Math.sqrt(5), five.halfWidth(), 1e-3);
    }

    @Test
    void medianOfOddAndEven() {
        assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertNull(Stats.median(List.<Double>of()));
    }
}
