package dev.concur.workload;

/**
 * The size of one batch: how many tasks, how long each waits, how much CPU work each does.
 *
 * @param tasks        tasks per batch (a JMH operation is one whole batch)
 * @param latencyNanos simulated I/O wait per task, 0 for none
 * @param work         rounds of {@link CpuWork} per task, 0 for none
 */
public record WorkloadParams(int tasks, long latencyNanos, long work) {
    public WorkloadParams {
        if (tasks <= 0) throw new IllegalArgumentException("tasks must be positive: " + tasks);
        if (latencyNanos < 0) throw new IllegalArgumentException("latency must not be negative");
        if (work < 0) throw new IllegalArgumentException("work must not be negative");
    }
}
