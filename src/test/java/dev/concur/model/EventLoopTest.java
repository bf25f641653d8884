package dev.concur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.workload.Batch;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Reference;
import dev.concur.workload.Task;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event loop is one thread: every task's code and every continuation runs on it. */
class EventLoopTest {

    /** Wraps a real workload task and records the thread that starts it and the one that finishes it. */
    record Spy(Task inner, Set<Thread> threads) implements Task {
        @Override
        public int index() {
            return inner.index();
        }

        @Override
        public long call(BlockingContext blocking) throws Exception {
            throw new AssertionError("the event loop must use the async form");
        }

        @Override
        public CompletableFuture<Long> callAsync(dev.concur.workload.AsyncContext loop) {
            threads.add(Thread.currentThread());              // where the task's first stage runs
            // Attached before the compute stage can run (it is queued behind us on the loop), so
            // this callback runs on whichever thread completes the task's last stage.
            return inner.callAsync(loop).whenComplete((v, e) -> threads.add(Thread.currentThread()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"io", "cpu", "mixed", "http", "file", "pipeline", "race", "race-await"})
    void everyStageRunsOnTheLoopThread(String workload) throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        var prepared = WorkloadRegistry.get(workload).open(new WorkloadParams(200, 3_000_000, 5_000));
        List<Task> real = prepared.tasks();
        List<Task> spied = real.stream().map(t -> (Task) new Spy(t, threads)).toList();
        EventLoopModel model = new EventLoopModel();
        model.open(new ModelSettings(1, 2));
        try {
            prepared.beforeBatch().run();
            Batch b = new Batch(spied.size());
            model.run(spied, b);
            assertTrue(Reference.of(real).matches(b), "the batch did the reference's work");
            assertEquals(Set.of(model.loop().thread()), threads, "only the loop thread ran task code");
            assertEquals(1, model.usage().threadsStarted(), "the model started exactly one thread");
            assertEquals(0, model.loop().callbackErrors());
        } finally {
            model.close();
            prepared.close();
        }
    }

    /**
     * A callback that blocks the loop for 50 ms makes the 5 ms probe at least 45 ms late; the sample is
     * recorded on the loop's next turn, and settle() returns only after it (the fork calls it before
     * an iteration's histogram is closed, or a batch that blocked the loop to its end loses its lag).
     */
    @Test
    void settleReturnsAfterALateProbeRecordedItsSample() throws Exception {
        try (EventLoop loop = new EventLoop("test-loop")) {
            org.HdrHistogram.Histogram lag = dev.concur.result.Histograms.create();
            loop.startLagProbe(5_000_000, new java.util.concurrent.atomic.AtomicReference<>(lag));
            CompletableFuture.runAsync(() -> {
                long until = System.nanoTime() + 50_000_000;
                while (System.nanoTime() < until) Thread.onSpinWait(); // CPU work on the loop
            }, loop).get(5, TimeUnit.SECONDS);
            loop.settle(5_000);
            assertTrue(lag.getMaxValue() >= 45_000_000, "the blocked turn's lag, recorded: " + lag.getMaxValue() + " ns");
        }
    }

    @Test
    void timersAndContinuationsRunOnTheLoop() throws Exception {
        try (EventLoop loop = new EventLoop("test-loop")) {
            // the dependent is attached on the loop, so the timer cannot fire before it is there
            // (attached from this thread, a 1 ms timer can fire first and run it here: a flaky test)
            CompletableFuture<Thread> onTimer = new CompletableFuture<>();
            loop.execute(() -> loop.delay(1_000_000).thenRun(() -> onTimer.complete(Thread.currentThread())));
            assertSame(loop.thread(), onTimer.get(5, TimeUnit.SECONDS));
            Thread viaExecute = CompletableFuture.supplyAsync(Thread::currentThread, loop).get(5, TimeUnit.SECONDS);
            assertSame(loop.thread(), viaExecute);
        }
    }

    @Test
    void cpuWorkOnTheLoopDelaysTimers() throws Exception {
        // The lesson of the eventloop model, as a lower bound that cannot flake: a 5 ms timer
        // armed before a 60 ms busy callback cannot fire until that callback returns.
        try (EventLoop loop = new EventLoop("test-loop")) {
            CompletableFuture<Long> fired = new CompletableFuture<>();
            long start = System.nanoTime();
            loop.execute(() -> {
                loop.delay(5_000_000).thenRun(() -> fired.complete(System.nanoTime() - start));
                long busyUntil = System.nanoTime() + 60_000_000;
                while (System.nanoTime() < busyUntil) Thread.onSpinWait();
            });
            long firedAfter = fired.get(5, TimeUnit.SECONDS);
            assertTrue(firedAfter >= 60_000_000, "timer fired after " + firedAfter / 1e6 + " ms, before the busy callback ended");
        }
    }

    @Test
    void timersFireInDeadlineOrder() throws Exception {
        try (EventLoop loop = new EventLoop("test-loop")) {
            List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Void> a = loop.delay(30_000_000).thenRun(() -> order.add(30));
            CompletableFuture<Void> b = loop.delay(10_000_000).thenRun(() -> order.add(10));
            CompletableFuture<Void> c = loop.delay(20_000_000).thenRun(() -> order.add(20));
            CompletableFuture.allOf(a, b, c).get(5, TimeUnit.SECONDS);
            assertEquals(List.of(10, 20, 30), order);
        }
    }
}
