package dev.concur.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code platform}: the design of Tomcat's NIO connector, the JVM's most common server. One selector
 * thread accepts and reads every connection without blocking; each complete request goes to a fixed
 * pool of {@code --threads} platform threads, which sleep its wait, compute, and hand the answer's
 * bytes back to the selector thread to write (a socket registered with a selector must stay
 * non-blocking, so the pool thread cannot simply write and wait).
 *
 * <p>What it shows: the pool, not the connection count, bounds how many requests wait at once. With
 * 200 threads and requests of 20 ms, the server answers at most 200 / 20 ms = 10 000 requests a second;
 * beyond that requests queue (here without bound, as Tomcat's queue does up to its
 * {@code acceptCount}), and their latency grows with the queue. Each pool thread costs a kernel thread
 * and a stack, whether it is busy or asleep.
 */
final class PoolServer extends SelectorServer {
    private final ThreadPoolExecutor pool;

    private PoolServer(ServerOptions options) throws IOException {
        super("platform", options, options.threads(), List.of(
                "the pool's queue is unbounded: requests beyond --threads wait in it",
                "all --threads pool threads are started at once (Tomcat starts 10 and grows)"));
        pool = new ThreadPoolExecutor(options.threads(), options.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("concur-serve-pool-", 0).daemon(true).factory());
        pool.prestartAllCoreThreads();
    }

    static RunningServer start(ServerOptions options) throws IOException {
        PoolServer s = new PoolServer(options);
        s.startLoop();
        return s;
    }

    @Override
    void onTask(Connection c, Request r) {
        pool.execute(() -> {
            try {
                if (r.waitMicros() > 0) Thread.sleep(Duration.ofNanos(r.waitNanos())); // one pool thread sleeps
            } catch (InterruptedException e) {
                return; // the server is closing
            }
            byte[] answer = HttpWire.ok(r.value(), r);
            if (running()) execute(() -> c.respond(answer, r.keepAlive())); // the selector thread writes
        });
    }

    @Override
    void onStop() {
        pool.shutdownNow();
    }
}
