package dev.concur.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.workload.CpuWork;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server model, started in this JVM on a free port, against 50 keep-alive connections at once:
 * every answer is {@code value(i, work)}, and the time the whole load takes shows whether the model
 * waits for many requests at once (it takes about one wait) or for one at a time (it takes them all).
 * The wire's corner cases (errors, split and pipelined requests, limits) are in {@link ServerWireTest}.
 */
class ServerModelsTest {
    static final int CONNECTIONS = 50;
    static final int REQUESTS = 3;                 // per connection, one after another
    static final long WAIT_MICROS = 20_000;        // 20 ms
    static final long WORK = 1_000;
    static final long ONE_AT_A_TIME_MS = CONNECTIONS * REQUESTS * WAIT_MICROS / 1_000;   // 3 s

    static List<String> models() {
        return ServerModels.names();
    }

    static RunningServer start(String model, ServerOptions options) throws Exception {
        return ServerModels.find(model).orElseThrow().model().start(options);
    }

    static boolean oneAtATime(String model) {
        return model.equals("sequential") || model.equals("eventloop-blocking");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void fiftyKeepAliveConnectionsGetEveryValue(String model) throws Exception {
        try (RunningServer server = start(model, ServerOptions.loopback(0));
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            try (RawClient warm = new RawClient(server.address())) {
                assertEquals(200, warm.get("/task/0?work=10").status()); // classes loaded, loops started
            }
            CyclicBarrier go = new CyclicBarrier(CONNECTIONS + 1);
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int first = c * REQUESTS;
                answers.add(clients.submit(() -> oneConnection(server.address(), first, go)));
            }
            go.await(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            for (int c = 0; c < CONNECTIONS; c++) {
                List<String> got = answers.get(c).get(60, TimeUnit.SECONDS);
                for (int k = 0; k < REQUESTS; k++) {
                    int i = c * REQUESTS + k;
                    assertEquals(Long.toString(CpuWork.compute(i, WORK)), got.get(k), model + ": task " + i);
                }
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (oneAtATime(model)) {
                assertTrue(ms >= ONE_AT_A_TIME_MS, model + " answers one request at a time, yet took " + ms + " ms");
            } else {
                assertTrue(ms < ONE_AT_A_TIME_MS / 2, model + " should wait for many requests at once, yet took " + ms
                        + " ms (one at a time: " + ONE_AT_A_TIME_MS + " ms)");
            }
        }
    }

    /** Connects, waits for every other connection, then sends its requests one after another. */
    private static List<String> oneConnection(InetSocketAddress address, int first, CyclicBarrier go) throws Exception {
        try (RawClient client = new RawClient(address)) {
            go.await(10, TimeUnit.SECONDS);
            List<String> bodies = new ArrayList<>();
            for (int k = 0; k < REQUESTS; k++) {
                RawClient.Response r = client.get("/task/" + (first + k) + "?wait=" + WAIT_MICROS + "&work=" + WORK);
                assertEquals(200, r.status());
                assertEquals("text/plain", r.headers().get("content-type"));
                bodies.add(r.body());
            }
            return bodies;
        }
    }
}
