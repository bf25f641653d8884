package dev.concur.fork;

import dev.concur.result.Timeline;
import dev.concur.workload.AsyncContext;
import dev.concur.workload.BlockingContext;
import dev.concur.workload.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Records a task timeline ({@code --trace}) by wrapping each task and the context it waits through:
 * a blocking task's waits are its {@code sleep} and {@code block} calls; an asynchronous task's
 * runs are the steps it queues on its context ({@code execute}) and its waits are its timers
 * ({@code delay}). Nothing inside the models changes: they run the wrapped tasks as any others.
 * Only a small batch is traced (after measuring), so the recording never touches a measured batch.
 */
final class TraceRecorder {
    /** Segments kept per task: enough for any task shape concur has; more are counted, not kept. */
    static final int MAX_SEGMENTS = 64;

    private final long origin = System.nanoTime();
    private final List<Log> logs = new ArrayList<>();

    List<Task> wrap(List<Task> tasks) {
        List<Task> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            Log log = new Log(t.index());
            logs.add(log);
            out.add(new Traced(t, log));
        }
        return out;
    }

    Timeline timeline(boolean valid) {
        List<Timeline.TaskTimeline> tasks = new ArrayList<>();
        long dropped = 0;
        for (Log l : logs) {
            synchronized (l) {
                List<Timeline.Segment> ordered = new ArrayList<>(l.segments);
                ordered.sort(java.util.Comparator.comparingLong(Timeline.Segment::start));
                tasks.add(new Timeline.TaskTimeline(l.index, l.start, l.end, List.copyOf(ordered)));
                dropped += l.dropped;
            }
        }
        String note = dropped == 0 ? null : dropped + " segments not kept (over " + MAX_SEGMENTS + " per task)";
        return new Timeline(tasks.size(), valid, note, tasks);
    }

    private long now() {
        return (System.nanoTime() - origin) / 1_000;
    }

    /** The current thread's name and, for a virtual thread, its carrier's (from the JDK's toString). */
    static String[] where() {
        Thread t = Thread.currentThread();
        if (!t.isVirtual()) return new String[] {t.getName(), null};
        String s = t.toString(); // VirtualThread[#22,concur-virtual-0]/runnable@ForkJoinPool-1-worker-1
        int at = s.lastIndexOf('@');
        return new String[] {t.getName(), at < 0 ? null : s.substring(at + 1)};
    }

    /** One task's record; its segments may be written from several threads. */
    final class Log {
        final int index;
        long start = -1;
        long end = -1;
        final List<Timeline.Segment> segments = new ArrayList<>();
        long dropped;

        Log(int index) {
            this.index = index;
        }

        /** Something (a run or a wait) starts now, here; {@link #record} closes it. */
        synchronized Mark mark() {
            long t = now();
            if (start < 0) start = t;
            String[] at = where();
            return new Mark(t, at[0], at[1]);
        }

        synchronized void record(String kind, Mark m) {
            long t = now();
            if (segments.size() < MAX_SEGMENTS) {
                segments.add(new Timeline.Segment(kind, m.at, t, m.thread, m.carrier));
            } else {
                dropped++;
            }
            end = Math.max(end, t);
        }

        synchronized void finish() {
            end = Math.max(end, now());
        }
    }

    record Mark(long at, String thread, String carrier) {}

    private record Traced(Task inner, Log log) implements Task {
        @Override
        public int index() {
            return inner.index();
        }

        @Override
        public long call(BlockingContext ctx) throws Exception {
            Mark[] running = {log.mark()};
            try {
                return inner.call(new BlockingContext() {
                    @Override
                    public void sleep(long nanos) throws InterruptedException {
                        log.record(Timeline.RUN, running[0]);
                        Mark w = log.mark();
                        try {
                            ctx.sleep(nanos);
                        } finally {
                            log.record(Timeline.WAIT, w);
                            running[0] = log.mark();
                        }
                    }

                    @Override
                    public <T> T block(Callable<T> call) throws Exception {
                        return waiting(() -> ctx.block(call));
                    }

                    private <T> T waiting(Callable<T> wait) throws Exception {
                        log.record(Timeline.RUN, running[0]);
                        Mark w = log.mark();
                        try {
                            return wait.call();
                        } finally {
                            log.record(Timeline.WAIT, w);
                            running[0] = log.mark();
                        }
                    }

                    @Override
                    public boolean elided() {
                        return ctx.elided();
                    }
                });
            } finally {
                log.record(Timeline.RUN, running[0]);
                log.finish();
            }
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            AsyncContext traced = new AsyncContext() {
                @Override
                public void execute(Runnable step) {
                    loop.execute(() -> {
                        Mark r = log.mark();
                        try {
                            step.run();
                        } finally {
                            log.record(Timeline.RUN, r);
                        }
                    });
                }

                @Override
                public CompletableFuture<Void> delay(long nanos) {
                    Mark w = log.mark();
                    return loop.delay(nanos).whenComplete((v, e) -> log.record(Timeline.WAIT, w));
                }

                @Override
                public CompletableFuture<Void> yieldNow() {
                    return loop.yieldNow();
                }
            };
            Mark r = log.mark();
            try {
                return inner.callAsync(traced).whenComplete((v, e) -> log.finish());
            } finally {
                log.record(Timeline.RUN, r);
            }
        }
    }
}
