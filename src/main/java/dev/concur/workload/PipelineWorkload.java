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
 *
 * <p>What travels is an item's number k and its value v (packed into one long, k in the high half):
 * the producer sends (k, k); stage s sends (k, kernel(v + s, work)); the consumer checks that the
 * k-th arrival is item k with the value three stages give it, and returns a hash of the values in
 * arrival order. The peer programs in Go, Python and Node.js run the same pipeline with the same
 * numbers ({@link CpuWork}), so every runtime's batch has the same checksum.
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

    /** Each item gets {@code --work} rounds in each of the {@value #STAGES} stages. */
    @Override
    public int workPassesPerTask() {
        return STAGES;
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
        parts.add(new Producer(0, p.tasks(), p.work(), current));
        for (int s = 1; s <= STAGES; s++) parts.add(new Stage(s, p.work(), current));
        parts.add(new Consumer(STAGES + 1, p.tasks(), p.work(), current));
        return new Prepared(List.copyOf(parts), () -> { }, () -> current.set(new Channels()));
    }

    /** An item on a channel: its number and its value, packed. */
    static long pack(long item, long value) {
        return (item << 32) | (value & 0xFFFF_FFFFL);
    }

    static long item(long packed) {
        return packed >>> 32;
    }

    static long value(long packed) {
        return packed & 0xFFFF_FFFFL;
    }

    /** What stage {@code s} makes of a value: {@code work} rounds of the kernel from {@code value + s}. */
    static long stage(int s, long value, long work) {
        return CpuWork.kernel((int) (value + s), work);
    }

    record Producer(int index, int items, long work, AtomicReference<Channels> ch) implements StreamForm.Source {
        @Override
        public StreamForm stream() {
            Consumer consumer = new Consumer(STAGES + 1, items, work, ch);
            return new StreamForm() {
                @Override
                public int items() {
                    return items;
                }

                @Override
                public int stages() {
                    return STAGES;
                }

                @Override
                public int capacity() {
                    return CAPACITY;
                }

                @Override
                public long source(long k) {
                    return pack(k, k);
                }

                @Override
                public long stage(int s, long x) {
                    return pack(item(x), PipelineWorkload.stage(s, value(x), work));
                }

                @Override
                public long verify(long x, long k, long hash) {
                    return consumer.verify(x, k, hash);
                }

                @Override
                public void finish(long arrived) {
                    if (arrived != items) throw new IllegalStateException("pipeline: " + arrived + " of " + items + " items arrived");
                }

                @Override
                public void complete(Batch batch, long hash) {
                    batch.complete(0, items);
                    for (int s = 1; s <= STAGES; s++) batch.complete(s, -1);
                    batch.complete(STAGES + 1, hash);
                }
            };
        }

        @Override
        public long call(BlockingContext ctx) throws Exception {
            if (ctx.elided()) return items;
            BlockingQueue<Long> out = ch.get().queues.get(0);
            for (long i = 0; i < items; i++) {
                long v = pack(i, i);
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
            return out.put(pack(i, i)).thenComposeAsync(v -> send(out, i + 1, loop), loop);
        }
    }

    record Stage(int index, long work, AtomicReference<Channels> ch) implements Task {
        @Override
        public long call(BlockingContext ctx) throws Exception {
            if (ctx.elided()) return -1; // stages return -1 (0xFFFFFFFF); the consumer's checksum proves the data
            BlockingQueue<Long> in = ch.get().queues.get(index - 1);
            BlockingQueue<Long> out = ch.get().queues.get(index);
            while (true) {
                long x = ctx.block(in::take);
                if (x == END) {
                    ctx.block(() -> { out.put(END); return null; });
                    return -1;
                }
                long next = pack(item(x), stage(index, value(x), work)); // the stage's CPU work per item
                ctx.block(() -> { out.put(next); return null; });
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
                return out.put(pack(item(x), stage(index, value(x), work))).thenComposeAsync(v -> pump(in, out, loop), loop);
            }, loop);
        }
    }

    /**
     * Checks every item: the k-th item to arrive must be item k, with the value the three stages
     * give it; returns a hash of the values in arrival order (the same for every model and runtime).
     */
    record Consumer(int index, int items, long work, AtomicReference<Channels> ch) implements Task {
        long expectedValue(long item) {
            long v = item;
            for (int s = 1; s <= STAGES; s++) v = stage(s, v, work);
            return v;
        }

        long verify(long arrived, long k, long sum) {
            long item = item(arrived);
            if (item != k) {
                throw new IllegalStateException("pipeline: arrival " + k + " is item " + item
                        + (item < k ? " again (duplicated or reordered)" : " (item " + k + " was lost or reordered)"));
            }
            if (value(arrived) != expectedValue(k)) {
                throw new IllegalStateException("pipeline: item " + k + " arrived with value " + value(arrived)
                        + ", not " + expectedValue(k) + " (a stage skipped or repeated its work)");
            }
            return hash(sum, value(arrived));
        }

        static long hash(long sum, long value) {
            return Integer.toUnsignedLong(CpuWork.fmix32((int) (sum ^ value)));
        }

        @Override
        public long call(BlockingContext ctx) throws Exception {
            long sum = 0;
            if (ctx.elided()) {
                for (long k = 0; k < items; k++) sum = hash(sum, expectedValue(k));
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
