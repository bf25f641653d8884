package dev.concur.run.load;

import dev.concur.workload.CpuWork;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * concur's load generator: one thread, non-blocking NIO, many HTTP/1.1 keep-alive connections to
 * one server, each with at most one request outstanding (no pipelining, like a browser or wrk).
 *
 * <p><b>Open loop</b> ({@link #openLoop}): requests are scheduled at a fixed rate (or a Poisson
 * process) whatever the server does. A request whose time has come waits for a free connection if
 * every connection is busy, and its latency is counted from its <em>intended</em> start, so a server
 * that stalls for a second shows a second of latency on every request that should have gone out
 * during the stall. A closed-loop client (send, wait for the answer, send again) would send fewer
 * requests during the stall and record only the one slow answer: coordinated omission, the trap
 * wrk2 and the OpenMessaging Benchmark's rate limiter were written to avoid.
 *
 * <p><b>Closed loop</b> ({@link #closedLoop}): every connection sends its next request as soon as
 * its answer arrives, wrk's way: the most a server can answer with C requests in flight. Its
 * latency is a response time (from send), and says so in the report.
 *
 * <p>Every answer is checked: status 200 and the body {@code value(i, work)} of {@link CpuWork}.
 * A wrong answer, a connection the server closed or reset with a request outstanding, and a
 * request older than the time-out are counted, never dropped; the connection is opened again.
 *
 * @implNote Sends are due-time driven: the loop wakes from {@code select} at the next intended
 * start (millisecond resolution) and sends everything due. How late it sent is recorded apart
 * ({@link Tally#sendLag}): a generator that cannot keep up is visible in the report, not hidden
 * in the server's latency.
 */
public final class Driver implements AutoCloseable {
    private final InetSocketAddress target;
    private final String pathQuery;        // "?wait=..&work=.."
    private final long work;
    private final long timeoutNanos;
    private final Selector selector;
    private final java.util.Set<Conn> all = new java.util.LinkedHashSet<>();
    private final ArrayDeque<Conn> idle = new ArrayDeque<>();   // may hold dropped ones: see nextIdle
    private int nextIndex;
    private int busy;                      // connections with a request outstanding
    private long lastExpiry;
    private Tally tally = new Tally();

    /** What one run of the driver counted. Latencies and send lag in microseconds. */
    public static final class Tally {
        public final Histogram latency = new Histogram(60_000_000L, 3);
        public final Histogram sendLag = new Histogram(60_000_000L, 3);
        public long sent, ok, wrong, errors, timeouts, unsent, connectFailures, closedByServer;
        public String firstProblem;

        void problem(String what) {
            if (firstProblem == null) firstProblem = what;
        }
    }

    private static final class Conn {
        SocketChannel ch;
        SelectionKey key;
        boolean connected;
        ByteBuffer out;
        final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        int index = -1;          // outstanding request's task index, -1 when idle
        long expected;
        long intended;
        long sent;
    }

    /**
     * @param waitMicros the handler's wait ({@code wait} query)
     * @param work       the handler's rounds of {@link CpuWork} ({@code work} query)
     */
    public Driver(InetSocketAddress target, long waitMicros, long work, long timeoutNanos) throws IOException {
        this.target = target;
        this.work = work;
        this.pathQuery = "?wait=" + waitMicros + "&work=" + work;
        this.timeoutNanos = timeoutNanos;
        this.selector = Selector.open();
    }

    public Tally tally() {
        return tally;
    }

    /** Starts counting afresh (after a warm-up); connections stay open. */
    public void resetTally() {
        tally = new Tally();
    }

    public int connections() {
        return all.size();
    }

    /** An idle, open connection, or {@code null}: dropped connections are skipped here, not searched for. */
    private Conn nextIdle() {
        Conn c;
        while ((c = idle.poll()) != null) if (c.connected && c.index < 0) return c;
        return null;
    }

    /**
     * Opens {@code n} connections, at most {@code inFlight} connects outstanding at once, and waits
     * until all are connected or {@code deadline} passes. Returns how many are connected.
     */
    public int connect(int n, int inFlight, long deadline) throws IOException {
        int started = 0;
        int pending = 0;
        while (System.nanoTime() < deadline) {
            while (started < n && pending < inFlight) {
                open();
                started++;
                pending++;
            }
            if (pending == 0) break;
            selector.select(10);
            for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey k = it.next();
                it.remove();
                Conn c = (Conn) k.attachment();
                if (k.isValid() && k.isConnectable()) {
                    pending--;
                    if (!finishConnect(c)) tally.connectFailures++;
                }
            }
        }
        return (int) all.stream().filter(c -> c.connected).count();
    }

    private Conn open() throws IOException {
        Conn c = new Conn();
        c.ch = SocketChannel.open();
        c.ch.configureBlocking(false);
        c.ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.connected = c.ch.connect(target);
        c.key = c.ch.register(selector, c.connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
        all.add(c);
        if (c.connected) idle.add(c);
        return c;
    }

    private boolean finishConnect(Conn c) {
        try {
            if (!c.ch.finishConnect()) return false;
            c.connected = true;
            c.key.interestOps(SelectionKey.OP_READ);
            idle.add(c);
            return true;
        } catch (IOException e) {
            tally.problem("connect: " + e.getMessage());
            drop(c);
            return false;
        }
    }

    /** Sends one request on every idle connection and waits for all answers (or the deadline). */
    public void oneEach(long deadline) throws IOException {
        long now = System.nanoTime();
        for (Conn c; (c = nextIdle()) != null; ) send(c, now, now);
        while (busy() > 0 && System.nanoTime() < deadline) poll(10);
        expire(Long.MAX_VALUE);
    }

    /**
     * Open loop: requests at {@code rate} per second from now until {@code durationNanos} has passed,
     * spread evenly or as a Poisson process; then waits up to the time-out for those outstanding.
     */
    public void openLoop(double rate, long durationNanos, boolean poisson, long seed) throws IOException {
        Random random = new Random(seed);
        double meanGap = 1e9 / rate;
        long start = System.nanoTime();
        long end = start + durationNanos;
        double next = start;
        ArrayDeque<Long> due = new ArrayDeque<>();
        while (true) {
            long now = System.nanoTime();
            while (next <= now && next < end) {
                due.add((long) next);
                next += poisson ? -Math.log(1 - random.nextDouble()) * meanGap : meanGap;
            }
            for (Conn c; !due.isEmpty() && (c = nextIdle()) != null; ) send(c, due.poll(), System.nanoTime());
            if (now >= end) {               // the schedule is over: what never went out is counted, not sent late
                tally.unsent += due.size();
                due.clear();
                if (busy() == 0) break;
            }
            if (now >= end + timeoutNanos) break;
            expire(now);
            long wake = next < end ? (long) next : end;
            poll(Math.max(0, Math.min(10, (wake - now) / 1_000_000)));
        }
        expire(Long.MAX_VALUE);
    }

    /** Closed loop: every connection sends again the moment its answer arrives, until {@code durationNanos}. */
    public void closedLoop(long durationNanos) throws IOException {
        long end = System.nanoTime() + durationNanos;
        while (true) {
            long now = System.nanoTime();
            if (now < end) for (Conn c; (c = nextIdle()) != null; ) send(c, now, now);
            else if (busy() == 0 || now >= end + timeoutNanos) break;
            expire(now);
            poll(now < end ? Math.min(10, (end - now) / 1_000_000 + 1) : 10);
        }
        expire(Long.MAX_VALUE);
    }

    /** Connections the server closed while idle: read end-of-stream without a request outstanding. */
    public int countClosedIdle() throws IOException {
        int closed = 0;
        ByteBuffer probe = ByteBuffer.allocate(1);
        for (Conn c : List.copyOf(all)) {
            if (!c.connected || c.index >= 0) continue;
            try {
                probe.clear();
                if (c.ch.read(probe) < 0) {
                    closed++;
                    drop(c);
                }
            } catch (IOException e) {
                closed++;
                drop(c);
            }
        }
        return closed;
    }

    private int busy() {
        return busy;
    }

    private void send(Conn c, long intended, long now) throws IOException {
        int i = nextIndex;
        nextIndex = (nextIndex + 1) & Integer.MAX_VALUE;
        c.index = i;
        busy++;
        c.expected = CpuWork.compute(i, work);
        c.intended = intended;
        c.sent = now;
        c.in.clear();
        tally.sent++;
        tally.sendLag.recordValue(Math.min(60_000_000L, Math.max(0, (now - intended) / 1000)));
        byte[] req = ("GET /task/" + i + pathQuery + " HTTP/1.1\r\nHost: " + target.getHostString() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        c.out = ByteBuffer.wrap(req);
        try {
            c.ch.write(c.out);
            if (c.out.hasRemaining()) c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } catch (IOException e) {
            failed(c, "send: " + e.getMessage());
        }
    }

    private void poll(long timeoutMs) throws IOException {
        if (timeoutMs <= 0) selector.selectNow();
        else selector.select(timeoutMs);
        for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey k = it.next();
            it.remove();
            Conn c = (Conn) k.attachment();
            if (!k.isValid()) continue;
            if (k.isConnectable()) {
                if (!finishConnect(c)) tally.connectFailures++;
                continue;
            }
            if (k.isWritable()) {
                try {
                    c.ch.write(c.out);
                    if (!c.out.hasRemaining()) k.interestOps(SelectionKey.OP_READ);
                } catch (IOException e) {
                    failed(c, "send: " + e.getMessage());
                    continue;
                }
            }
            if (k.isValid() && k.isReadable()) read(c);
        }
    }

    private void read(Conn c) {
        int n;
        try {
            n = c.ch.read(c.in);
        } catch (IOException e) {
            failed(c, "read: " + e.getMessage());
            return;
        }
        if (n < 0) {
            if (c.index >= 0) failed(c, "the server closed a connection with a request outstanding");
            else {
                tally.closedByServer++;
                drop(c);
            }
            return;
        }
        if (c.index < 0) {
            c.in.clear();             // bytes nobody asked for: ignore
            return;
        }
        HttpAnswer a = HttpAnswer.parse(c.in);
        if (a == null) {
            if (!c.in.hasRemaining()) failed(c, "an answer larger than " + c.in.capacity() + " bytes");
            return;
        }
        long done = System.nanoTime();
        tally.latency.recordValue(Math.min(60_000_000L, Math.max(1, (done - c.intended) / 1000)));
        if (a.status() == 200 && a.body().equals(Long.toString(c.expected))) {
            tally.ok++;
        } else {
            tally.wrong++;
            tally.problem("task " + c.index + ": status " + a.status() + ", body '" + a.body() + "', expected " + c.expected);
        }
        c.index = -1;
        busy--;
        c.in.clear();
        if (a.close()) {
            drop(c);
            reopen();
        } else {
            idle.add(c);
        }
    }

    /** Requests older than the time-out at {@code now} are counted and their connections replaced. */
    private void expire(long now) {
        if (now != Long.MAX_VALUE && now - lastExpiry < 10_000_000L) return;   // every 10 ms is enough
        lastExpiry = now;
        if (busy == 0) return;
        List<Conn> late = new ArrayList<>();
        for (Conn c : all) if (c.index >= 0 && (now == Long.MAX_VALUE || now - c.intended > timeoutNanos)) late.add(c);
        for (Conn c : late) {
            {
                tally.timeouts++;
                tally.problem("task " + c.index + " timed out");
                drop(c);
                if (now != Long.MAX_VALUE) reopen();
            }
        }
    }

    private void failed(Conn c, String why) {
        tally.errors++;
        tally.problem(why);
        drop(c);
        reopen();
    }

    private void reopen() {
        try {
            open();
        } catch (IOException e) {
            tally.connectFailures++;
            tally.problem("reconnect: " + e.getMessage());
        }
    }

    private void drop(Conn c) {
        if (c.index >= 0) busy--;
        c.index = -1;
        c.connected = false;
        all.remove(c);
        try {
            c.ch.close();
        } catch (IOException ignored) {
            // closing a broken channel
        }
    }

    @Override
    public void close() throws IOException {
        for (Conn c : List.copyOf(all)) drop(c);
        selector.close();
    }
}
