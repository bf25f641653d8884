package dev.concur.server;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * {@code reactive}: Reactor Netty's {@code HttpServer}, the server under Spring WebFlux. Netty runs one
 * event loop per core, each an {@code eventloop} server of its own, and spreads the connections over
 * them; the handler returns a {@link Publisher} that says what to do, not a thread that does it.
 * Here: {@code Mono.delay(wait)} (a timer on Reactor's parallel scheduler, no thread asleep), then the
 * value, then the answer, written by the connection's event loop.
 *
 * <p>What it shows: the wait costs a timer, as in {@code eventloop}, but the compute runs on one thread
 * per core, not one thread: the compute happens where {@code Mono.delay}'s timer fires, on Reactor's
 * parallel scheduler (one thread per core), as idiomatic Reactor code does. So the event-loop model
 * scales with cores, provided no handler blocks, which nothing in the type system enforces.
 *
 * <p>The target is read by {@link HttpWire#target}, as in the hand-written servers, so every JVM server
 * answers the same requests with the same 200, 400 or 404; Netty's own decoder parses the head.
 */
final class ReactiveServer implements RunningServer {
    private final LoopResources loops;
    private final DisposableServer server;
    private final String settings;

    private ReactiveServer(ServerOptions options) {
        int cores = Runtime.getRuntime().availableProcessors();
        loops = LoopResources.create("concur-serve-reactive", cores, true);
        List<String> notes = new ArrayList<>();
        notes.add("Netty event loops: " + cores + ", one per core (Reactor Netty's default is max(cores, 4))");
        notes.add("transport: Java NIO (the JDK's Selector, as every other JVM server here); Netty's native epoll, "
                + "which Reactor Netty prefers, is left out of the build");
        notes.add("the compute runs where Mono.delay fires: Reactor's parallel scheduler, one thread per core");
        HttpServer http = HttpServer.create()
                .host(options.bind().getHostAddress())
                .port(options.port())
                .runOn(loops, false) // NIO: the model differs from the other servers', the transport does not
                .option(ChannelOption.SO_BACKLOG, options.backlog())
                .handle(ReactiveServer::handle);
        if (options.maxConnections() > 0) http = http.maxConnections(options.maxConnections());
        try {
            server = http.bindNow(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            loops.dispose();
            throw e;
        }
        settings = ServerSettings.of("reactive", 0, options, notes).json();
    }

    static RunningServer start(ServerOptions options) {
        return new ReactiveServer(options);
    }

    private static Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        boolean http10 = req.version() == HttpVersion.HTTP_1_0;
        Request r = req.method() == HttpMethod.GET ? HttpWire.target(req.uri(), req.isKeepAlive(), http10) : Request.MALFORMED;
        if (!r.isTask()) {
            String body = r.status() == 404 ? "not found" : "bad request";
            return answer(res.status(r.status()).keepAlive(r.keepAlive()), body);
        }
        return Mono.delay(Duration.ofNanos(r.waitNanos()))        // a timer: no thread waits
                .flatMap(tick -> answer(res, Long.toString(r.value())));  // compute, then write
    }

    private static Mono<Void> answer(HttpServerResponse res, String body) {
        return res.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length()))
                .sendString(Mono.just(body))
                .then();
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) server.address();
    }

    @Override
    public String settingsJson() {
        return settings;
    }

    @Override
    public void close() {
        try {
            server.disposeNow(Duration.ofMillis(500));
        } catch (RuntimeException e) {
            // connections still busy after half a second: the loops below end them
        }
        try {
            loops.disposeLater(Duration.ZERO, Duration.ofMillis(500)).block(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            // loops still busy after a second: their threads are daemons and end with the process
        }
    }
}
