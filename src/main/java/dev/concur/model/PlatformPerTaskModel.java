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
    /**
     * Starting and joining one platform thread, all N alive at once: (batch − latency) / tasks of this
     * model on io, measured with {@code StartCostProbe platform-per-task io N 100 5} (test sources) on a
     * shared 2-core Firecracker VM under load 1.5–10 from other builds: 380–770 µs a task at 1,000–10,000
     * tasks (450 µs at 10,000), the same on 1 core as on 2 (the batch's thread starts them one after
     * another, so the cost is not divided by the cores, as it once was). A bare start-and-join loop
     * there cost 500–960 µs. It was 60 µs (not measured here; a quiet host's order of magnitude)
     * divided by the cores, which put 10,000 threads at 0.3 s for batches of 4.5 s. 500 µs: every
     * sample within 2× of it, so inside the watchdog's 3× stall factor; a faster host only sees
     * platform-per-task skipped sooner ({@code --max-batch} raises the limit).
     */
    private static final double THREAD_START_NANOS = 500_000;
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

    /** Starting and joining one OS thread, one after another in the batch's thread (see THREAD_START_NANOS). */
    @Override
    public double taskStartNanos() {
        return THREAD_START_NANOS;
    }

    /** A parked OS thread, as the pool's ({@link PlatformPoolModel#PARKED_OS_THREAD_NANOS}). */
    @Override
    public double parkedTaskNanos() {
        return PlatformPoolModel.PARKED_OS_THREAD_NANOS;
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
