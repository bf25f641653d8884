package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.Task;
import java.util.List;

/**
 * A way of running a batch of tasks concurrently (or not). Lifecycle, as JMH drives it:
 * {@link #open} once per trial (create pools), {@link #run} once per measured batch,
 * {@link #close} once at the end (shut pools down).
 *
 * <p>Adding a model: implement this in one class and add one line to {@link ModelRegistry}.
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** The name users type: {@code --model=NAME}. */
    String name();

    /** One line for {@code concur list} and the report. */
    String description();

    /** Creates whatever the model keeps between batches (pools, the loop thread). */
    void open(ModelSettings settings) throws Exception;

    /**
     * Runs every task once, reports each result to {@code batch}, and returns only when all of
     * them are done. A task that throws is reported with {@link Batch#fail}.
     */
    void run(List<Task> tasks, Batch batch) throws Exception;

    /** How many tasks can wait, and how many can compute, at the same time. */
    Caps caps(ModelSettings settings, int tasks);

    /**
     * What starting (and ending) one task costs this model beyond the task's own wait and work, in
     * nanoseconds, paid one task after another by the thread that runs the batch (so it is not divided
     * by the cores). For the pre-run estimate only ({@code run.Estimator}: {@code --max-batch} and the
     * watchdog's patience before a first batch ends); what is reported is always measured.
     *
     * @implSpec The default is 0: a model that reuses its threads, or makes ones as cheap as a virtual
     * thread's, adds nothing the estimate's margin does not already cover.
     */
    default double taskStartNanos() {
        return 0;
    }

    /**
     * What keeping one task parked costs this model while the task waits for others (hold's start gate),
     * beyond {@link #taskStartNanos}, in nanoseconds: for the pre-run estimate only, added where the
     * workload needs every task alive at once ({@code Workload.needsAllAtOnce}).
     *
     * @implSpec The default is 0: a parked virtual thread, callback or continuation costs what the
     * workload already declares (the heap it grows).
     */
    default double parkedTaskNanos() {
        return 0;
    }

    /** The threads this model used so far. */
    ModelUsage usage();

    @Override
    void close() throws Exception;
}
