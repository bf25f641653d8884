package dev.concur.model.faults;

import dev.concur.workload.Batch;
import dev.concur.workload.Task;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Two threads take two locks in opposite orders and wait for each other forever: the classic
 * deadlock. The benchmark thread joins them, so the batch never ends. A thread dump taken by the
 * watchdog shows both threads BLOCKED, each on the other's monitor.
 */
public final class DeadlockFaultModel extends FaultModel {
    private final Object left = new Object();
    private final Object right = new Object();

    @Override
    public String name() {
        return "fault-deadlock";
    }

    @Override
    public String description() {
        return "two threads deadlock on two locks taken in opposite orders (tests the watchdog)";
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws InterruptedException {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread a = Thread.ofPlatform().name("concur-deadlock-a").daemon(true).unstarted(() -> lockBoth(left, right, bothHoldOne));
        Thread b = Thread.ofPlatform().name("concur-deadlock-b").daemon(true).unstarted(() -> lockBoth(right, left, bothHoldOne));
        tracker.countStarted();
        tracker.countStarted();
        a.start();
        b.start();
        a.join();
        b.join();
    }

    private void lockBoth(Object first, Object second, CountDownLatch bothHoldOne) {
        tracker.enter();
        synchronized (first) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (second) {
                tracker.exit();
            }
        }
    }
}
