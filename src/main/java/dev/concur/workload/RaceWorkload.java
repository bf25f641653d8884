package dev.concur.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A race condition, measured. Every task adds 1 to two shared counters, {@code --work} times each:
 * <ul>
 *   <li>unsynchronised: read a volatile field, then (after the atomic step below) write it plus one.
 *       When another thread writes in between, its update is overwritten: lost;</li>
 *   <li>synchronised: {@code AtomicLong.incrementAndGet}, one indivisible step; it loses nothing.</li>
 * </ul>
 * After each batch the counters are read: the synchronised one must hold tasks × work (otherwise the
 * batch is invalid), and what the unsynchronised one is short of that is the measurement: "lost X of
 * N updates". Each task returns its number of increments, so a lost or repeated task still fails the checksum.
 *
 * <p>It comes in two forms, two workloads:
 * <ul>
 *   <li>{@code race}: nothing between the read and the write gives the CPU away. Threads that run at
 *       the same time on several cores (platform, virtual, forkjoin, reactive) lose updates; one
 *       event-loop thread runs one task's loop to the end before the next (cooperative scheduling: no
 *       await between the read and the write), so it loses none without any lock: race-free by construction;</li>
 *   <li>{@code race-await}: the classic asyncio bug. Between the read and the write the task yields:
 *       on the loop it re-queues the rest of its step behind every callback already queued (what
 *       {@code await asyncio.sleep(0)} does), on a thread it calls {@code Thread.yield()}. Now the
 *       one loop thread loses updates too, deterministically: every other task reads the same value
 *       before this one writes. So do threads on one core. Only {@code sequential} loses none.</li>
 * </ul>
 */
public final class RaceWorkload implements Workload {
    /** The form without a yield point between the read and the write. */
    public static final String RACE = "race";
    /** The form with one: read, yield (await), write. */
    public static final String RACE_AWAIT = "race-await";

    private final boolean yieldBetween;

    /** The {@code race} form: no yield point between the read and the write. */
    public RaceWorkload() {
        this(false);
    }

    /** @param yieldBetween whether a task yields (awaits) between the read and the write: {@code race-await} */
    public RaceWorkload(boolean yieldBetween) {
        this.yieldBetween = yieldBetween;
    }

    @Override
    public String name() {
        return yieldBetween ? RACE_AWAIT : RACE;
    }

    @Override
    public String description() {
        return yieldBetween
                ? "like race, but each task yields (await, Thread.yield) between reading and writing the counter: one loop thread loses updates too"
                : "each task adds 1 to a shared counter --work times, unsynchronised and atomic; lost updates are counted";
    }

    /** race-await does a queue hop (or a thread yield) per increment: fewer increments keep a batch short. */
    @Override
    public WorkloadParams defaults() {
        return yieldBetween ? new WorkloadParams(200, 0, 1_000) : new WorkloadParams(200, 0, 20_000);
    }

    @Override
    public boolean usesLatency() {
        return false;
    }

    @Override
    public boolean usesWork() {
        return true;
    }

    /** The time is contention on one memory location, which no formula of cores and latency bounds. */
    @Override
    public boolean hasIdeal() {
        return false;
    }

    /** The two counters one batch shares; reset before every batch. */
    static final class Counters implements SharedCounters {
        volatile long unsynchronised;
        final AtomicLong synchronised = new AtomicLong();
        private final long expected;

        Counters(long expected) {
            this.expected = expected;
        }

        @Override
        public Count read() {
            return new Count(expected, unsynchronised, synchronised.get());
        }

        void reset() {
            unsynchronised = 0;
            synchronised.set(0);
        }
    }

    @Override
    public Prepared open(WorkloadParams p) {
        WorkloadParams e = effective(p);
        Counters counters = new Counters((long) e.tasks() * e.work());
        List<Task> tasks = new ArrayList<>(e.tasks());
        for (int i = 0; i < e.tasks(); i++) {
            tasks.add(yieldBetween ? new YieldingRaceTask(i, e.work(), counters) : new RaceTask(i, e.work(), counters));
        }
        return new Prepared(List.copyOf(tasks), () -> { }, counters::reset, counters);
    }

    record RaceTask(int index, long increments, Counters counters) implements Task {
        @Override
        public long call(BlockingContext ctx) {
            if (!ctx.elided()) add();
            return increments;
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            return loop.yieldNow().thenApplyAsync(ignored -> {
                add();
                return increments;
            }, loop);
        }

        private void add() {
            Counters c = counters;
            for (long i = 0; i < increments; i++) {
                long seen = c.unsynchronised;     // read ...
                c.synchronised.incrementAndGet(); // (the atomic counter: one indivisible step)
                c.unsynchronised = seen + 1;      // ... then write: another thread's update in between is lost
            }
        }
    }

    /**
     * The race-await form: read, yield, write. The blocking form yields the thread
     * ({@code Thread.yield()}); the non-blocking form ends its step after the read and queues the
     * write behind everything already queued on the loop ({@link AsyncContext#execute}, an immediate
     * re-queue, as {@link AsyncContext#yieldNow} does): {@code await asyncio.sleep(0)}.
     */
    record YieldingRaceTask(int index, long increments, Counters counters) implements Task {
        @Override
        public long call(BlockingContext ctx) {
            if (ctx.elided()) return increments;
            Counters c = counters;
            for (long i = 0; i < increments; i++) {
                long seen = c.unsynchronised;     // read ...
                c.synchronised.incrementAndGet(); // (the atomic counter: one indivisible step)
                Thread.yield();                   // ... let another thread run ...
                c.unsynchronised = seen + 1;      // ... then write what was read + 1
            }
            return increments;
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            CompletableFuture<Long> done = new CompletableFuture<>();
            loop.execute(() -> step(0, loop, done));
            return done;
        }

        /** One increment per step; each step re-queues its write, and the write starts the next step. */
        private void step(long i, AsyncContext loop, CompletableFuture<Long> done) {
            if (i == increments) {
                done.complete(increments);
                return;
            }
            Counters c = counters;
            long seen = c.unsynchronised;         // read ...
            c.synchronised.incrementAndGet();     // (the atomic counter: one indivisible step)
            try {
                loop.execute(() -> {              // ... await: every task queued meanwhile runs first ...
                    c.unsynchronised = seen + 1;  // ... then write what was read + 1: their updates are lost
                    step(i + 1, loop, done);
                });
            } catch (RuntimeException closed) {   // the loop refused the step: the task fails, it does not hang
                done.completeExceptionally(closed);
            }
        }
    }
}
