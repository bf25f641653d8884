package dev.concur.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The selector loop under {@code sequential}, {@code eventloop-blocking}, {@code platform} and
 * {@code eventloop}: one thread asks the kernel which of many non-blocking sockets are ready
 * ({@link Selector#select}), accepts, reads what arrived, and hands each complete request to the
 * model ({@link #onTask}). The four models differ only in what {@code onTask} does with the request:
 * answer it right there (blocking the loop while it sleeps), hand it to a pool, or arm a timer.
 *
 * <p>Besides sockets, the loop runs two kinds of work: timers ({@link #schedule}, due in deadline
 * order) and tasks other threads hand it ({@link #execute}, which wakes the selector). Every
 * {@link Connection} is touched by this thread only, so nothing in it needs a lock.
 *
 * @implNote {@code select(ms)} has millisecond resolution: a timer fires up to about a millisecond late.
 */
abstract class SelectorServer implements RunningServer {
    private static final int READ_BUFFER = 64 * 1024;   // one per server: connections keep only what they did not use

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final int maxConnections;
    private final String settings;
    private final Thread loop;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();  // from other threads
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();                   // loop thread only
    private long timerSeq;                                                                // loop thread only
    private int open;                                                                     // loop thread only
    private volatile boolean running = true;

    private record Timer(long deadline, long seq, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    SelectorServer(String model, ServerOptions options, int threads, List<String> notes) throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(options.bind(), options.port()), options.backlog());
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            address = (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            listener.close();
            selector.close();
            throw e;
        }
        maxConnections = options.maxConnections();
        settings = ServerSettings.of(model, threads, options, notes).json();
        loop = Thread.ofPlatform().name("concur-serve-loop").unstarted(this::run);
    }

    /** Starts the loop; the subclass calls it once it is fully built. */
    final void startLoop() {
        loop.start();
    }

    /** Runs one task request to its answer, which it gives through {@link Connection#respond} on this loop's thread. */
    abstract void onTask(Connection c, Request r);

    /** Called on the loop thread as it ends, after every connection is closed. */
    void onStop() {}

    /** Runs {@code action} on the loop thread, soon. Safe from any thread. */
    final void execute(Runnable action) {
        inbox.add(action);
        selector.wakeup();
    }

    /** Runs {@code action} on the loop thread in {@code delayNanos} or a little later. Loop thread only. */
    final void schedule(long delayNanos, Runnable action) {
        timers.add(new Timer(System.nanoTime() + delayNanos, timerSeq++, action));
    }

    final boolean running() {
        return running;
    }

    private void run() {
        try {
            while (running) {
                select();
                var keys = selector.selectedKeys();
                for (SelectionKey key : keys) {
                    if (!running) break;
                    if (key.isValid()) ready(key);
                }
                keys.clear();
                for (Runnable r; running && (r = inbox.poll()) != null; ) r.run();
                long now = System.nanoTime();
                while (running && !timers.isEmpty() && timers.peek().deadline - now <= 0) timers.poll().action.run();
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector failed or was closed under us: the server is over
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Connection c) c.close();
            }
            quietly(listener);
            quietly(selector);
            onStop();
        }
    }

    /** Waits for sockets, an inbox task or the next timer, whichever comes first. */
    private void select() throws IOException {
        if (!inbox.isEmpty()) {
            selector.selectNow();
        } else if (timers.isEmpty()) {
            selector.select();
        } else {
            long nanos = timers.peek().deadline - System.nanoTime();
            if (nanos <= 0) selector.selectNow();
            else selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
        }
    }

    private void ready(SelectionKey key) {
        if (key.isAcceptable()) {
            accept();
            return;
        }
        Connection c = (Connection) key.attachment();
        try {
            if (key.isWritable()) c.onWritable();
            else if (key.isReadable()) c.onReadable(readBuffer);
        } catch (RuntimeException e) {
            c.close(); // one connection's failure costs that connection only
        }
    }

    private void accept() {
        try {
            for (SocketChannel ch; (ch = listener.accept()) != null; ) {
                if (maxConnections > 0 && open >= maxConnections) {
                    quietly(ch); // over the limit: closed at once
                    continue;
                }
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection c = new Connection(this, ch);
                c.register(selector);
                open++;
            }
        } catch (IOException e) {
            // a connection that failed while being accepted (reset, out of descriptors): the next select retries
        }
    }

    /** A connection closed; called by {@link Connection#close} on the loop thread. */
    final void closed() {
        open--;
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
        selector.wakeup();
        try {
            loop.join(500);
            if (loop.isAlive()) loop.interrupt(); // a handler asleep in Thread.sleep (sequential) is woken
            loop.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out: nothing useful to do with a failure
        }
    }
}
