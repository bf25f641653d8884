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

    /** Runs a blocking call (a socket read, a file write); forkjoin wraps it in managedBlock. */
    default <T> T block(java.util.concurrent.Callable<T> call) throws Exception {
        return call.call();
    }

    /** Whether waits and I/O are skipped (the reference run): tasks then compute their value directly. */
    default boolean elided() {
        return false;
    }

    /** A plain {@code Thread.sleep}: parks a virtual thread, blocks a platform thread. */
    BlockingContext PLAIN = nanos -> Thread.sleep(Duration.ofNanos(nanos));

    /** No wait and no I/O at all: they never change a task's value, so the reference run skips them. */
    BlockingContext ELIDED = new BlockingContext() {
        @Override
        public void sleep(long nanos) {
            // elided
        }

        @Override
        public boolean elided() {
            return true;
        }
    };
}
