package dev.concur.server;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code sequential} and {@code eventloop-blocking}: one thread, and it answers one request at a time,
 * to completion. The thread reads every socket without blocking (a {@link SelectorServer}), so a client
 * that connects and sends nothing, or half a request, costs nothing. But once a request is complete the
 * thread runs it right there: it sleeps the request's wait ({@code Thread.sleep}), computes, writes, and
 * only then looks at the other sockets again. N requests that each wait 20 ms take N × 20 ms, however
 * many clients send them at once: the baseline every other model is a speedup of.
 *
 * <p>The same server is also {@code eventloop-blocking}, named for what it is: an event loop whose
 * handler blocks. It is the most common way to get an event loop wrong (a blocking database call in a
 * Node.js handler, {@code time.sleep} in an asyncio coroutine), and this is how it collapses: the loop
 * can wait for many sockets at once, but it can only sleep for one request at a time.
 */
final class SequentialServer extends SelectorServer {

    private SequentialServer(String model, ServerOptions options) throws IOException {
        super(model, options, 0, List.of());
    }

    static RunningServer start(String model, ServerOptions options) throws IOException {
        SequentialServer s = new SequentialServer(model, options);
        s.startLoop();
        return s;
    }

    @Override
    void onTask(Connection c, Request r) {
        try {
            if (r.waitMicros() > 0) Thread.sleep(Duration.ofNanos(r.waitNanos())); // the whole server sleeps
        } catch (InterruptedException e) {
            c.close(); // the server is closing
            return;
        }
        c.respond(HttpWire.ok(r.value(), r), r.keepAlive());
    }
}
