package dev.concur.run.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.concur.workload.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The load generator against servers whose behaviour is known: the http workload's loopback server
 * (answers f(i) after a fixed latency, a virtual thread per request), a server that answers wrongly,
 * and one that hangs up. Bounds are generous: these machines have two noisy cores.
 */
class DriverTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aClosedLoopCountsEveryCorrectAnswerAndStaysUnderLittlesLaw() throws IOException {
        try (LoopbackServer server = new LoopbackServer(20_000_000L, 0);
             Driver d = new Driver(server.address(), 0, 0, 5 * SECOND)) {
            assertEquals(20, d.connect(20, 20, System.nanoTime() + 5 * SECOND));
            long t0 = System.nanoTime();
            d.closedLoop(SECOND);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Driver.Tally t = d.tally();
            assertEquals(0, t.wrong + t.errors + t.timeouts, t.firstProblem);
            assertEquals(t.sent, t.ok);
            double rate = t.ok / seconds;
            assertTrue(rate <= 20 / 0.020 * 1.05, "20 connections / 20 ms allow 1,000 answers/s, not " + rate);
            assertTrue(rate > 100, "at least a tenth of the ceiling on a busy machine: " + rate);
            assertTrue(t.latency.getValueAtPercentile(50) >= 20_000, "every answer waited 20 ms");
        }
    }

    @Test
    void anOpenLoopSendsOnScheduleAndMeasuresFromTheIntendedStart() throws IOException {
        try (LoopbackServer server = new LoopbackServer(10_000_000L, 0);
             Driver d = new Driver(server.address(), 0, 0, 5 * SECOND)) {
            d.connect(10, 10, System.nanoTime() + 5 * SECOND);
            d.openLoop(200, SECOND, false, 1);
            Driver.Tally t = d.tally();
            assertTrue(t.sent >= 190 && t.sent <= 201, "200/s for 1 s sends 200, not " + t.sent);
            assertEquals(t.sent, t.ok, t.firstProblem);
            assertEquals(0, t.unsent);
        }
    }

    /**
     * The trap the open loop exists for: a server that can answer 10 per second (2 connections ×
     * 200 ms) offered 50 per second. A closed loop would record ~200 ms for every answer; measured
     * from the intended start, the queue behind the busy connections shows, and requests still
     * waiting at the end are counted as never sent.
     */
    @Test
    void aStallShowsInTheLatencyInsteadOfBeingOmitted() throws IOException {
        try (LoopbackServer server = new LoopbackServer(200_000_000L, 0);
             Driver d = new Driver(server.address(), 0, 0, 5 * SECOND)) {
            d.connect(2, 2, System.nanoTime() + 5 * SECOND);
            d.openLoop(50, 2 * SECOND, false, 1);
            Driver.Tally t = d.tally();
            assertTrue(t.latency.getValueAtPercentile(90) > 600_000,
                    "queued requests wait far longer than 200 ms from their intended start: p90 " + t.latency.getValueAtPercentile(90));
            assertTrue(t.ok + t.unsent + t.timeouts >= 95, "every scheduled request is accounted for: " + t.ok + " + " + t.unsent);
            assertTrue(t.ok < 40, "2 connections × 200 ms answer about 10/s: " + t.ok);
        }
    }

    @Test
    void wrongAnswersAndHangUpsAreCountedNotDropped() throws IOException {
        HttpServer wrong = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        wrong.createContext("/task/", ex -> {
            byte[] body = "7".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        wrong.setExecutor(Executors.newSingleThreadExecutor());
        wrong.start();
        try (Driver d = new Driver(wrong.getAddress(), 0, 0, 5 * SECOND)) {
            d.connect(2, 2, System.nanoTime() + 5 * SECOND);
            d.oneEach(System.nanoTime() + 5 * SECOND);
            assertEquals(2, d.tally().wrong);
            assertEquals(0, d.tally().ok);
            assertNotNull(d.tally().firstProblem);
        } finally {
            wrong.stop(0);
        }
        HttpServer hangUp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        hangUp.createContext("/task/", ex -> ex.close());
        hangUp.start();
        try (Driver d = new Driver(hangUp.getAddress(), 0, 0, 5 * SECOND)) {
            d.connect(3, 3, System.nanoTime() + 5 * SECOND);
            d.oneEach(System.nanoTime() + 5 * SECOND);
            Driver.Tally t = d.tally();
            assertEquals(3, t.errors + t.wrong + t.timeouts, "every request the server dropped is counted: " + t.firstProblem);
            assertEquals(0, t.ok);
        } finally {
            hangUp.stop(0);
        }
    }

    @Test
    void aRequestOlderThanTheTimeOutIsCountedAsTimedOut() throws IOException {
        try (LoopbackServer server = new LoopbackServer(3 * SECOND, 0);
             Driver d = new Driver(server.address(), 0, 0, SECOND / 5)) {
            d.connect(2, 2, System.nanoTime() + 5 * SECOND);
            d.oneEach(System.nanoTime() + 2 * SECOND);
            assertEquals(2, d.tally().timeouts);
            assertEquals(0, d.tally().ok);
        }
    }
}
