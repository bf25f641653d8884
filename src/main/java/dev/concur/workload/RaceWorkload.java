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
 * N updates". Threads that run at the same time on several cores (platform, virtual, forkjoin,
 * reactive) lose updates; one event-loop thread runs one task's loop to the end before the next
 * (cooperative scheduling: no await between the read and the write), so it loses none without any
 * lock. Each task returns its number of increments, so a lost or repeated task still fails the checksum.
 */
public final class RaceWorkload implements Workload {

    @Override
    public String name() {
        return "race";
    }

    @Override
    public String description() {
        return "each task adds 1 to a shared counter --work times, unsynchronised and atomic; lost updates are counted";
    }

    @Override
    public WorkloadParams defaults() {
        return new WorkloadParams(200, 0, 20_000);
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
        for (int i = 0; i < e.tasks(); i++) tasks.add(new RaceTask(i, e.work(), counters));
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
}
