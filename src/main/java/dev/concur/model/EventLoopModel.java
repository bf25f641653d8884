package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ONE event-loop thread runs all task code and every continuation (see {@link EventLoop}).
 * Waits are timers on the loop, never sleeps, so thousands of tasks wait at once on one thread;
 * CPU work runs on that same thread, one task at a time, and blocks everything else meanwhile.
 *
 * <p>The calling (JMH) thread only hands the batch to the loop and waits for the last completion,
 * like {@code asyncio.run(gather(...))}. No pool hides anywhere: every stage is queued with the
 * loop as its executor.
 */
public final class EventLoopModel implements ConcurrencyModel {
    private final ThreadTracker tracker = new ThreadTracker();
    private EventLoop loop;

    @Override
    public String name() {
        return "eventloop";
    }

    @Override
    public String description() {
        return "one event-loop thread; waits are timers, CompletableFuture continuations run on the loop";
    }

    @Override
    public void open(ModelSettings settings) {
        loop = new EventLoop("concur-eventloop");
        tracker.countStarted();
        loop.execute(tracker::enter); // the loop thread is live from now until close()
    }

    /** The loop, for tests that check where task code ran. */
    public EventLoop loop() {
        return loop;
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        CompletableFuture<Void> all = new CompletableFuture<>();
        loop.execute(() -> {
            int[] remaining = {tasks.size()}; // touched only on the loop thread
            for (Task t : tasks) {
                t.callAsync(loop).whenComplete((value, error) -> {
                    // runs on the loop thread: callAsync's last stage completes there
                    if (error != null) batch.fail(t.index(), error); else batch.complete(t.index(), value);
                    if (--remaining[0] == 0) all.complete(null);
                });
            }
        });
        while (true) {
            try {
                all.get(1, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                if (loop.crash() != null) throw new IllegalStateException("event loop died", loop.crash());
            }
        }
        batch.throwIfFailed();
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        return new Caps(tasks, 1, 1, "all N wait as timers; one loop thread computes");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(1);
    }

    @Override
    public void close() throws InterruptedException {
        if (loop != null) loop.close();
    }
}
