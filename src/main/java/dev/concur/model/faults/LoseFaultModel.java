package dev.concur.model.faults;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.List;

/** Runs every task but the last, fast: a model that loses work must be reported invalid, never fast. */
public final class LoseFaultModel extends FaultModel {

    @Override
    public String name() {
        return "fault-lose";
    }

    @Override
    public String description() {
        return "silently skips the last task of every batch (tests validation)";
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        tracker.enter();
        try {
            for (Task t : tasks.subList(0, tasks.size() - 1)) batch.complete(t.index(), t.call(BlockingContext.ELIDED));
        } finally {
            tracker.exit();
        }
    }
}
