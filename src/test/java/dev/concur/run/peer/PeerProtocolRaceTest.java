package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch line's optional fields: a race batch's counts and the lag probe's samples (docs/peers.md). */
class PeerProtocolRaceTest {

    private static PeerProtocol.BatchDone batch(String extra) throws Exception {
        return (PeerProtocol.BatchDone) PeerProtocol.parse(3,
                "{\"t\":\"batch\",\"phase\":\"measure\",\"it\":1,\"ns\":5000,\"count\":20,\"sum\":7" + extra + "}");
    }

    @Test
    void aPlainBatchHasNoRaceAndNoLag() throws Exception {
        PeerProtocol.BatchDone d = batch("");
        assertNull(d.race());
        assertEquals(List.of(), d.lagMicros());
        assertEquals(new PeerProtocol.BatchDone(true, 1, 5000, 20, 7), d);
    }

    @Test
    void raceCountsAndLagSamplesAreRead() throws Exception {
        PeerProtocol.BatchDone d = batch(",\"race\":{\"updates\":10000,\"lost\":9950,\"syncLost\":0},\"lag\":[0,12,5003]");
        assertEquals(new PeerProtocol.RaceCount(10_000, 9_950, 0), d.race());
        assertEquals(List.of(0L, 12L, 5003L), d.lagMicros());
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
    void malformedFieldsAreAProtocolErrorQuotingTheLine(String extra) {
        PeerProtocol.ProtocolException e = assertThrows(PeerProtocol.ProtocolException.class, () -> batch(extra));
        assertTrue(e.getMessage().startsWith("peer protocol: line 3: '"), e.getMessage());
        assertTrue(e.getMessage().contains("\"t\":\"batch\""), "quotes the line: " + e.getMessage());
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
