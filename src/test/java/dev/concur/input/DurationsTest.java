package dev.concur.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"100ms,100000000", "2s,2000000000", "1.5s,1500000000", "250us,250000", "1m,60000000000", "7ns,7", " 3 ms ,3000000"})
    void parses(String text, long nanos) {
        assertEquals(nanos, Durations.parseNanos(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "100", "ms", "-5ms", "1e3ms", "10 parsecs", "1,5s"})
    void rejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos(text));
    }

    @ParameterizedTest
    @CsvSource({"100000000,100ms", "2000000000,2s", "250000,250us", "1500000000,1500ms"})
    void formatsRoundTrip(long nanos, String text) {
        assertEquals(text, Durations.format(nanos));
        assertEquals(nanos, Durations.parseNanos(text));
    }
}
