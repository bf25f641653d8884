package dev.concur.model.faults;

import dev.concur.workload.Batch;
import dev.concur.workload.Task;
import java.util.List;

/**
 * Hangs in a busy loop that ignores interrupts: what JMH's {@code -to} timeout cannot stop.
 * Only killing the fork ends it; concur's watchdog does exactly that.
 */
public final class SpinFaultModel extends FaultModel {
    private volatile boolean stop; // never set: the loop below cannot be optimised away

    @Override
    public String name() {
        return "fault-spin";
    }

    @Override
    public String description() {
        return "spins forever, ignoring interrupts (tests the watchdog)";
    }

    @Override
    public void run(List<Task> tasks, Batch batch) {
        tracker.enter();
        while (!stop) {
            Thread.interrupted(); // swallow interrupts, like careless code does
        }
        tracker.exit();
    }
}
