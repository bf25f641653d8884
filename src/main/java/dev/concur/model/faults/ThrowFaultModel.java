package dev.concur.model.faults;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.List;

/** Runs tasks sequentially (waits elided), then throws on the third batch: a model that crashes mid-benchmark. */
public final class ThrowFaultModel extends FaultModel {
    private int batches;

    @Override
    public String name() {
        return "fault-throw";
    }

    @Override
    public String description() {
        return "throws IllegalStateException on its third batch (tests failure reporting)";
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        if (++batches == 3) throw new IllegalStateException("fault-throw: injected failure in batch 3");
        tracker.enter();
        try {
            for (Task t : tasks) batch.complete(t.index(), t.call(BlockingContext.ELIDED)); // waits elided: only the failure matters
        } finally {
            tracker.exit();
        }
    }
}
