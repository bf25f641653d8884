package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch line's optional fields (docs/peers.md): the tasks-alive count and the runtime's own figures,
 * a race batch's counts, the lag probe's samples and the hand-over time. Read when sound, refused with the line quoted when
 * not; and the race counts checked and summed as a JVM fork's ({@link RaceTally}).
 */
class PeerProtocolTest {
    private static final int LINE = 4;
    private static final String BATCH = "{\"t\":\"batch\",\"phase\":\"measure\",\"it\":0,\"ns\":5,\"count\":2000,\"sum\":7";

    /** A measured batch line with {@code extra} fields appended, parsed as line {@value #LINE}. */
    private static PeerProtocol.BatchDone batch(String extra) throws Exception {
        return (PeerProtocol.BatchDone) PeerProtocol.parse(LINE, BATCH + extra + "}");
    }

    private static void refused(String extra) {
        var e = assertThrows(PeerProtocol.ProtocolException.class, () -> batch(extra));
        assertTrue(e.getMessage().startsWith("peer protocol: line " + LINE + ": '"), e.getMessage());
        assertTrue(e.getMessage().endsWith(PeerProtocol.quote(BATCH + extra + "}")), "quotes the line: " + e.getMessage());
    }

    @Test
    void aPlainBatchHasNoAliveNoRuntimeFiguresNoRaceAndNoLag() throws Exception {
        PeerProtocol.BatchDone d = batch("");
        assertNull(d.alive(), "not counted, not zero");
        assertEquals(Map.of(), d.runtime());
        assertNull(d.race());
        assertEquals(List.of(), d.lagMicros());
        assertEquals(new PeerProtocol.BatchDone(true, 0, 5, 2000, 7), d);
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

    @Test
    void raceCountsAndLagSamplesAreRead() throws Exception {
        PeerProtocol.BatchDone d = batch(",\"race\":{\"updates\":10000,\"lost\":9950,\"syncLost\":0},\"lag\":[0,12,5003]");
        assertEquals(new PeerProtocol.RaceCount(10_000, 9_950, 0), d.race());
        assertEquals(List.of(0L, 12L, 5003L), d.lagMicros());
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"submit\":6", ",\"submit\":-1", ",\"submit\":1.5", ",\"submit\":\"3\"", ",\"submit\":null",
            ",\"alive\":-1", ",\"alive\":\"2000\"", ",\"alive\":2.5", ",\"alive\":null", ",\"alive\":99999999999999999999",
            ",\"rt\":[1,2]", ",\"rt\":7", ",\"rt\":{\"stackInuse\":-4}", ",\"rt\":{\"stackInuse\":\"4\"}",
            ",\"rt\":{\"stackInuse\":1.5}", ",\"rt\":{\"bogus\":1}", ",\"rt\":{\"rss\":{}}"})
    void garbageInAliveOrRuntimeFiguresIsAProtocolErrorQuotingTheLine(String extra) {
        refused(extra);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ",\"race\":7",                                                   // not an object
            ",\"race\":{\"updates\":10,\"lost\":3}",                         // a count missing
            ",\"race\":{\"updates\":10,\"lost\":11,\"syncLost\":0}",         // lost more than made
            ",\"race\":{\"updates\":10,\"lost\":1,\"syncLost\":-1}",         // negative
            ",\"race\":{\"updates\":10,\"lost\":1.5,\"syncLost\":0}",        // not whole
            ",\"lag\":12",                                                   // not an array
            ",\"lag\":[1,-2]",                                               // negative
            ",\"lag\":[1,\"2\"]",                                            // not a number
            ",\"lag\":[0.5]",                                                // not whole
            ",\"lag\":[3600000001]",                                         // beyond one hour
    })
    void malformedRaceOrLagIsAProtocolErrorQuotingTheLine(String extra) {
        refused(extra);
    }

    @Test
    void raceCountsAreCheckedAgainstTheWorkload() {
        assertNull(RaceTally.check(null, null), "no race, no counts");
        assertNull(RaceTally.check(new PeerProtocol.RaceCount(100, 99, 0), 100L), "lost updates are the lesson, not an error");
        assertEquals("no race counts reported (the race workloads must report their counters)", RaceTally.check(null, 100L));
        assertEquals("the synchronised counter lost 2 of 100 updates", RaceTally.check(new PeerProtocol.RaceCount(100, 0, 2), 100L));
        assertEquals("the counters got 90 updates, the workload makes 100", RaceTally.check(new PeerProtocol.RaceCount(90, 0, 0), 100L));
        assertEquals("counters reported for a workload that has none", RaceTally.check(new PeerProtocol.RaceCount(9, 0, 0), null));
    }

    @Test
    void theTallyIsTheJvmForksRace() {
        RaceTally t = new RaceTally();
        assertNull(t.race(), "no race batch, no race");
        t.add(null);
        t.add(new PeerProtocol.RaceCount(100, 10, 0));
        t.add(new PeerProtocol.RaceCount(100, 30, 0));
        assertEquals(new dev.concur.result.Race(100, 2, 10, 30, 20.0, 0), t.race());
    }
}
