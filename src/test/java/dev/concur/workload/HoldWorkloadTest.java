package dev.concur.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hold workload: io's answers, behind a start gate that opens at the N-th start and resets itself. */
class HoldWorkloadTest {
    private static final long MS = 1_000_000L;

    @Test
    void sameValuesAndChecksumAsIo() throws Exception {
        WorkloadParams p = new WorkloadParams(500, 10 * MS, 0);
        try (var hold = new HoldWorkload().open(p); var io = WorkloadRegistry.get("io").open(p)) {
            assertEquals(Reference.of(io.tasks()).checksum(), Reference.of(hold.tasks()).checksum());
            assertEquals(500, hold.tasks().size());
        }
        assertTrue(new HoldWorkload().needsAllAtOnce(), "a model that cannot hold N is skipped, never run");
        assertSame(WorkloadRegistry.get("hold").getClass(), HoldWorkload.class);
        assertFalse(WorkloadRegistry.names().contains("hold"), "run when named, not in 'all'");
    }

    @Test
    void theGateOpensAtTheNthStartAndAFreshOneServesTheNextBatch() {
        HoldWorkload.Gates gates = new HoldWorkload.Gates(3);
        HoldWorkload.Gate first = gates.arrive();
        assertSame(first, gates.arrive());
        assertFalse(first.isOpen(), "2 of 3 started: closed");
        assertSame(first, gates.arrive());
        assertTrue(first.isOpen(), "the 3rd start opens it");
        HoldWorkload.Gate next = gates.current();
        assertNotSame(first, next, "the next batch waits at a new gate");
        assertFalse(next.isOpen());
        gates.arrive();
        gates.reset();
        assertNotSame(next, gates.current(), "before a batch, a half-counted gate is replaced");
    }

    @Test
    void theOpenerWakesEveryParkedThreadAndAnInterruptEndsTheWait() throws Exception {
        HoldWorkload.Gates gates = new HoldWorkload.Gates(50);
        List<Thread> waiting = new java.util.ArrayList<>();
        AtomicInteger passed = new AtomicInteger();
        for (int i = 0; i < 49; i++) {
            HoldWorkload.Gate g = gates.arrive();
            waiting.add(Thread.ofPlatform().start(() -> {
                try {
                    g.await();
                    passed.incrementAndGet();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        HoldWorkload.Gate last = gates.arrive(); // the 50th opens it and wakes the 49
        last.await(); // open: returns at once
        for (Thread t : waiting) t.join(10_000);
        assertEquals(49, passed.get(), "every parked thread passed");

        HoldWorkload.Gate closed = gates.arrive(); // the next batch's gate, 1 of 50
        AtomicInteger interrupted = new AtomicInteger();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        t.interrupt();
        t.join(10_000);
        assertEquals(1, interrupted.get(), "an interrupt ends the wait with InterruptedException, never a hang");
    }

    @Test
    void noTaskStartsItsWaitBeforeTheLastHasStarted() throws Exception {
        int n = 200;
        try (var prepared = new HoldWorkload().open(new WorkloadParams(n, 2 * MS, 0))) {
            AtomicInteger started = new AtomicInteger();
            ConcurrentLinkedQueue<Integer> startedWhenWaiting = new ConcurrentLinkedQueue<>();
            BlockingContext ctx = new BlockingContext() {
                @Override
                public void sleep(long nanos) throws InterruptedException {
                    startedWhenWaiting.add(started.get()); // the io wait: after the gate
                    Thread.sleep(java.time.Duration.ofNanos(nanos));
                }

            };
            for (int round = 0; round < 2; round++) {
                startedWhenWaiting.clear();
                started.set(0);
                Batch b = new Batch(n);
                try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                    for (Task t : prepared.tasks()) pool.submit(() -> {
                        started.incrementAndGet(); // before the task arrives at its gate
                        b.complete(t.index(), t.call(ctx));
                        return null;
                    });
                }
                assertEquals(n, b.completed(), "batch " + round);
                assertEquals(n, startedWhenWaiting.size());
                assertTrue(startedWhenWaiting.stream().allMatch(s -> s == n),
                        "every io wait began after all " + n + " had started, batch " + round);
            }
        }
    }

    @Test
    void theAsyncFormReleasesEveryContinuationThroughTheContext() {
        int n = 50;
        try (var prepared = new HoldWorkload().open(new WorkloadParams(n, 1 * MS, 0))) {
            ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
            AsyncContext ctx = new AsyncContext() { // a loop we turn by hand
                @Override
                public void execute(Runnable step) {
                    queued.add(step);
                }

                @Override
                public CompletableFuture<Void> delay(long nanos) {
                    CompletableFuture<Void> f = new CompletableFuture<>();
                    queued.add(() -> f.complete(null));
                    return f;
                }

                @Override
                public CompletableFuture<Void> yieldNow() {
                    return delay(0);
                }
            };
            List<Task> tasks = prepared.tasks();
            List<CompletableFuture<Long>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n - 1; i++) results.add(tasks.get(i).callAsync(ctx));
            assertTrue(queued.isEmpty(), "n - 1 started: nothing may run yet");
            results.add(tasks.get(n - 1).callAsync(ctx));
            assertEquals(n, queued.size(), "the N-th start queues every continuation on the context");
            for (Runnable r; (r = queued.poll()) != null; ) r.run();
            assertTrue(results.stream().allMatch(CompletableFuture::isDone));
            for (int i = 0; i < n; i++) assertEquals(CpuWork.compute(i, 0), results.get(i).join());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
