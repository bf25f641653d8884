package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Node's EventEmitter experiment (src/peers/node/emitter.js): every listener call happens, and
 * emit() runs its listeners before it returns: with a listener that busy-waits 10 ms, emit() takes
 * at least 10 ms and the loop's 5 ms probe fires late; deferred with setImmediate, emit() returns
 * before the listener runs, but the listener still blocks the same loop later. Bounds come from the
 * busy-wait itself (a lower bound), never from speed.
 */
class EmitterExperimentTest {

    private static Map<String, JsonNode> run() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "src/peers/node/emitter.js", "--events", "20000", "--listeners", "1,10",
                "--listener-ms", "10", "--emits", "10", "--gap-ms", "20");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            if (System.getenv("CONCUR_REQUIRE_PEERS") == null) Assumptions.abort("node not found on PATH");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the experiment ends");
        assertEquals(0, p.exitValue(), out);
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> lines = new HashMap<>();
        for (String line : out.lines().toList()) {
            JsonNode n = json.readTree(line);
            String key = n.get("t").asText() + (n.has("mode") ? ":" + n.get("mode").asText()
                    : n.has("listeners") ? ":" + n.get("listeners").asInt() : "");
            lines.put(key, n);
        }
        return lines;
    }

    @Test
    void emitRunsItsListenersBeforeItReturnsAndDeferringDoesNotFreeTheLoop() throws Exception {
        Map<String, JsonNode> r = run();
        assertTrue(r.containsKey("done"), "finished: " + r.keySet());
        for (String k : List.of("throughput:1", "throughput:10")) {
            assertTrue(r.get(k).get("eventsPerSec").asLong() > 0, k);
        }
        JsonNode sync = r.get("dispatch:sync"), deferred = r.get("dispatch:setImmediate");
        assertEquals(10, sync.get("calls").asInt(), "every listener call ran");
        assertEquals(10, deferred.get("calls").asInt(), "every deferred listener call ran");
        assertTrue(sync.get("emitReturnMs").get("p50").asDouble() >= 10.0,
                "emit() returned before its 10 ms listener finished: " + sync);
        assertTrue(deferred.get("emitReturnMs").get("p50").asDouble() < 10.0,
                "a deferred emit() waited for its listener: " + deferred);
        for (JsonNode d : List.of(sync, deferred)) {
            assertTrue(d.get("loopLagMs").get("max").asDouble() >= 4.0,
                    "a 10 ms listener on the loop delays a 5 ms timer by half of it at least: " + d);
        }
    }
}
