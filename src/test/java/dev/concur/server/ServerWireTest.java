package dev.concur.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.workload.CpuWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every server model does on the wire (docs/servers.md, "Serve"): errors and whether the
 * connection survives them, a request split over two packets, two requests in one, the connection
 * limit, and clients that connect and say nothing.
 */
class ServerWireTest {

    static java.util.List<String> models() {
        return ServerModels.names();
    }

    private static RunningServer start(String model) throws Exception {
        return ServerModelsTest.start(model, ServerOptions.loopback(0));
    }

    private static String value(int i, long work) {
        return Long.toString(CpuWork.compute(i, work));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aMalformedRequestLineIs400AndTheConnectionCloses(String model) throws Exception {
        try (RunningServer server = start(model); RawClient c = new RawClient(server.address())) {
            c.send("BLAH\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(400, r.status(), model);
            assertTrue(r.closes(), model + " says Connection: close");
            assertTrue(c.closedByServer(), model + " closes the connection");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void anotherMethodIs400AndTheConnectionCloses(String model) throws Exception {
        try (RunningServer server = start(model); RawClient c = new RawClient(server.address())) {
            c.send("DELETE /task/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(400, c.read().status(), model);
            assertTrue(c.closedByServer(), model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void anUnknownPathIs404AndABadValue400AndTheConnectionStaysUsable(String model) throws Exception {
        try (RunningServer server = start(model); RawClient c = new RawClient(server.address())) {
            assertEquals(404, c.get("/nope").status(), model);
            assertEquals(404, c.get("/task/2147483648").status(), model + ": i < 2^31");
            assertEquals(400, c.get("/task/1?wait=60000001").status(), model + ": wait at most 60 s");
            assertEquals(400, c.get("/task/1?work=1000000001").status(), model + ": work at most 10^9");
            assertEquals(400, c.get("/task/1?wait=-5").status(), model);
            RawClient.Response ok = c.get("/task/7?work=100");
            assertEquals(200, ok.status(), model);
            assertEquals(value(7, 100), ok.body(), model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void connectionCloseIsHonoured(String model) throws Exception {
        try (RunningServer server = start(model); RawClient c = new RawClient(server.address())) {
            c.send("GET /task/4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(value(4, 0), r.body(), model);
            assertTrue(r.closes(), model);
            assertTrue(c.closedByServer(), model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aRequestSplitAcrossTwoWritesIsAnswered(String model) throws Exception {
        try (RunningServer server = start(model); RawClient c = new RawClient(server.address())) {
            c.send("GET /task/7?wait=0&wo");
            Thread.sleep(50);
            c.send("rk=10 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(value(7, 10), c.read().body(), model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void twoPipelinedRequestsAreAnsweredInOrder(String model) throws Exception {
        try (RunningServer server = start(model); RawClient c = new RawClient(server.address())) {
            c.send(RawClient.request("/task/1?wait=30000&work=5") + RawClient.request("/task/2?work=5")); // the slow one first
            assertEquals(value(1, 5), c.read().body(), model);
            assertEquals(value(2, 5), c.read().body(), model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void overMaxConnectionsANewConnectionIsClosed(String model) throws Exception {
        try (RunningServer server = ServerModelsTest.start(model, ServerOptions.loopback(0).withMaxConnections(2));
             RawClient a = new RawClient(server.address()); RawClient b = new RawClient(server.address())) {
            assertEquals(200, a.get("/task/1").status(), model);
            assertEquals(200, b.get("/task/2").status(), model);
            try (RawClient third = new RawClient(server.address())) {
                third.soTimeout(5_000);
                assertTrue(third.closedByServer(), model + " closes a third connection at once");
            }
            a.close();
            assertTrue(servedWithin(server, 5_000), model + " accepts again once a connection closed");
            assertEquals(200, b.get("/task/3").status(), model);
        }
    }

    /** Whether a new connection is served within {@code millis} (the server may see a close a little late). */
    private static boolean servedWithin(RunningServer server, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try (RawClient c = new RawClient(server.address())) {
                c.soTimeout(2_000);
                if (c.get("/task/9").status() == 200) return true;
            } catch (java.io.IOException e) {
                Thread.sleep(100); // closed: the server had not counted the close yet
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void clientsThatSayNothingDoNotStopOthers(String model) throws Exception {
        try (RunningServer server = start(model);
             RawClient silent = new RawClient(server.address()); RawClient halfway = new RawClient(server.address())) {
            halfway.send("GET /task/1?wa");
            try (RawClient c = new RawClient(server.address())) {
                c.soTimeout(5_000);
                assertEquals(value(5, 10), c.get("/task/5?work=10").body(), model);
            }
            assertFalse(silent.closedByServerWithin(200), model + " keeps an idle connection open");
        }
    }
}
