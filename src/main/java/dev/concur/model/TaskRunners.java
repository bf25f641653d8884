package dev.concur.model;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;

/** The body every thread model wraps around a task: call it, report the value or the error. */
final class TaskRunners {
    private TaskRunners() {}

    static void runOne(Task task, BlockingContext blocking, Batch batch) {
        try {
            batch.complete(task.index(), task.call(blocking));
        } catch (InterruptedException e) {
            batch.fail(task.index(), e);
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            batch.fail(task.index(), t);
        }
    }
}
