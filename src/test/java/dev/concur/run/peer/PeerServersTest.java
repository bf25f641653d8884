package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.workload.CpuWork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peer servers (Go net/http, Node http, Python asyncio, Twisted web, ThreadingHTTPServer) against
 * docs/servers.md's contract, each a real child process spoken to over plain sockets. A server whose
 * runtime or module is missing is skipped, unless {@code CONCUR_REQUIRE_PEERS} is set (as .ci/run sets it).
 */
class PeerServersTest {
    private static final PeerServers SERVERS = new PeerServers(System.getenv());

    static List<String> servers() {
        return PeerServers.names();
    }

    @Test
    void theFivePeerRowsOfTheServerModelsInTheirOrder() {
        assertEquals(List.of("go-http", "node-http", "python-asyncio", "python-twisted", "python-threading"), PeerServers.names());
        PeerServers.names().forEach(n -> assertFalse(PeerServers.description(n).isBlank(), n));
        assertThrows(IllegalArgumentException.class, () -> PeerServers.description("virtual"));
    }

    @Test
    void aMissingRuntimeOrModuleIsASkipWithItsInstallCommand(@TempDir Path bin) throws IOException {
        // a "python3" that says it is Python 3 and imports nothing; no go, no node
        Path python = bin.resolve("python3");
        Files.writeString(python, "#!/bin/sh\n[ \"$1\" = --version ] && echo 'Python 3.99.0' && exit 0\nexit 1\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        PeerServers here = new PeerServers(Map.of("PATH", bin.toString(), "CONCUR_PYTHON", python.toString(),
                "CONCUR_HOME", Path.of("").toAbsolutePath().toString()));
        assertTrue(here.launch("go-http").skipped().endsWith("apt-get install golang-go"), here.launch("go-http").skipped());
        assertTrue(here.launch("node-http").skipped().endsWith("apt-get install nodejs"), here.launch("node-http").skipped());
        String twisted = here.launch("python-twisted").skipped();
        assertTrue(twisted.contains("twisted") && twisted.endsWith("apt-get install python3-twisted"), twisted);
        PeerServers.Launch asyncio = here.launch("python-asyncio");
        assertTrue(asyncio.ready(), asyncio.skipped());
        assertEquals(python.toString(), asyncio.command().get(0));
        assertTrue(asyncio.command().get(1).endsWith("src/peers/python/concur_server.py"), asyncio.command().toString());
        assertEquals(List.of("--model", "python-asyncio"), asyncio.command().subList(2, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void saysItsSettings(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model, "--backlog", "1024", "--max-connections", "64")) {
            var json = s.settings;
            assertFalse(json.path("runtime").asText().isBlank(), json.toString());
            assertEquals(0, json.path("threads").asInt(-1), "no peer server has a fixed pool: " + json);
            assertEquals(0, json.path("idleTimeoutSeconds").asInt(-1), "no idle time-out: " + json);
            assertEquals(64, json.path("maxConnections").asInt(-1), json.toString());
            assertTrue(json.path("backlog").isInt() && json.path("notes").isArray() && !json.path("notes").isEmpty(), json.toString());
            if (!model.equals("go-http")) assertEquals(1024, json.path("backlog").asInt(), json.toString()); // Go: somaxconn
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void answersFiftyKeepAliveConnectionsAtOnce(String model) throws Exception {
        int connections = 50, requests = 3, waitMicros = 20_000, work = 1000;
        try (ServedPeer s = ServedPeer.start(SERVERS, model); ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                int first = c * requests;
                done.add(clients.submit(() -> {
                    try (RawHttp http = new RawHttp(s.port)) {
                        for (int i = first; i < first + requests; i++) {
                            RawHttp.Response r = http.get("/task/" + i + "?wait=" + waitMicros + "&work=" + work);
                            assertEquals(200, r.status(), model + " task " + i + ": " + r);
                            assertEquals(Long.toString(CpuWork.compute(i, work)), r.body(), model + " task " + i);
                            assertEquals("text/plain", r.header("content-type"), r.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            double serial = connections * requests * waitMicros / 1e6; // 3 s, one request after another
            // generous: 2 cores shared with other builds; concurrent, it takes about 3 waits, 60 ms
            assertTrue(seconds < serial / 2, model + " took " + seconds + " s for what takes " + serial + " s serially");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void refusesAnUnparseableRequestOrAnotherMethodWith400AndCloses(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model)) {
            try (RawHttp http = new RawHttp(s.port)) {
                http.send("GARBAGE\r\n\r\n");
                assertEquals(400, http.read().status(), model);
                assertTrue(http.closedWithin(5000), model + " keeps the connection after a malformed request line");
            }
            try (RawHttp http = new RawHttp(s.port)) {
                http.send("POST /task/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
                RawHttp.Response r = http.read();
                assertEquals(400, r.status(), model + ": " + r);
                assertEquals("close", r.header("connection"), model + ": " + r);
                assertTrue(http.closedWithin(5000), model + " keeps the connection after a POST");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void answersAnUnknownPathOrABadValueAndKeepsTheConnection(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model); RawHttp http = new RawHttp(s.port)) {
            assertEquals(404, http.get("/nope").status(), model);
            assertEquals(404, http.get("/task/2147483648").status(), model + ": i < 2^31");
            assertEquals(400, http.get("/task/1?wait=soon").status(), model);
            assertEquals(400, http.get("/task/1?work=1000000001").status(), model);
            RawHttp.Response r = http.get("/task/3"); // wait and work default to 0
            assertEquals(200, r.status(), model + ": " + r);
            assertEquals(Long.toString(CpuWork.compute(3, 0)), r.body(), model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void answersARequestSplitAcrossTwoWrites(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model); RawHttp http = new RawHttp(s.port)) {
            http.send("GET /task/7?wait=0&wo");
            Thread.sleep(50);
            http.send("rk=10 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttp.Response r = http.read();
            assertEquals(200, r.status(), model + ": " + r);
            assertEquals(Long.toString(CpuWork.compute(7, 10)), r.body(), model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aSilentConnectionDoesNotBlockOthers(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model);
             RawHttp silent = new RawHttp(s.port);
             RawHttp halfway = new RawHttp(s.port);
             RawHttp http = new RawHttp(s.port)) {
            halfway.send("GET /task/1 HTTP/1.1\r\nHo");
            RawHttp.Response r = http.get("/task/5?work=100"); // RawHttp times out after 10 s
            assertEquals(Long.toString(CpuWork.compute(5, 100)), r.body(), model);
            assertFalse(silent.closedWithin(100), model + " closed a silent connection");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void closesAConnectionOverMaxConnections(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model, "--max-connections", "2");
             RawHttp one = new RawHttp(s.port); RawHttp two = new RawHttp(s.port)) {
            assertEquals(200, one.get("/task/1").status(), model);
            assertEquals(200, two.get("/task/2").status(), model);
            try (RawHttp three = new RawHttp(s.port)) {
                boolean closed;
                try {
                    three.send("GET /task/3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    closed = three.closedWithin(5000);
                } catch (IOException reset) { // closed before the request went out
                    closed = true;
                }
                assertTrue(closed, model + " answered a third connection over --max-connections 2");
            }
            one.close();
            boolean answered = false; // the server counts the closed connection out soon, not at once
            for (long end = System.nanoTime() + 5_000_000_000L; !answered && System.nanoTime() < end; Thread.sleep(50)) {
                try (RawHttp again = new RawHttp(s.port)) {
                    answered = again.get("/task/4").status() == 200;
                } catch (IOException closed) {
                    // still counted: try again
                }
            }
            assertTrue(answered, model + " never took a connection again after one of 2 closed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void exitsWhenItsStandardInputCloses(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model); RawHttp idle = new RawHttp(s.port)) {
            assertEquals(200, idle.get("/task/1").status(), model); // an open keep-alive connection must not hold it
            s.closeStdin();
            assertTrue(s.process.waitFor(5, TimeUnit.SECONDS), model + " outlived its parent's pipe");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void stopsOnSigterm(String model) throws Exception {
        try (ServedPeer s = ServedPeer.start(SERVERS, model); RawHttp idle = new RawHttp(s.port)) {
            assertEquals(200, idle.get("/task/1").status(), model);
            s.process.destroy(); // SIGTERM
            // the contract's second, with room for a machine busy with other builds
            assertTrue(s.process.waitFor(3, TimeUnit.SECONDS), model + " ignored SIGTERM");
        }
    }
}
