package dev.concur.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The runtime settings a memory figure depends on, as the report records them. */
class EnvironmentProbeTest {
    @Test
    void transparentHugePagesIsTheBracketedChoice() {
        assertEquals("madvise", EnvironmentProbe.bracketed("always [madvise] never\n"));
        assertEquals("always", EnvironmentProbe.bracketed("[always] madvise never"));
        assertEquals("never", EnvironmentProbe.bracketed("always madvise [never]"));
        assertNull(EnvironmentProbe.bracketed("always madvise never"));
        assertNull(EnvironmentProbe.bracketed("[always"));
    }

    @Test
    void gogcUnsetIsGosDefault() {
        assertEquals("100 (default)", EnvironmentProbe.gogc(null));
        assertEquals("100 (default)", EnvironmentProbe.gogc(" "));
        assertEquals("off", EnvironmentProbe.gogc("off"));
        assertEquals("50", EnvironmentProbe.gogc("50"));
    }
}
