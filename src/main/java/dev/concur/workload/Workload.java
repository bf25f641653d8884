package dev.concur.workload;

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
     * Whether the ideal-time formula (docs/methodology.md, "Efficiency") bounds this workload. Real disk I/O has
     * no known per-task cost, so {@code file} reports no efficiency rather than a meaningless one.
     */
    default boolean hasIdeal() {
        return true;
    }

    /**
     * The workload as it runs with {@code p}: a latency or work it does not use is 0, so that two
     * runs differing only in an unused value are the same benchmark.
     */
    default WorkloadParams effective(WorkloadParams p) {
        return new WorkloadParams(p.tasks(), usesLatency() ? p.latencyNanos() : 0, usesWork() ? p.work() : 0);
    }

    /**
     * The task list and what it needs (a server, a temp directory, channels), for one trial; closed
     * at the trial's end. The same task objects serve every batch of the trial.
     */
    Prepared open(WorkloadParams p) throws Exception;

    /**
     * Tasks plus the resources they use; {@link #close} releases them (and must leave nothing
     * behind). {@code beforeBatch} runs before every batch (the pipeline makes fresh channels there);
     * {@code counters}, where not {@code null}, is shared state read after every batch (the race workload's).
     */
    record Prepared(List<Task> tasks, AutoCloseable resources, Runnable beforeBatch, SharedCounters counters)
            implements AutoCloseable {
        public Prepared(List<Task> tasks, AutoCloseable resources) {
            this(tasks, resources, () -> { }, null);
        }

        public Prepared(List<Task> tasks, AutoCloseable resources, Runnable beforeBatch) {
            this(tasks, resources, beforeBatch, null);
        }

        @Override
        public void close() throws Exception {
            resources.close();
        }
    }

    /**
     * How many task objects a batch hands the model: {@code p.tasks()}, except where the tasks are
     * the parts of something larger (the pipeline's producer, stages and consumer).
     */
    default int taskCount(WorkloadParams p) {
        return p.tasks();
    }

    /**
     * Whether every task must be able to run at once for a batch to finish at all (the pipeline's
     * parts block on each other); a model that cannot hold {@link #taskCount} at once is skipped with the reason.
     */
    default boolean needsAllAtOnce() {
        return false;
    }

    /**
     * What the workload itself adds to each task's start on the JVM, beyond its wait and work, in
     * nanoseconds, whatever model runs it. For the pre-run estimate only ({@code run.Estimator}); a peer
     * program's runtime declares its own per-task cost ({@code peer.PeerRuntime.taskOverheadNanos}).
     *
     * @implSpec The default is 0: a task that starts its wait or work at once costs no more than the model makes it.
     */
    default double taskStartNanos() {
        return 0;
    }

    /**
     * How many times a batch does each task's {@code --work} rounds: once, except in the pipeline,
     * where every item is worked on by each stage. For the estimate (and so for {@code --max-batch}
     * and the watchdog's patience before a first batch ends).
     */
    default int workPassesPerTask() {
        return 1;
    }
}
