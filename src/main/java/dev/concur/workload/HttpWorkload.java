package dev.concur.workload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real network I/O on loopback: each task sends {@code GET /task/<i>} to a {@link LoopbackServer}
 * (or to {@code --target}, e.g. another machine's {@code concur serve}) that answers f(i) after
 * {@code --latency}; the body is checked against f(i), so a wrong or truncated answer fails the task.
 *
 * <p>Thread models use the blocking {@code HttpClient.send}; the event loop uses {@code sendAsync}
 * on a client whose executor is the loop, so every completion and every continuation runs on the
 * loop thread (the client's own selector thread does the socket reads and writes, as Netty's or
 * Node's poller would). Every model gets the same server and the same client settings: HTTP/1.1,
 * keep-alive, the JDK's unlimited connection pool.
 */
public final class HttpWorkload implements Workload {
    /** The JVM property naming an external server for the tasks (set from {@code --target}). */
    public static final String TARGET_PROPERTY = "concur.http.target";

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "each task GETs /task/<i> from a loopback HTTP server that answers after --latency; the body is verified";
    }

    @Override
    public WorkloadParams defaults() {
        return new WorkloadParams(1000, 50_000_000L, 0);
    }

    @Override
    public boolean usesLatency() {
        return true;
    }

    @Override
    public boolean usesWork() {
        return false;
    }

    @Override
    public Prepared open(WorkloadParams p) throws Exception {
        String target = System.getProperty(TARGET_PROPERTY, "");
        LoopbackServer server = target.isBlank() ? new LoopbackServer(p.latencyNanos(), 0) : null;
        URI base = server != null ? server.base() : URI.create(target.replaceAll("/+$", ""));
        HttpClient blocking = client(null);
        Map<AsyncContext, HttpClient> async = new ConcurrentHashMap<>();
        List<Task> tasks = new ArrayList<>(p.tasks());
        for (int i = 0; i < p.tasks(); i++) tasks.add(new HttpTask(i, base, blocking, async));
        return new Prepared(List.copyOf(tasks), () -> {
            blocking.close();
            for (HttpClient c : async.values()) c.close();
            if (server != null) server.close();
        });
    }

    static HttpClient client(AsyncContext loop) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30));
        if (loop != null) b.executor(loop);
        return b.build();
    }

    record HttpTask(int index, URI base, HttpClient blocking, Map<AsyncContext, HttpClient> async) implements Task {

        private HttpRequest request() {
            return HttpRequest.newBuilder(base.resolve("/task/" + index)).timeout(Duration.ofSeconds(60)).GET().build();
        }

        private long verify(HttpResponse<String> r) {
            long expected = CpuWork.compute(index, 0);
            if (r.statusCode() != 200 || !r.body().equals(Long.toString(expected))) {
                throw new IllegalStateException("task " + index + ": HTTP " + r.statusCode() + " body '" + r.body()
                        + "', expected '" + expected + "'");
            }
            return expected;
        }

        @Override
        public long call(BlockingContext ctx) throws Exception {
            if (ctx.elided()) return CpuWork.compute(index, 0);
            return verify(ctx.block(() -> blocking.send(request(), HttpResponse.BodyHandlers.ofString())));
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            HttpClient c = async.computeIfAbsent(loop, HttpWorkload::client);
            return c.sendAsync(request(), HttpResponse.BodyHandlers.ofString()).thenApplyAsync(this::verify, loop);
        }
    }
}
