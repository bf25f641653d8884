package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * A new platform thread for every task, joined at the end: the "just start a thread" design.
 * Unbounded concurrency, but each thread costs an OS thread, its stack and its creation time, so
 * at large N the batch is dominated by thread start-up (and eventually by the OS's limits).
 */
public final class PlatformPerTaskModel implements ConcurrencyModel {
    private final ThreadTracker tracker = new ThreadTracker();
    private final ThreadFactory factory =
            tracker.wrap(Thread.ofPlatform().name("concur-per-task-", 0).daemon(true).factory());

    @Override
    public String name() {
        return "platform-per-task";
    }

    @Override
    public String description() {
        return "a new platform (OS) thread for every task, joined at the end";
    }

    @Override
    public void open(ModelSettings settings) {
        // threads are created per task
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        List<Thread> threads = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            Thread th = factory.newThread(() -> TaskRunners.runOne(t, BlockingContext.PLAIN, batch));
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        batch.throwIfFailed();
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        return new Caps(tasks, Math.min(tasks, s.cores()), tasks, "one OS thread per task: all N wait at once");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(null);
    }

    @Override
    public void close() {
        // every thread was joined by run()
    }
}
