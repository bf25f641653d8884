package dev.concur.fork;

import dev.concur.workload.AsyncContext;
import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a batch's tasks alive (started, not yet finished) and the most at once, for every model
 * alike: it wraps the tasks, not the models. A task is alive from the moment a model calls it
 * ({@code call} on a thread, {@code callAsync} on a loop) until the model reports it to the batch
 * ({@link Batch#complete}); a task queued in a pool and not yet called is not alive.
 *
 * <p>Memory per task divides by N, so it is a figure per task only when all N were alive at the
 * memory peak; this counter is the evidence (docs/methodology.md, "memory").
 *
 * @implNote The counter must not weigh on the memory it vouches for: a finish is read from the
 * batch's own completion count, so wrapping adds no object per task and no stage to an
 * asynchronous task's future (a {@code whenComplete} per task would add about 60 bytes to an
 * event-loop task of about 200). Each start is one {@code incrementAndGet}, one read of the batch's
 * count, one read of the peak and, only while the count rises past it, a max update. The value a
 * start computes is never above the tasks truly alive when it reads the completions (those only
 * grow), so the peak can only understate. A {@code LongAdder} would be cheaper under contention but
 * cannot tell a peak: that is the count as it stood at one moment. A task that throws is never
 * completed and stays counted; its batch fails anyway.
 */
final class AliveCounter {
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private volatile Batch batch;

    /** Before a batch: none started, no peak; finishes are {@code batch}'s completions. */
    void reset(Batch batch) {
        this.batch = batch;
        started.set(0);
        peak.set(0);
    }

    private void started() {
        long alive = started.incrementAndGet() - batch.completed();
        if (alive > peak.get()) peak.accumulateAndGet(alive, Math::max);
    }

    /** The most tasks alive at once since {@link #reset}. */
    long peak() {
        return peak.get();
    }

    /** Tasks alive now. */
    long alive() {
        return started.get() - batch.completed();
    }

    /** The same tasks, each counted when called; made once, reused for every batch. */
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
            return inner.call(blocking);
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            counter.started();
            return inner.callAsync(loop);
        }
    }
}
