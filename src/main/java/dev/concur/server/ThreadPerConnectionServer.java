package dev.concur.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * {@code platform-per-connection} and {@code virtual}: the oldest server design and the newest, in the
 * same code. Blocking sockets ({@link ServerSocket}); an accept loop starts a thread per connection,
 * and that thread reads a request, sleeps its wait, computes, writes, and reads the next, blocking at
 * every step. The code is the plainest there is: one connection, top to bottom.
 *
 * <p>The difference is what a blocked thread costs. A platform thread is a kernel thread: a stack
 * reserved per connection (1 MiB by default, {@code -Xss}, committed as it is touched), a kernel
 * scheduling entity, and the process's thread limit is the connection limit. An idle keep-alive
 * connection holds its thread asleep in {@code read}. A virtual thread blocked in {@code read} or
 * {@code Thread.sleep} unmounts: its stack moves to the heap (a few hundred bytes to a few KiB) and
 * its carrier thread (one per core) runs another. Same code, ten thousand connections either way; only
 * one of the two pays for ten thousand kernel threads.
 */
final class ThreadPerConnectionServer implements RunningServer {
    private static final int READ_BUFFER = 4 * 1024;   // per connection: a request is ~100 bytes

    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final ThreadFactory threads;
    private final int maxConnections;
    private final String settings;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean running = true;

    private ThreadPerConnectionServer(String model, ThreadFactory threads, ServerOptions options) throws IOException {
        listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(options.bind(), options.port()), options.backlog());
            address = (InetSocketAddress) listener.getLocalSocketAddress();
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        this.threads = threads;
        maxConnections = options.maxConnections();
        settings = ServerSettings.of(model, 0, options, List.of()).json();
        acceptor = Thread.ofPlatform().name("concur-serve-accept").unstarted(this::acceptLoop);
    }

    /** A platform thread per connection: a kernel thread and its stack, for as long as the connection is open. */
    static RunningServer platform(ServerOptions options) throws IOException {
        return start(new ThreadPerConnectionServer("platform-per-connection",
                Thread.ofPlatform().name("concur-serve-conn-", 0).daemon(true).factory(), options));
    }

    /** A virtual thread per connection: unmounted whenever it blocks. */
    static RunningServer virtual(ServerOptions options) throws IOException {
        return start(new ThreadPerConnectionServer("virtual", Thread.ofVirtual().name("concur-serve-conn-", 0).factory(), options));
    }

    private static RunningServer start(ThreadPerConnectionServer s) {
        s.acceptor.start();
        return s;
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!running || listener.isClosed()) return;
                continue; // a connection that failed while being accepted
            }
            if (maxConnections > 0 && open.size() >= maxConnections) {
                SelectorServer.quietly(socket); // over the limit: closed at once
                continue;
            }
            open.add(socket);
            try {
                threads.newThread(() -> serve(socket)).start();
            } catch (OutOfMemoryError e) {
                // "unable to create native thread": the process's thread limit is this model's connection limit
                open.remove(socket);
                SelectorServer.quietly(socket);
            }
        }
    }

    /** One connection, top to bottom: read a request, sleep, compute, write; again until it closes. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            RequestReader reader = new RequestReader();
            byte[] buffer = new byte[READ_BUFFER];
            while (running) {
                Request r;
                while ((r = reader.next()) == null) {
                    int n = in.read(buffer); // an idle connection's thread blocks here
                    if (n < 0) return;
                    reader.feed(buffer, 0, n);
                }
                if (r.isTask()) {
                    if (r.waitMicros() > 0) Thread.sleep(Duration.ofNanos(r.waitNanos()));
                    out.write(HttpWire.ok(r.value(), r));
                } else {
                    out.write(HttpWire.error(r));
                }
                if (!r.keepAlive()) return;
            }
        } catch (IOException | InterruptedException e) {
            // the client left, or the server is closing: this connection is over, and only this one
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public String settingsJson() {
        return settings;
    }

    @Override
    public void close() {
        running = false;
        SelectorServer.quietly(listener);
        for (Socket s : open) SelectorServer.quietly(s); // wakes every thread blocked in read
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
