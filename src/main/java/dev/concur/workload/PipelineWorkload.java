package dev.concur.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Channels, as in Go or a Kafka topic: a producer sends {@code --tasks} items through
 * {@value #STAGES} stages to a consumer, each hop a bounded channel of {@value #CAPACITY} items;
 * each stage does {@code --work} rounds of CPU work per item. The {@value #STAGES} + 2 parts are
 * the batch's tasks, and they must all run at once (a full channel blocks its sender), so
 * {@code sequential} cannot run a pipeline and is skipped.
 *
 * <p>Thread models connect the parts with {@code ArrayBlockingQueue}s (blocking put/take, through
 * managedBlock for forkjoin); the event loop uses loop-driven channels whose put and take are
 * futures. The consumer proves delivery: every item exactly once and in order (the stages are
 * single, so order is kept); a lost, duplicated or reordered item fails the batch.
 */
public final class PipelineWorkload implements Workload {
    public static final int STAGES = 3;
    public static final int CAPACITY = 64;
    private static final long END = Long.MIN_VALUE; // end-of-stream marker

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String description() {
        return "producer -> 3 stages -> consumer over bounded channels (64 items); delivery verified exactly once, in order";
    }

    @Override
    public WorkloadParams defaults() {
        return new WorkloadParams(20_000, 0, 2_000);
    }

    @Override
    public boolean usesLatency() {
        return false;
    }

    @Override
    public boolean usesWork() {
        return true;
    }

    @Override
    public boolean hasIdeal() {
        return false;
    }

    /** The batch's tasks are its parts: a producer, the stages and a consumer. */
    @Override
    public int taskCount(WorkloadParams p) {
        return STAGES + 2;
    }

    @Override
    public boolean needsAllAtOnce() {
        return true;
    }

    /** One batch's channels, blocking and loop-driven; made fresh before every batch. */
    static final class Channels {
        final List<BlockingQueue<Long>> queues = new ArrayList<>();
        final List<LoopChannel<Long>> loop = new ArrayList<>();

        Channels() {
            for (int i = 0; i <= STAGES; i++) {
                queues.add(new ArrayBlockingQueue<>(CAPACITY));
                loop.add(new LoopChannel<>(CAPACITY));
            }
        }
    }

    @Override
    public Prepared open(WorkloadParams p) {
        AtomicReference<Channels> current = new AtomicReference<>(new Channels());
        List<Task> parts = new ArrayList<>();
        parts.add(new Producer(0, p.tasks(), current));
        for (int s = 1; s <= STAGES; s++) parts.add(new Stage(s, p.work(), current));
        parts.add(new Consumer(STAGES + 1, p.tasks(), p.work(), current));
        return new Prepared(List.copyOf(parts), () -> { }, () -> current.set(new Channels()));
    }

    record Producer(int index, int items, AtomicReference<Channels> ch) implements Task {
        @Override
        public long call(BlockingContext ctx) throws Exception {
            if (ctx.elided()) return items;
            BlockingQueue<Long> out = ch.get().queues.get(0);
            for (long i = 0; i < items; i++) {
                long v = i;
                ctx.block(() -> { out.put(v); return null; });
            }
            ctx.block(() -> { out.put(END); return null; });
            return items;
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            LoopChannel<Long> out = ch.get().loop.get(0);
            return send(out, 0, loop);
        }

        private CompletableFuture<Long> send(LoopChannel<Long> out, long i, AsyncContext loop) {
            if (i == items) return out.put(END).thenApply(v -> (long) items);
            return out.put(i).thenComposeAsync(v -> send(out, i + 1, loop), loop);
        }
    }

    record Stage(int index, long work, AtomicReference<Channels> ch) implements Task {
        @Override
        public long call(BlockingContext ctx) throws Exception {
            if (ctx.elided()) return -1; // stages return -1; the consumer's checksum proves the data
            BlockingQueue<Long> in = ch.get().queues.get(index - 1);
            BlockingQueue<Long> out = ch.get().queues.get(index);
            while (true) {
                long x = ctx.block(in::take);
                if (x == END) {
                    ctx.block(() -> { out.put(END); return null; });
                    return -1;
                }
                if (work > 0) CpuWork.compute(index, work); // the stage's CPU work per item
                long tagged = (x << 8) | index;              // keep the item's number, mark the stage it passed
                ctx.block(() -> { out.put(tagged); return null; });
            }
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            LoopChannel<Long> in = ch.get().loop.get(index - 1);
            LoopChannel<Long> out = ch.get().loop.get(index);
            return pump(in, out, loop);
        }

        private CompletableFuture<Long> pump(LoopChannel<Long> in, LoopChannel<Long> out, AsyncContext loop) {
            return in.take().thenComposeAsync(x -> {
                if (x == END) return out.put(END).thenApply(v -> -1L);
                if (work > 0) CpuWork.compute(index, work);
                return out.put((x << 8) | index).thenComposeAsync(v -> pump(in, out, loop), loop);
            }, loop);
        }
    }

    /**
     * Checks every item: the k-th item to arrive must be item k, having passed stages 1..3 in order;
     * returns a checksum of the sequence (the same for every model).
     */
    record Consumer(int index, int items, long work, AtomicReference<Channels> ch) implements Task {
        static long expectedTag(long item) {
            long y = item;
            for (int s = 1; s <= STAGES; s++) y = (y << 8) | s;
            return y;
        }

        long verify(long arrived, long k, long sum) {
            if (arrived != expectedTag(k)) {
                long item = arrived >>> (8 * STAGES);
                throw new IllegalStateException("pipeline: arrival " + k + " is item " + item
                        + (item < k ? " again (duplicated or reordered)" : " (item " + k + " was lost or reordered)"));
            }
            return CpuWork.mix(sum ^ arrived);
        }

        @Override
        public long call(BlockingContext ctx) throws Exception {
            long sum = 0;
            if (ctx.elided()) {
                for (long k = 0; k < items; k++) sum = CpuWork.mix(sum ^ expectedTag(k));
                return sum;
            }
            BlockingQueue<Long> in = ch.get().queues.get(STAGES);
            for (long k = 0; ; k++) {
                long x = ctx.block(in::take);
                if (x == END) {
                    if (k != items) throw new IllegalStateException("pipeline: " + k + " of " + items + " items arrived");
                    return sum;
                }
                sum = verify(x, k, sum);
            }
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            return drain(ch.get().loop.get(STAGES), 0, 0, loop);
        }

        private CompletableFuture<Long> drain(LoopChannel<Long> in, long k, long sum, AsyncContext loop) {
            return in.take().thenComposeAsync(x -> {
                if (x == END) {
                    if (k != items) throw new IllegalStateException("pipeline: " + k + " of " + items + " items arrived");
                    return CompletableFuture.completedFuture(sum);
                }
                return drain(in, k + 1, verify(x, k, sum), loop);
            }, loop);
        }
    }
}
