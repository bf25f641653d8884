package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.input.Profile;
import dev.concur.peer.PeerModel;
import dev.concur.peer.PeerModels;
import dev.concur.run.Benchmark;
import dev.concur.run.RunOutcome;
import dev.concur.run.Watchdog;
import dev.concur.workload.WorkloadParams;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every peer program, for every workload it implements, at small sizes: each batch's task count and
 * checksum equal the JVM's own reference, so Go, Python and Node.js did exactly the JVM's work.
 * A model whose runtime or packages are missing here is skipped with the reason, unless
 * {@code CONCUR_REQUIRE_PEERS} is set (as .ci/run sets it after installing them all).
 */
class PeersProduceReferenceTest {
    private static final Map<String, WorkloadParams> SIZES = Map.of(
            "io", new WorkloadParams(20, 2_000_000, 0),
            "cpu", new WorkloadParams(20, 0, 1_000),
            "mixed", new WorkloadParams(20, 2_000_000, 500),
            "pipeline", new WorkloadParams(50, 0, 100),
            "hold", new WorkloadParams(2_000, 20_000_000, 0),
            "emit", new WorkloadParams(20, 0, 1_000),
            "emit-deferred", new WorkloadParams(20, 0, 1_000));
    private static final Profile FAST = Profile.QUICK.with(1, 1, 2, Duration.ofMillis(20), null);
    private static final PeerRunner RUNNER = new PeerRunner(System.getenv());

    static Stream<Arguments> matrix() {
        return PeerModels.names().stream().flatMap(m -> {
            PeerModel peer = PeerModels.find(m).orElseThrow();
            return Stream.of("io", "cpu", "mixed", "pipeline", "hold", "emit", "emit-deferred").filter(peer::supports)
                    // sequential baselines cannot hold the pipeline's five parts: concur skips that pair
                    .filter(w -> !(w.equals("pipeline") && m.endsWith("-sequential")))
                    .map(w -> Arguments.of(m, w));
        });
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matrix")
    void everyBatchMatchesTheJvmReference(String model, String workload) throws Exception {
        Benchmark b = Benchmark.resolve(model, workload, SIZES.get(workload), 16, null, 2, FAST, 30_000_000_000L, null,
                null, null);
        String why = RUNNER.whyUnavailable(b);
        if (why != null && System.getenv("CONCUR_REQUIRE_PEERS") == null) Assumptions.abort(why);
        assertNull(why, "CONCUR_REQUIRE_PEERS is set: " + why);
        RunOutcome o = RUNNER.run(b, 0, 2, new Watchdog.Deadline(null, 1e9));
        assertNull(o.failure(), o.failure());
        var fork = o.forks().get(0);
        assertTrue(fork.batches() >= 3, "warm-up and measured batches: " + fork.batches());
        assertEquals(fork.batches(), fork.validBatches(), "every batch valid: " + fork.firstMismatch());
        assertEquals(2, o.samples().size());
        assertTrue(fork.fork().runtime() != null && !fork.fork().runtime().isBlank());
        int n = b.workload().taskCount(b.params());
        if (fork.peakAlive() != null) {
            assertTrue(fork.peakAlive() >= 1 && fork.peakAlive() <= n, "alive within 1.." + n + ": " + fork.peakAlive());
        }
        if (model.endsWith("-sequential")) assertEquals(1L, fork.peakAlive(), "one task at a time");
        // emit() runs its listeners before it returns, so the caller's next event starts after the last one ends;
        // setImmediate returns at once, so all N are emitted before any listener runs
        if (workload.equals("emit")) assertEquals(1L, fork.peakAlive(), "one event alive at a time: emit() returns after its listeners");
        if (workload.equals("emit-deferred")) assertEquals((long) n, fork.peakAlive(), "every deferred emit returned before any listener ran");
        if (workload.equals("hold")) {
            assertEquals((long) n, fork.peakAlive(), "hold's start gate opens only when all N tasks are alive");
            Map<String, Double> rt = fork.runtimeMemory();
            switch (model) {
                case "go-goroutine" -> {
                    assertTrue(rt.get("goroutines") > n, "N goroutines and main: " + rt);
                    assertTrue(rt.get("stackInuse") >= 2048.0 * n, "at least 2 KB of stack per goroutine: " + rt);
                    assertTrue(rt.get("heapInuse") > 0, rt.toString());
                }
                case "python-asyncio" -> assertTrue(rt.get("tasks") > n, "N tasks and the one gathering them: " + rt);
                case "node-eventloop" -> {
                    assertEquals(java.util.Set.of("heapUsed", "external", "arrayBuffers", "rss"), rt.keySet());
                    assertTrue(rt.get("rss") > rt.get("heapUsed"), rt.toString());
                }
                default -> assertEquals(Map.of(), rt, "Twisted says nothing of itself: " + rt);
            }
        }
    }
}
