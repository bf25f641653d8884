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

    /** The threads this model used so far. */
    ModelUsage usage();

    @Override
    void close() throws Exception;
}
