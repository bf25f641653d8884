package dev.concur.workload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where a task's non-blocking form runs its continuations: the async counterpart of
 * {@link BlockingContext}. A task never blocks here; it asks for a timer instead of a sleep and
 * queues every step with this context as the executor, so all of its code runs where the model
 * decides (for the {@code eventloop} model: on its one loop thread).
 *
 * <p>The workload package states what a task needs from a loop; a model supplies it. The task
 * contract therefore does not depend on any one model's class.
 */
public interface AsyncContext extends Executor {

    /** A future completed in this context after {@code nanos}: a non-blocking sleep. */
    CompletableFuture<Void> delay(long nanos);

    /** A future completed in this context at its next turn, after what is already queued. */
    CompletableFuture<Void> yieldNow();
}
