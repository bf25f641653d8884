package dev.concur.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded event loop in the style of asyncio, Node.js or Netty: one thread that
 * waits in {@link Selector#select(long)} until the next timer is due, an I/O channel is ready
 * or another thread hands it work, then runs the ready callbacks one after another.
 *
 * <p>There is no pool behind it. Everything submitted through {@link #execute} (so every
 * {@code CompletableFuture.*Async(fn, loop)} step) and every timer callback runs on
 * {@link #thread()}. A callback that computes for 10 ms delays every other callback and every
 * timer by 10 ms: the loop is blocked. That is the lesson the {@code eventloop} model teaches.
 *
 * @implNote Timers are kept in a binary heap and fire in deadline order, FIFO among equal
 * deadlines. {@code Selector.select(ms)} has millisecond resolution, so a timer may fire up to
 * about a millisecond late; the loop never sleeps past a due deadline.
 */
public final class EventLoop implements dev.concur.workload.AsyncContext, AutoCloseable {
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>(); // from other threads
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();                        // loop thread only
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();                    // loop thread only
    private long timerSeq;                                                                 // loop thread only
    private volatile boolean running = true;
    private volatile Throwable crash;
    private final java.util.concurrent.atomic.AtomicLong callbackErrors = new java.util.concurrent.atomic.AtomicLong();

    private record Timer(long deadline, long seq, CompletableFuture<Void> future) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    public EventLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
        this.thread.start();
    }

    /** The one thread that runs every callback. */
    public Thread thread() {
        return thread;
    }

    /** The selector, for callers that register non-blocking channels (used by real-I/O workloads). */
    public Selector selector() {
        return selector;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Queues {@code task} to run on the loop thread. Safe from any thread. */
    @Override
    public void execute(Runnable task) {
        if (!running) throw new java.util.concurrent.RejectedExecutionException("event loop is closed");
        if (inLoop()) {
            ready.add(task);
        } else {
            inbox.add(task);
            selector.wakeup();
        }
    }

    /** A future completed on the loop thread after {@code nanos}: a non-blocking sleep. */
    @Override
    public CompletableFuture<Void> delay(long nanos) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        long deadline = System.nanoTime() + nanos;
        Runnable arm = () -> timers.add(new Timer(deadline, timerSeq++, f));
        if (inLoop()) arm.run(); else execute(arm);
        return f;
    }

    /**
     * Starts the lag probe: a timer due every {@code periodNanos}; each time it fires, how late it
     * fired (now − its deadline) is recorded into {@code target}'s current histogram, if any. A loop
     * busy with CPU work serves its timers late, and this is the number that shows it.
     */
    public void startLagProbe(long periodNanos, java.util.concurrent.atomic.AtomicReference<org.HdrHistogram.Histogram> target) {
        execute(() -> armProbe(System.nanoTime() + periodNanos, periodNanos, target));
    }

    private void armProbe(long deadline, long period, java.util.concurrent.atomic.AtomicReference<org.HdrHistogram.Histogram> target) {
        delay(Math.max(0, deadline - System.nanoTime())).thenRun(() -> {
            long now = System.nanoTime();
            org.HdrHistogram.Histogram h = target.get();
            if (h != null) h.recordValue(Math.max(0, now - deadline));
            if (running) armProbe(now + period, period, target); // fixed delay: lag never piles up
        });
    }

    /**
     * Returns once the loop has ended its current turn and fired the timers then due (so a lag probe
     * that a blocked turn made late has recorded its sample), or after {@code timeoutMillis}.
     */
    public void settle(long timeoutMillis) throws InterruptedException {
        try {
            CompletableFuture.runAsync(() -> { }, this).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            // a closed, dead or stuck loop: there is nothing to wait for
        }
    }

    /** A future completed on the loop thread at its next turn (lets other callbacks run first). */
    @Override
    public CompletableFuture<Void> yieldNow() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        execute(() -> f.complete(null));
        return f;
    }

    private void loop() {
        try {
            while (running) {
                for (Runnable r; (r = inbox.poll()) != null; ) ready.add(r);
                fireDueTimers();
                runReady();
                if (!running) break;
                if (!ready.isEmpty() || !inbox.isEmpty()) {
                    selector.selectNow();
                } else if (!timers.isEmpty()) {
                    long waitNanos = timers.peek().deadline - System.nanoTime();
                    if (waitNanos > 0) {
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
                    }
                } else {
                    selector.select();
                }
                selector.selectedKeys().clear();
            }
        } catch (Throwable t) {
            crash = t;
        } finally {
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing a selector we own; nothing useful to do
            }
        }
    }

    private void fireDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
            timers.poll().future.complete(null); // dependents not marked *Async run right here
        }
    }

    private void runReady() {
        // Run only what is queued now; callbacks queued meanwhile wait for the next turn, so
        // timers and I/O are checked between turns (as asyncio does).
        int n = ready.size();
        for (int i = 0; i < n && running; i++) {
            Runnable r = ready.poll();
            try {
                r.run();
            } catch (Throwable t) {
                // A callback's exception belongs to its CompletableFuture; a raw Runnable that
                // throws must not kill the loop for everyone else. Counted, not hidden.
                callbackErrors.incrementAndGet();
            }
        }
    }

    /** Raw callbacks that threw (futures carry their own exceptions and are not counted). */
    public long callbackErrors() {
        return callbackErrors.get();
    }

    /** Why the loop thread died, or {@code null} while it is healthy. */
    public Throwable crash() {
        return crash;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
