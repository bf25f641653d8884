package dev.concur.lecture;

import static dev.concur.lecture.Fixture.around;
import static dev.concur.lecture.Verdict.Outcome.CONTRADICTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the server slides show besides their verdict: degraded processes named, charts, the machine's sharing, rows that did not run. */
class ServerSlidesTest {
    private static final int N = Catalog.LOAD_CONNECTIONS;

    private static Claims.Claim claim(String id) {
        return Claims.ALL.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aServerThatDidNotKeepUpCountsWithWhatItDidAndIsNamed() {
        // timed-out requests make a process degraded, not missing: its answers per second are the finding
        List<dev.concur.result.LoadReport.LoadResult> wait = Loads.wait("python-threading", N + 1, around(330, 1)).stream()
                .map(r -> dev.concur.run.load.LoadResults.degraded(r, "412 requests timed out")).toList();
        Evidence e = Loads.evidence(Loads.load("load-wait", wait), Loads.load("load-hold", Loads.hold("python-threading", N + 1,
                around(52_000, 2)), Loads.hold("python-asyncio", 1, around(4_600, 2))));
        for (String lang : List.of("en", "es")) {
            Verdict v = claim("1.5-threadconns").rule().apply(e, new Text(lang)).verdict();
            assertEquals(CONTRADICTED, v.outcome(), lang + ": " + v.text());
            assertEquals(3, v.caveats().stream().filter(c -> c.startsWith("python-threading, ") && c.contains("412")).count(),
                    lang + ": each degraded process is named: " + v.caveats());
        }
    }

    @Test
    void theServerSlidesCarryTheirChartsAndSayHowTheMachineWasShared() {
        Evidence e = Loads.evidence(Loads.load("load-hold", Loads.hold("eventloop", 17, around(1_900, 2)),
                        Loads.hold("platform-per-connection", N + 17, around(34_000, 2))),
                Loads.load("load-wait", Loads.wait("eventloop", 17, around(985, 1)), Loads.wait("platform-per-connection", N + 17, around(985, 1))),
                Loads.load("load-rate", java.util.stream.IntStream.rangeClosed(1, 3).mapToObj(p -> dev.concur.run.load.LoadResults.rate(
                        "eventloop", p, N, 100_000, 1000, "ok", 100_300, 100_900, 102_000, 108_000, 130_000)).toList()));
        Claims.Body b = claim("1.2-connections").rule().apply(e, new Text("es"));
        assertEquals(List.of("memory", "latency"), b.figures().stream().map(Slide.Figure::name).toList());
        for (Slide.Figure f : b.figures()) assertTrue(f.png().get().length > 10_000, f.name() + " is a picture");
        assertTrue(b.verdict().caveats().contains("Cómo compartieron la máquina: CPU del servidor: 0; CPU del generador (concur): 1."),
                b.verdict().caveats().toString());
        // a table row for a peer that did not run says so
        assertTrue(b.table().rows().stream().anyMatch(r -> r.get(0).equals("node-http") && r.get(1).equals("no se ejecutó")), b.table().rows().toString());
        // the 1.4.3 slide has no chart
        assertEquals(List.of(), claim("1.4-interleave").rule().apply(e, new Text("es")).figures());
    }
}
