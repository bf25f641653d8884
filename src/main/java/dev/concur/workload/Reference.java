package dev.concur.workload;

import java.util.List;

/**
 * The sequential result every model is checked against: the same task objects, called one after
 * another on the calling thread, with waits elided ({@link BlockingContext#ELIDED}) because a
 * wait never changes a value. For cpu this is exactly the sequential model's work; for io it
 * avoids spending N × latency to learn N numbers.
 *
 * @param tasks    the task count
 * @param checksum the checksum of the correct batch
 * @param cpuNanosPerTask time of one task's CPU part, measured by timing a second reference pass
 *                 (the first warms the kernel); feeds the efficiency estimate
 */
public record Reference(int tasks, long checksum, double cpuNanosPerTask) {

    public static Reference of(List<Task> taskList) throws Exception {
        Batch first = run(taskList);
        long start = System.nanoTime();
        Batch second = run(taskList);
        long elapsed = System.nanoTime() - start;
        if (first.checksum() != second.checksum()) {
            throw new IllegalStateException("workload is not deterministic: two reference runs differ");
        }
        return new Reference(taskList.size(), first.checksum(), (double) elapsed / taskList.size());
    }

    private static Batch run(List<Task> taskList) throws Exception {
        Batch b = new Batch(taskList.size());
        for (Task t : taskList) {
            b.complete(t.index(), t.call(BlockingContext.ELIDED));
        }
        return b;
    }

    /** Whether a finished batch did exactly the reference's work. */
    public boolean matches(Batch b) {
        return b.completed() == tasks && b.checksum() == checksum;
    }
}
