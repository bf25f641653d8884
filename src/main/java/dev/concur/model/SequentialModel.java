package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.List;

/** The baseline: every task on the calling thread, one after another. Each wait blocks it all. */
public final class SequentialModel implements ConcurrencyModel {
    private final ThreadTracker tracker = new ThreadTracker();

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public String description() {
        return "one task after another on the calling thread: the baseline every speedup is measured against";
    }

    @Override
    public void open(ModelSettings settings) {
        // nothing to create
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        tracker.enter();
        try {
            for (Task t : tasks) {
                TaskRunners.runOne(t, BlockingContext.PLAIN, batch);
            }
        } finally {
            tracker.exit();
        }
        batch.throwIfFailed();
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        return new Caps(1, 1, 1, "one thread: one task waits or computes at a time");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(null);
    }

    @Override
    public void close() {
        // nothing to shut down
    }
}
