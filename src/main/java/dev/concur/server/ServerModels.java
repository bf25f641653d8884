package dev.concur.server;

import java.util.List;
import java.util.Optional;

/**
 * Every JVM server model, by name, in the order of docs/servers.md's table: the single-threaded
 * baseline first, then threads, then event loops. Adding a model is one class and one line here.
 */
public final class ServerModels {
    /** One server model: the name users type, what it does in a line, and how to start it. */
    public record Entry(String name, String description, HttpServerModel model) {}

    private static final List<Entry> ALL = List.of(
            new Entry("sequential", "one thread reads without blocking and answers one request at a time, to completion "
                    + "(Thread.sleep on that thread)", o -> SequentialServer.start("sequential", o)),
            new Entry("eventloop-blocking", "the same server as sequential, named for what it is: an event loop whose "
                    + "handler blocks (Thread.sleep in the loop)", o -> SequentialServer.start("eventloop-blocking", o)),
            new Entry("platform", "a selector thread reads requests and hands each to a fixed pool of --threads platform "
                    + "threads, Tomcat's NIO connector (Thread.sleep on a pool thread)", PoolServer::start),
            new Entry("platform-per-connection", "blocking sockets, a platform thread per connection (Thread.sleep)",
                    ThreadPerConnectionServer::platform),
            new Entry("virtual", "blocking sockets, a virtual thread per connection (Thread.sleep unmounts it)",
                    ThreadPerConnectionServer::virtual),
            new Entry("eventloop", "one thread, non-blocking NIO (Selector), the wait a timer in the loop",
                    EventLoopServer::start),
            new Entry("reactive", "Reactor Netty's HttpServer: Netty event loops, one per core (Mono.delay)",
                    ReactiveServer::start));

    private ServerModels() {}

    /** Every model, in the table's order. */
    public static List<Entry> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Entry::name).toList();
    }

    public static Optional<Entry> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
