package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * A virtual thread for every task (JEP 444). A blocking sleep unmounts the virtual thread from
 * its carrier, so N waiting tasks cost N small heap objects, not N OS threads; CPU work still
 * runs on the carrier pool, which has one carrier per core.
 *
 * @implNote The executor is {@code Executors.newThreadPerTaskExecutor(factory)} with a counting
 * wrapper around {@code Thread.ofVirtual().factory()}: that is exactly how the JDK implements
 * {@code Executors.newVirtualThreadPerTaskExecutor()}, plus a count of the threads started. One
 * executor per batch, closed with try-with-resources, which waits for every task (JEP 444's idiom).
 */
public final class VirtualThreadModel implements ConcurrencyModel {
    private final ThreadTracker tracker = new ThreadTracker();
    private final ThreadFactory factory = tracker.counting(Thread.ofVirtual().name("concur-virtual-", 0).factory());

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public String description() {
        return "a virtual thread per task (Executors.newVirtualThreadPerTaskExecutor)";
    }

    @Override
    public void open(ModelSettings settings) {
        // virtual threads are created per task; the JDK's carrier scheduler is shared
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(factory)) {
            for (Task t : tasks) {
                executor.execute(tracker.track(() -> TaskRunners.runOne(t, BlockingContext.PLAIN, batch)));
            }
        } // close() waits until every task is done
        batch.throwIfFailed();
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        return new Caps(tasks, Math.min(tasks, s.cores()), s.cores(),
                "all N can wait (unmounted); carriers = cores can compute");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(null);
    }

    @Override
    public void close() {
        // nothing kept between batches
    }
}
