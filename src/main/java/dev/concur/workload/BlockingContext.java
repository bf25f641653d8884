package dev.concur.workload;

import java.time.Duration;

/**
 * How a thread model performs a blocking wait. Workloads never call {@code Thread.sleep}
 * directly: they ask the context, so that {@code forkjoin} can wrap the wait in
 * {@link java.util.concurrent.ForkJoinPool#managedBlock} and the reference run can elide it.
 */
@FunctionalInterface
public interface BlockingContext {

    /** Blocks the current thread for {@code nanos} nanoseconds. */
    void sleep(long nanos) throws InterruptedException;

    /** A plain {@code Thread.sleep}: parks a virtual thread, blocks a platform thread. */
    BlockingContext PLAIN = nanos -> Thread.sleep(Duration.ofNanos(nanos));

    /** No wait at all: waits never change a task's value, so the reference run skips them. */
    BlockingContext ELIDED = nanos -> { };
}
