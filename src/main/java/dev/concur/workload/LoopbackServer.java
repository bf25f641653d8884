package dev.concur.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server of the {@code http} workload: the JDK's {@code HttpServer} on the loopback address
 * only (127.0.0.1, never another interface), answering {@code GET /task/<i>} with f(i) after the
 * configured latency. It runs in the same JVM as the measured model but on its own threads: a
 * dispatcher thread plus a virtual thread per request, so a thousand requests can wait their
 * latency at once and the server is never the bottleneck of any model. The same server, with the
 * same limits, serves every model.
 *
 * @implNote The JDK server caps idle keep-alive connections at 200 by default
 * ({@code sun.net.httpserver.maxIdleConnections}); concur raises that to {@value #MAX_CONNECTIONS}
 * so that no model pays for reconnecting because of the server's default.
 */
public final class LoopbackServer implements AutoCloseable {
    public static final int MAX_CONNECTIONS = 20_000;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public LoopbackServer(long latencyNanos, int port) throws IOException {
        this(latencyNanos, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** A server on another address: only {@code concur serve --bind} uses this; benchmarks stay on loopback. */
    public LoopbackServer(long latencyNanos, InetSocketAddress address) throws IOException {
        System.setProperty("sun.net.httpserver.maxIdleConnections", Integer.toString(MAX_CONNECTIONS));
        server = HttpServer.create(address, 4096);
        server.createContext("/task/", ex -> handle(ex, latencyNanos));
        server.setExecutor(executor);
        server.start();
    }

    private static void handle(HttpExchange ex, long latencyNanos) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            int index;
            try {
                index = Integer.parseInt(path.substring("/task/".length()));
            } catch (NumberFormatException e) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (latencyNanos > 0) Thread.sleep(Duration.ofNanos(latencyNanos));
            byte[] body = Long.toString(CpuWork.compute(index, 0)).getBytes(StandardCharsets.US_ASCII);
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI base() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
