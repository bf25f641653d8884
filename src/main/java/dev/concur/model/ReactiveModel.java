package dev.concur.model;

import dev.concur.workload.AsyncContext;
import dev.concur.workload.Batch;
import dev.concur.workload.StreamForm;
import dev.concur.workload.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Reactive streams on the JVM, with Project Reactor (the library behind Spring WebFlux; RxJS is
 * the same idea in JavaScript). The batch is a {@code Flux} of tasks; {@code flatMap} subscribes to
 * each task's {@code Mono} and keeps at most {@value #MAX_IN_FLIGHT} in flight: that bound is the
 * back-pressure, because the source emits the next task only when flatMap requests one. A wait is
 * {@code Mono.delay}, a timer that holds no thread; every step of a task runs on a parallel
 * scheduler with one thread per core ({@code Schedulers.newParallel}, what {@code Schedulers.parallel()}
 * is, with threads concur can count).
 *
 * <p>Against {@code eventloop}: the same non-blocking style (timers, callbacks, no thread per
 * task), but several loop threads, one per core, so CPU work runs in parallel. Against
 * {@code virtual}: the same thread count for CPU work, but the code is a chain of operators instead
 * of plain blocking calls, and a task that blocked would hold a scheduler thread.
 *
 * <p>The pipeline workload is not run as five tasks here: it becomes a chain of operators,
 * {@code Flux.range → publishOn → map(stage 1) → publishOn → ... → reduce(check)}, each
 * {@code publishOn} a hop between threads with a prefetch of 64 items, the bounded demand that
 * plays the part of the 64-item channel.
 */
public final class ReactiveModel implements ConcurrencyModel {
    /** flatMap's concurrency: how many tasks may be in flight at once. */
    public static final int MAX_IN_FLIGHT = 10_000;

    private final ThreadTracker tracker = new ThreadTracker();
    private Scheduler scheduler;
    private Context context;
    private Integer poolSize;

    @Override
    public String name() {
        return "reactive";
    }

    @Override
    public String description() {
        return "Project Reactor: Flux.flatMap (at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_IN_FLIGHT)
                + " in flight), waits are Mono.delay, work on a parallel scheduler (a thread per core)";
    }

    @Override
    public void open(ModelSettings settings) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "concur-reactive-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        poolSize = settings.cores();
        scheduler = Schedulers.newParallel(poolSize, tracker.wrap(named));
        context = new Context(scheduler);
    }

    @Override
    public void run(List<Task> tasks, Batch batch) throws Exception {
        if (!tasks.isEmpty() && tasks.get(0) instanceof StreamForm.Source source) {
            runStream(source.stream(), batch);
        } else {
            Flux.fromIterable(tasks)
                    .flatMap(t -> Mono.fromFuture(() -> t.callAsync(context))
                            .doOnNext(v -> batch.complete(t.index(), v))
                            .onErrorResume(e -> {
                                batch.fail(t.index(), e);
                                return Mono.empty();
                            }), MAX_IN_FLIGHT)
                    .subscribeOn(scheduler) // the source emits on a scheduler thread, not on the caller's
                    .then()
                    .block();
        }
        batch.throwIfFailed();
    }

    /** The pipeline as operators: each publishOn is a hop to another scheduler thread, with bounded demand. */
    private void runStream(StreamForm p, Batch batch) {
        Flux<Long> items = Flux.range(0, p.items()).map(k -> p.source(k)).subscribeOn(scheduler);
        for (int s = 1; s <= p.stages(); s++) {
            int stage = s;
            items = items.publishOn(scheduler, p.capacity()).map(x -> p.stage(stage, x));
        }
        long[] state = items.publishOn(scheduler, p.capacity())
                .reduceWith(() -> new long[2], (acc, x) -> { // acc = {arrived, hash}
                    acc[1] = p.verify(x, acc[0], acc[1]);
                    acc[0]++;
                    return acc;
                })
                .block();
        p.finish(state[0]);
        p.complete(batch, state[1]);
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        return new Caps(Math.min(tasks, MAX_IN_FLIGHT), Math.min(tasks, s.cores()), s.cores(),
                "flatMap keeps up to " + MAX_IN_FLIGHT + " tasks in flight as timers; a scheduler thread per core computes");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(poolSize);
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.dispose();
    }

    /** Where a task's steps run: every step on the parallel scheduler, every wait a Mono.delay. */
    static final class Context implements AsyncContext {
        private final Scheduler scheduler;

        Context(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void execute(Runnable step) {
            scheduler.schedule(step);
        }

        @Override
        public CompletableFuture<Void> delay(long nanos) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            Mono.delay(Duration.ofNanos(nanos), scheduler).subscribe(tick -> f.complete(null), f::completeExceptionally);
            return f;
        }

        @Override
        public CompletableFuture<Void> yieldNow() {
            CompletableFuture<Void> f = new CompletableFuture<>();
            scheduler.schedule(() -> f.complete(null));
            return f;
        }
    }
}
