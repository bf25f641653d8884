package dev.concur.model.faults;

import dev.concur.workload.Batch;
import dev.concur.workload.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hands the batch to a future that nobody ever completes, and waits for it: the async bug where a
 * callback is lost. The waiting thread is parked, not spinning; only a deadline notices.
 */
public final class NeverCompletesFaultModel extends FaultModel {

    @Override
    public String name() {
        return "fault-never";
    }

    @Override
    public String description() {
        return "waits for a CompletableFuture that is never completed (tests the watchdog)";
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        CompletableFuture<Void> lost = new CompletableFuture<>();
        tracker.enter();
        try {
            lost.get(); // nobody holds a reference that could complete it
        } finally {
            tracker.exit();
        }
    }
}
