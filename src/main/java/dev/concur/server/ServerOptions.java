package dev.concur.server;

import java.net.InetAddress;

/**
 * Every option a server takes (docs/servers.md, "Start"), checked once: a server never sees a value
 * out of range. Build from {@link #loopback} and change what differs by name.
 *
 * @param bind           the address to listen on: 127.0.0.1 unless {@code concur serve --bind} says otherwise
 * @param port           the TCP port; 0 picks a free one
 * @param threads        the fixed pool's size, for the model that has one ({@code platform})
 * @param backlog        the listen backlog (the kernel caps it at {@code net.core.somaxconn})
 * @param maxConnections connections open at once; over it a new connection is closed at once (0: no limit)
 */
public record ServerOptions(InetAddress bind, int port, int threads, int backlog, int maxConnections) {
    public static final int DEFAULT_THREADS = 200;
    public static final int DEFAULT_BACKLOG = 4096;

    public ServerOptions {
        if (bind == null) throw new IllegalArgumentException("no address to bind");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0-65535, not " + port);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        if (backlog < 1) throw new IllegalArgumentException("backlog must be at least 1, not " + backlog);
        if (maxConnections < 0) throw new IllegalArgumentException("max connections must be 0 or more, not " + maxConnections);
    }

    /** 127.0.0.1 on {@code port}, with the contract's defaults: 200 threads, backlog 4096, no connection limit. */
    public static ServerOptions loopback(int port) {
        return new ServerOptions(InetAddress.getLoopbackAddress(), port, DEFAULT_THREADS, DEFAULT_BACKLOG, 0);
    }

    public ServerOptions withBind(InetAddress address) {
        return new ServerOptions(address, port, threads, backlog, maxConnections);
    }

    public ServerOptions withThreads(int n) {
        return new ServerOptions(bind, port, n, backlog, maxConnections);
    }

    public ServerOptions withBacklog(int n) {
        return new ServerOptions(bind, port, threads, n, maxConnections);
    }

    public ServerOptions withMaxConnections(int n) {
        return new ServerOptions(bind, port, threads, backlog, n);
    }
}
