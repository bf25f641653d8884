package dev.concur.workload;

import java.util.concurrent.CompletableFuture;

/**
 * One unit of work, in the two forms a concurrency model can run it.
 *
 * <p>Every model receives the <em>same</em> task objects. Thread models call {@link #call} on a
 * thread of their choosing; the event loop calls {@link #callAsync}, which must never block and
 * must run all of its code on the loop thread. Both forms return the same value for the same
 * index, so a batch's checksum does not depend on the model.
 */
public interface Task {

    /** Position of this task in its batch, 0-based; the key of its result. */
    int index();

    /** Blocking form: waits through {@code blocking}, computes, returns the value. */
    long call(BlockingContext blocking) throws Exception;

    /** Non-blocking form: waits are timers on {@code loop}; continuations run on the loop thread. */
    CompletableFuture<Long> callAsync(AsyncContext loop);
}
