package dev.concur.server;

import java.io.IOException;
import java.util.List;

/**
 * {@code eventloop}: one thread, and it never blocks. The wait is a timer in the loop
 * ({@link #schedule}): the thread arms it and goes back to the selector, so ten thousand requests can
 * wait their 20 ms at the same time on one thread, each costing a heap entry and a connection, not a
 * stack. When the timer fires, the loop computes the value right there and writes the answer.
 *
 * <p>The catch is the compute: while the loop computes one answer, every other timer, read and write
 * waits. With {@code work=0} one thread serves more than a thousand threads would; with enough work
 * per request one core is the ceiling, whatever the machine has. Node.js, asyncio and Netty's loops
 * are this server, and share its ceiling (Netty runs one such loop per core).
 */
final class EventLoopServer extends SelectorServer {

    private EventLoopServer(ServerOptions options) throws IOException {
        super("eventloop", options, 0, List.of());
    }

    static RunningServer start(ServerOptions options) throws IOException {
        EventLoopServer s = new EventLoopServer(options);
        s.startLoop();
        return s;
    }

    @Override
    void onTask(Connection c, Request r) {
        if (r.waitMicros() == 0) answer(c, r);
        else schedule(r.waitNanos(), () -> answer(c, r)); // no thread waits: a deadline in a heap
    }

    private static void answer(Connection c, Request r) {
        if (c.isClosed()) return; // the client left while its timer ran: no work for nobody
        c.respond(HttpWire.ok(r.value(), r), r.keepAlive()); // the compute runs on the loop thread
    }
}
