package dev.concur.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A named problem that every model solves. Adding one: implement this, register it in
 * {@link WorkloadRegistry}.
 */
public interface Workload {

    String name();

    /** One line for {@code concur list} and the report. */
    String description();

    /** Parameters used when the command line gives none. */
    WorkloadParams defaults();

    /** Whether {@code --latency} means anything to this workload. */
    boolean usesLatency();

    /** Whether {@code --work} means anything to this workload. */
    boolean usesWork();

    /**
     * Whether the ideal-time formula (README, "Efficiency") bounds this workload. Real disk I/O has
     * no known per-task cost, so {@code file} reports no efficiency rather than a meaningless one.
     */
    default boolean hasIdeal() {
        return true;
    }

    /**
     * The task list and what it needs (a server, a temp directory), for one trial; closed at the
     * trial's end. Workloads with no resources just return their tasks.
     */
    default Prepared open(WorkloadParams p) throws Exception {
        return new Prepared(tasks(p), () -> { });
    }

    /**
     * Tasks plus the resources they use; {@link #close} releases them (and must leave nothing
     * behind). {@code beforeBatch} runs before every batch (the pipeline makes fresh channels there).
     */
    record Prepared(List<Task> tasks, AutoCloseable resources, Runnable beforeBatch) implements AutoCloseable {
        public Prepared(List<Task> tasks, AutoCloseable resources) {
            this(tasks, resources, () -> { });
        }

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    /**
     * The fewest tasks that must be able to wait at once for a batch to finish at all (a pipeline's
     * stages block on each other); a model with a lower waiting cap is skipped with the reason.
     */
    default int minConcurrency(WorkloadParams p) {
        return 1;
    }

    /** The task list; called once per trial, the same objects serve every batch. */
    default List<Task> tasks(WorkloadParams p) {
        List<Task> tasks = new ArrayList<>(p.tasks());
        long latency = usesLatency() ? p.latencyNanos() : 0;
        long work = usesWork() ? p.work() : 0;
        for (int i = 0; i < p.tasks(); i++) {
            tasks.add(new StagedTask(i, latency, work));
        }
        return List.copyOf(tasks);
    }
}
