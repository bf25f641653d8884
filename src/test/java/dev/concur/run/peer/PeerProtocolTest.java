package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The batch line's optional tasks-alive count, the runtime's own figures and the hand-over time: read when sound, refused when not. */
class PeerProtocolTest {
    private static final String BATCH = "{\"t\":\"batch\",\"phase\":\"measure\",\"it\":0,\"ns\":5,\"count\":2000,\"sum\":7";

    private static PeerProtocol.BatchDone batch(String extra) throws Exception {
        return (PeerProtocol.BatchDone) PeerProtocol.parse(4, BATCH + extra + "}");
    }

    @Test
    void aBatchWithoutAliveCountedNothing() throws Exception {
        PeerProtocol.BatchDone d = batch("");
        assertNull(d.alive(), "not counted, not zero");
        assertEquals(Map.of(), d.runtime());
    }

    @Test
    void aliveAndTheRuntimesOwnFiguresAreRead() throws Exception {
        PeerProtocol.BatchDone go = batch(",\"alive\":2000,\"rt\":{\"stackInuse\":4325376,\"heapInuse\":1654784,\"goroutines\":2001}");
        assertEquals(2000L, go.alive());
        assertEquals(Map.of("stackInuse", 4325376L, "heapInuse", 1654784L, "goroutines", 2001L), go.runtime());
        PeerProtocol.BatchDone node = batch(",\"alive\":1,\"rt\":{\"heapUsed\":1,\"external\":2,\"arrayBuffers\":3,\"rss\":4}");
        assertEquals(4, node.runtime().size());
        assertEquals(Map.of("tasks", 2001L), batch(",\"alive\":2000,\"rt\":{\"tasks\":2001}").runtime());
        assertEquals(0L, batch(",\"alive\":0").alive());
    }

    @Test
    void theHandOverTimeIsReadWithinTheBatch() throws Exception {
        assertNull(batch("").submitNanos(), "not timed, not zero");
        assertEquals(3L, batch(",\"submit\":3").submitNanos());
        assertEquals(5L, batch(",\"submit\":5").submitNanos(), "the whole batch may be its hand-over");
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"submit\":6", ",\"submit\":-1", ",\"submit\":1.5", ",\"submit\":\"3\"", ",\"submit\":null",
            ",\"alive\":-1", ",\"alive\":\"2000\"", ",\"alive\":2.5", ",\"alive\":null", ",\"alive\":99999999999999999999",
            ",\"rt\":[1,2]", ",\"rt\":7", ",\"rt\":{\"stackInuse\":-4}", ",\"rt\":{\"stackInuse\":\"4\"}",
            ",\"rt\":{\"stackInuse\":1.5}", ",\"rt\":{\"bogus\":1}", ",\"rt\":{\"rss\":{}}"})
    void garbageInTheNewFieldsIsAProtocolErrorQuotingTheLine(String extra) {
        var e = assertThrows(PeerProtocol.ProtocolException.class, () -> batch(extra));
        assertTrue(e.getMessage().startsWith("peer protocol: line 4: '"), e.getMessage());
        assertTrue(e.getMessage().endsWith(PeerProtocol.quote(BATCH + extra + "}")), e.getMessage());
    }
}
