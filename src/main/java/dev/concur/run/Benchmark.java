package dev.concur.run;

import dev.concur.input.Gc;
import dev.concur.input.Profile;
import dev.concur.model.Caps;
import dev.concur.model.ConcurrencyModel;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.peer.PeerModel;
import dev.concur.peer.PeerModels;
import dev.concur.result.Params;
import dev.concur.workload.Workload;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;

/**
 * One benchmark, resolved once by the {@link Planner}: the model and the workload object, the
 * parameters the workload really runs with, the core count the fork sees and the model's caps at
 * that count. Every later stage (estimate, skip, runner, result, efficiency) reads these fields
 * and never looks a name up again.
 *
 * @param model         model name (what the fork's registry creates)
 * @param workload      the workload
 * @param params        the batch's size as the workload runs it (unused latency or work is 0)
 * @param threads       pool size of {@code platform}
 * @param cores         core count k the fork is limited (and pinned) to, {@code null} for no limit
 * @param processors    the processors the fork will see: {@code cores}, or the machine's count
 * @param caps          the model's concurrency at {@code processors} for this batch
 * @param taskStartNanos what starting one task costs beyond its wait and work, for the estimate: the model's
 *                      and the workload's declared costs for a JVM model, its runtime's for a peer
 * @param profile       how much JMH measures
 * @param maxBatchNanos skip when the estimated batch time is above this
 * @param timeoutNanos  the watchdog's deadline for the whole benchmark, {@code null} for the default
 * @param run           the suite run's description, {@code null} outside suites
 * @param target        the http workload's server ({@code --target}), {@code null} for the embedded one
 * @param peer          the peer program that runs the model, {@code null} for a JVM model
 * @param gc            the garbage collector a JMH fork runs with (peer programs keep their runtime's own)
 */
public record Benchmark(String model, Workload workload, WorkloadParams params, int threads, Integer cores,
                        int processors, Caps caps, double taskStartNanos, Profile profile, long maxBatchNanos, Long timeoutNanos, String run,
                        String target, PeerModel peer, Gc gc) {

    /** Resolves a model and workload by name, with the default collector. */
    public static Benchmark resolve(String model, String workload, WorkloadParams params, int threads, Integer cores,
                                    int machineCores, Profile profile, long maxBatchNanos, Long timeoutNanos,
                                    String run, String target) {
        return resolve(model, workload, params, threads, cores, machineCores, profile, maxBatchNanos, timeoutNanos, run,
                target, Gc.DEFAULT);
    }

    /** Resolves a model and workload by name (each looked up once, here). */
    public static Benchmark resolve(String model, String workload, WorkloadParams params, int threads, Integer cores,
                                    int machineCores, Profile profile, long maxBatchNanos, Long timeoutNanos,
                                    String run, String target, Gc gc) {
        Workload w = WorkloadRegistry.get(workload);
        WorkloadParams p = w.effective(params);
        int k = cores != null ? cores : machineCores;
        PeerModel peer = PeerModels.find(model).orElse(null);
        ModelSettings settings = new ModelSettings(threads, k);
        Caps caps;
        double startNanos;
        if (peer != null) {
            caps = peer.caps(settings, w.taskCount(p));
            startNanos = peer.runtime().taskOverheadNanos(); // the program's own gate, coroutines, processes
        } else {
            ConcurrencyModel m = ModelRegistry.create(model);
            caps = m.caps(settings, w.taskCount(p));
            startNanos = m.taskStartNanos() + w.taskStartNanos() + (w.needsAllAtOnce() ? m.parkedTaskNanos() : 0);
        }
        return new Benchmark(model, w, p, threads, cores, k, caps, startNanos, profile, maxBatchNanos, timeoutNanos, run,
                w.name().equals("http") ? target : null, peer, gc);
    }

    /** A plain benchmark for tests and tools: no core limit, the quick profile, 30 s max batch, no suite. */
    public static Benchmark of(String model, String workload, WorkloadParams params, int threads, int machineCores) {
        return resolve(model, workload, params, threads, null, machineCores, Profile.QUICK, 30_000_000_000L, null,
                null, null);
    }

    /** How much slower than the JVM the runtime's CPU kernel is, for the estimate (1 for the JVM). */
    public double cpuSlowdown() {
        return peer == null ? 1.0 : peer.runtime().cpuSlowdown();
    }

    /** The name of this benchmark's baseline in its own runtime: {@code sequential}, {@code go-sequential}, ... */
    public String runtimeSequential() {
        return peer == null ? "sequential" : peer.runtime().label() + "-sequential";
    }

    public String workloadName() {
        return workload.name();
    }

    /** The wait per task in ms, or {@code null} when the workload has none. */
    public Double latencyMs() {
        return workload.usesLatency() ? params.latencyNanos() / 1e6 : null;
    }

    /** CPU rounds per task, or {@code null} when the workload has none. */
    public Long work() {
        return workload.usesWork() ? params.work() : null;
    }

    /** {@code virtual/io} or {@code virtual/io@2}: for progress lines and file names. */
    public String label() {
        return model + "/" + workload.name() + (cores != null ? "@" + cores : "");
    }

    /**
     * What the result records as this benchmark's values.
     *
     * @param pinnedCpus the CPUs the forks were pinned to, or {@code null} when they were not
     * @param forksRun   the forks that measured it (0 for a benchmark that was not run)
     */
    public Params resultParams(String pinnedCpus, int forksRun) {
        return new Params(params.tasks(), latencyMs(), work(), threads, profile.name(), forksRun,
                profile.adaptiveWarmup() ? 0 : profile.warmupIterations(), profile.warmupTime().toMillis(),
                profile.iterations(), profile.iterationTime().toMillis(), cores == null ? null : pinnedCpus != null,
                pinnedCpus, timeoutNanos == null ? null : timeoutNanos / 1_000_000, run, profile.maxForks(),
                profile.adaptiveWarmup() ? profile.warmupCap().toMillis() : null, profile.targetCiPct(), target);
    }
}
