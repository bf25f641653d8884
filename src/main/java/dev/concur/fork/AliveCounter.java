package dev.concur.fork;

import dev.concur.workload.AsyncContext;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a batch's tasks alive (started, not yet finished) and the most at once, for every model
 * alike: it wraps the tasks, not the models. A blocking task is alive from the moment a thread
 * calls it until it returns or throws; an asynchronous one from its {@code callAsync} until its
 * future completes. A task queued in a pool and not yet started is not alive.
 *
 * <p>Memory per task divides by N, so it is a figure per task only when all N were alive at the
 * memory peak; this counter is the evidence (docs/methodology.md, "memory").
 *
 * @implNote Each start is one {@code incrementAndGet} on a shared {@link AtomicLong}, plus a read
 * of the peak and, only while the count is rising past it, a max update; each finish one
 * {@code decrementAndGet}. A {@code LongAdder} would be cheaper under contention but cannot tell
 * the peak: the peak is the count as it stood at one moment, which only a single cell gives.
 */
final class AliveCounter {
    private final AtomicLong alive = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    /** Before a batch: nothing alive, no peak. */
    void reset() {
        alive.set(0);
        peak.set(0);
    }

    void started() {
        long now = alive.incrementAndGet();
        if (now > peak.get()) peak.accumulateAndGet(now, Math::max);
    }

    void finished() {
        alive.decrementAndGet();
    }

    /** The most tasks alive at once since {@link #reset}. */
    long peak() {
        return peak.get();
    }

    /** Tasks alive now. */
    long alive() {
        return alive.get();
    }

    /** The same tasks, each counted while it runs; made once, reused for every batch. */
    List<Task> wrap(List<Task> tasks) {
        List<Task> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) out.add(new Counted(t, this));
        return List.copyOf(out);
    }

    private record Counted(Task inner, AliveCounter counter) implements Task {
        @Override
        public int index() {
            return inner.index();
        }

        @Override
        public long call(BlockingContext blocking) throws Exception {
            counter.started();
            try {
                return inner.call(blocking);
            } finally {
                counter.finished();
            }
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            counter.started();
            CompletableFuture<Long> f;
            try {
                f = inner.callAsync(loop);
            } catch (RuntimeException | Error e) {
                counter.finished();
                throw e;
            }
            // runs where the task's last stage completes (the loop thread for eventloop), before the
            // model's own completion, so a batch ends with nothing counted alive
            return f.whenComplete((v, e) -> counter.finished());
        }
    }
}
