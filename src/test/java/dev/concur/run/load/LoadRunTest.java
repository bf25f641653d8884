package dev.concur.run.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.result.LoadReport.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code concur load}'s runner end to end against real JVM server processes ({@code concur serve}
 * in a child JVM): every experiment produces a result whose counts add up, the measured rate stays
 * under the model's ceiling, the blocking loop is capped at 1/D, hostile clients leave the server
 * serving, and no server outlives the run. Small and short: correctness, not performance.
 */
class LoadRunTest {
    private static final long MS = 1_000_000L;

    @Test
    void everyExperimentRunsAgainstRealServersAndLeavesNothingBehind(@TempDir Path dir) {
        Experiments.Settings s = new Experiments.Settings(200, 1, 500 * MS, 1500 * MS, 5000 * MS, 1.0, 7);
        LoadRun.Plan plan = new LoadRun.Plan(List.of("hold", "wait", "rate", "hostile"), List.of("eventloop", "sequential"),
                List.of(100), List.of(20), 20_000, 1000, null, 1, new ServerLauncher.Options(200, 4096, 0), s, dir, null);
        ServerLauncher launcher = new ServerLauncher(null, null, "shared", new PeerServerSource(Map.of()));
        List<List<LoadResult>> reports = new ArrayList<>();
        List<LoadResult> rs = new LoadRun(plan, launcher, line -> { }).run(reports::add);
        assertEquals(8, rs.size());
        assertEquals(8, reports.size(), "the report is handed over after every result");
        for (LoadResult r : rs) {
            assertTrue(List.of("ok", "degraded").contains(r.status()), r.experiment() + " " + r.model() + ": " + r.status() + " " + r.why());
            assertNotNull(r.settings(), "the server's own settings line is kept");
            assertEquals(r.model(), r.settings().get("model").asText());
        }
        LoadResult hold = find(rs, "hold", "eventloop");
        assertEquals(100 + hold.requests().sent() - 100, hold.requests().ok() + hold.requests().wrong() + hold.requests().errors()
                + hold.requests().timeouts(), "every request sent is counted once");
        assertTrue(hold.server().fdsAfter() >= 100, "100 held connections are 100 descriptors: " + hold.server().fdsAfter());
        assertNotNull(hold.perRequest().memoryBytes());

        LoadResult loop = find(rs, "wait", "eventloop");
        LoadResult blocking = find(rs, "wait", "sequential");
        assertEquals(20 / 0.020, loop.ceiling().rate(), 1e-6);
        assertEquals(1 / 0.020, blocking.ceiling().rate(), 1e-6);
        assertTrue(blocking.achievedRate() <= 50 * 1.05, "one thread that sleeps 20 ms answers at most 50/s: " + blocking.achievedRate());
        assertTrue(loop.achievedRate() > 3 * blocking.achievedRate(),
                "a loop that does not block interleaves the connections: " + loop.achievedRate() + " vs " + blocking.achievedRate());

        LoadResult rate = find(rs, "rate", "eventloop");
        assertEquals("open", rate.loop());
        assertEquals("intended", rate.latency().from());
        assertEquals(Math.floor(loop.ceiling().rate() / 2), rate.offeredRate(), 1e-9, "rate offers half the ceiling by default");

        LoadResult hostile = find(rs, "hostile", "eventloop");
        assertEquals(4, hostile.hostile().size());
        for (var c : hostile.hostile()) assertTrue(c.servedAfter(), c.client() + ": " + c.outcome());
        // the sequential server may still be answering clients that left when the ordinary requests come: a result, not an error
        assertEquals(4, find(rs, "hostile", "sequential").hostile().size());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no server outlives the run");
    }

    private static LoadResult find(List<LoadResult> rs, String experiment, String model) {
        return rs.stream().filter(r -> r.experiment().equals(experiment) && r.model().equals(model)).findFirst().orElseThrow();
    }
}
