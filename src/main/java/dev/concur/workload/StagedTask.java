package dev.concur.workload;

import java.util.concurrent.CompletableFuture;

/**
 * The shape shared by io, cpu and mixed: wait {@code latencyNanos} (skipped when 0), then run
 * {@code rounds} rounds of {@link CpuWork}, then return the value — the shape of a web request
 * that waits on a backend and then renders.
 */
record StagedTask(int index, long latencyNanos, long rounds) implements Task {

    @Override
    public long call(BlockingContext blocking) throws InterruptedException {
        if (latencyNanos > 0) {
            blocking.sleep(latencyNanos);
        }
        return CpuWork.compute(index, rounds);
    }

    @Override
    public CompletableFuture<Long> callAsync(AsyncContext loop) {
        CompletableFuture<Void> ready = latencyNanos > 0 ? loop.delay(latencyNanos) : loop.yieldNow();
        // *Async with the loop as executor: the compute step is queued on the loop thread even if
        // `ready` happens to be complete already, so no code of the task ever runs elsewhere.
        return ready.thenApplyAsync(ignored -> CpuWork.compute(index, rounds), loop);
    }
}
