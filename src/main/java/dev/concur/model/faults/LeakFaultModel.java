package dev.concur.model.faults;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Correct results, but leaves a thread running after teardown: concur must warn, with its name. */
public final class LeakFaultModel extends FaultModel {
    private Thread leaked;

    @Override
    public String name() {
        return "fault-leak";
    }

    @Override
    public String description() {
        return "runs tasks correctly but leaves a thread alive after teardown (tests leak warnings)";
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        if (leaked == null) {
            leaked = Thread.ofPlatform().name("concur-leaked-worker").daemon(true).start(() -> {
                while (true) LockSupport.park();
            });
            tracker.countStarted();
        }
        for (Task t : tasks) batch.complete(t.index(), t.call(BlockingContext.ELIDED)); // waits elided: only the failure matters
    }
}
