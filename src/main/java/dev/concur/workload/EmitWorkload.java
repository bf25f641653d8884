package dev.concur.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Node's {@code EventEmitter}, as a workload: each task is one event emitted to {@value #LISTENERS}
 * listeners that each run {@code --work} rounds of {@link CpuWork} on it, one after another; the
 * event's value is the sum of theirs. The question it answers is <em>when</em> the listeners run,
 * and the evidence is the count of events alive at once (emitted, listeners not yet all run), which
 * every runtime keeps (on the JVM {@code fork.AliveCounter}, in the Node peer its {@code Batch}).
 * It comes in two forms, two workloads, as race and race-await:
 * <ul>
 *   <li>{@code emit}: {@code emitter.emit(event)} calls its listeners synchronously and returns after
 *       the last one. The caller emits the next event only then, so one event is alive at a time, and
 *       the loop (its timers, the lag probe) waits for the listeners as the caller does. On the JVM the
 *       async form runs the listeners inside {@code callAsync}, on the caller's loop turn;</li>
 *   <li>{@code emit-deferred}: {@code setImmediate(() => emitter.emit(event))}: the call returns at once
 *       and the listeners run later, on the same loop. The caller emits all N before any listener runs
 *       (N alive at once), but the loop still runs every listener: deferring frees the caller, not the
 *       loop. On the JVM the async form queues the listeners on the model's context as a step of their own.</li>
 * </ul>
 * A thread model calls the blocking form, which runs the listeners where it is called, in both forms.
 */
public final class EmitWorkload implements Workload {
    /** Listeners per event; each runs {@code --work} rounds. */
    public static final int LISTENERS = 2;
    /** The form whose listeners run inside {@code emit()}. */
    public static final String EMIT = "emit";
    /** The form that defers {@code emit()} with {@code setImmediate}. */
    public static final String EMIT_DEFERRED = "emit-deferred";

    private final boolean deferred;

    /** @param deferred whether the event is emitted later ({@code setImmediate}) rather than at once */
    public EmitWorkload(boolean deferred) {
        this.deferred = deferred;
    }

    @Override
    public String name() {
        return deferred ? EMIT_DEFERRED : EMIT;
    }

    @Override
    public String description() {
        return deferred
                ? "like emit, but each emit is deferred with setImmediate: the call returns at once, the listeners run later on the same loop"
                : "each task is an event emitted to " + LISTENERS + " listeners of --work rounds each; emit() returns after them";
    }

    /** 100 events of 2 × ~1 ms: a batch of about 200 ms on one core. */
    @Override
    public WorkloadParams defaults() {
        return new WorkloadParams(100, 0, 400_000);
    }

    @Override
    public boolean usesLatency() {
        return false;
    }

    @Override
    public boolean usesWork() {
        return true;
    }

    /** Every listener does the task's rounds. */
    @Override
    public int workPassesPerTask() {
        return LISTENERS;
    }

    @Override
    public Prepared open(WorkloadParams p) {
        WorkloadParams e = effective(p);
        List<Task> tasks = new ArrayList<>(e.tasks());
        for (int i = 0; i < e.tasks(); i++) tasks.add(new Event(i, e.work(), deferred));
        return new Prepared(List.copyOf(tasks), () -> { });
    }

    /** Event {@code index}'s value: listener j runs its rounds from the event's seed + j; the sum of theirs, mod 2^32. */
    public static long value(int index, long rounds) {
        long sum = 0;
        for (int j = 0; j < LISTENERS; j++) sum += CpuWork.kernel(CpuWork.seed(index) + j, rounds);
        return sum & 0xFFFF_FFFFL;
    }

    /** One event and its listeners. */
    record Event(int index, long rounds, boolean deferred) implements Task {
        @Override
        public long call(BlockingContext blocking) {
            return value(index, rounds);
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            // emit: the listeners run now, before callAsync returns; emit-deferred: a step queued behind the loop's others
            return deferred ? CompletableFuture.supplyAsync(() -> value(index, rounds), loop)
                    : CompletableFuture.completedFuture(value(index, rounds));
        }
    }
}
