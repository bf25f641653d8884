package dev.concur.run;

import dev.concur.fork.ForkReport;
import dev.concur.input.Profile;
import dev.concur.model.ModelUsage;
import dev.concur.result.ForkInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded stand-in for {@link JmhRunner}: scores are the estimator's batch time with ±1 % noise,
 * fork reports are fixed, and chosen models can be made to fail validation or throw. Never starts
 * a JVM, so CLI and report tests are fast and deterministic.
 */
public final class FakeRunner implements BenchmarkRunner {
    public final List<Benchmark> calls = new ArrayList<>();
    private final Estimator estimator;
    private final Random random;
    private final Set<String> invalid = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    private final Set<String> wrongCores = new HashSet<>();
    private final java.util.Map<String, Long> alive = new java.util.HashMap<>();

    public FakeRunner(Estimator estimator, long seed) {
        this.estimator = estimator;
        this.random = new Random(seed);
    }

    /** Batches of this model will lose one task. */
    public FakeRunner invalid(String model) {
        invalid.add(model);
        return this;
    }

    /** Fixed memory figures in FAKE_*, the JVM's heapUsed, and {@code peakAlive} (null: not counted) for this model's forks. */
    public FakeRunner memory(String model, Long peakAlive) {
        alive.put(model, peakAlive);
        return this;
    }

    /** The share of a batch the peers that time their hand-over spend handing it over (forks[].dispatch). */
    private static final java.util.Map<String, Double> HAND_OVER = java.util.Map.of("python-celery", 0.05,
            "python-multiprocessing", 0.001);
    public static final double FAKE_RSS_PER_TASK = 2048;
    public static final double FAKE_HEAP_PER_TASK = 1024;
    public static final double FAKE_HEAP_USED = 5e8;

    /**
     * CPU per task, with no random draw (the seed's sequence stays as it was): the task's work, plus a fixed
     * cost of waiting, three times larger for a model that parks an OS thread per wait.
     */
    static double fakeCpuPerTask(Benchmark spec, double workNanos) {
        double wait = spec.workload().usesWork() && spec.params().latencyNanos() == 0 ? 0 : 5_000;
        if (spec.model().startsWith("platform")) wait *= 3;
        return (spec.workload().usesWork() ? workNanos : 0) + wait + 1_000;
    }

    /** This model's forks will report 2 processors on CPUs 0-1, whatever they were asked for. */
    public FakeRunner wrongCores(String model) {
        wrongCores.add(model);
        return this;
    }

    @Override
    public Pinning pinning() {
        return Pinning.TASKSET;
    }

    /** This model's benchmark will throw. */
    public FakeRunner failing(String model) {
        failing.add(model);
        return this;
    }

    /**
     * The race workloads' counts: without a yield between read and write one thread (sequential, eventloop)
     * loses none and the others a fixed share; with one (race-await) every model but sequential loses half.
     */
    private static dev.concur.result.Race race(Benchmark b) {
        boolean await = b.workloadName().equals("race-await");
        if (!b.workloadName().equals("race") && !await) return null;
        long updates = (long) b.params().tasks() * b.params().work();
        long lost = b.model().equals("sequential") ? 0 : await ? updates / 2 : b.model().equals("eventloop") ? 0 : updates / 40;
        return new dev.concur.result.Race(updates, 10, lost, lost, lost, 0);
    }

    private static int warmupBatches(Benchmark b) {
        return b.profile().adaptiveWarmup() ? 5 : 0;
    }

    @Override
    public List<String> forkJvmArgs() {
        return List.of("-Xms1g", "-Xmx1g");
    }

    @Override
    public RunOutcome run(Benchmark spec, int index, int iterations, Watchdog.Deadline deadline) {
        calls.add(spec);
        Profile profile = spec.profile();
        int n = spec.params().tasks();
        String pinned = spec.cores() == null ? null : spec.cores() == 1 ? "0" : "0-" + (spec.cores() - 1);
        boolean lie = wrongCores.contains(spec.model());
        int procs = spec.cores() == null || lie ? 2 : spec.cores();
        List<String> flags = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
        if (spec.cores() != null) flags.addAll(BenchmarkRunner.coreFlags(spec.cores()));
        flags.add(spec.gc().flag());
        ForkInfo fork = new ForkInfo(4242, flags, "25.0.3+9-LTS", "Java 25.0.3+9-LTS", procs, pinned == null || lie ? "0-1" : pinned,
                spec.gc().name(), null, null);
        ModelUsage usage = spec.caps().waiting() == n
                ? new ModelUsage(null, n * 10L, Math.min(n, 1000)) : new ModelUsage(spec.threads(), spec.threads(), spec.threads());
        long batches = 10L;
        double cpuNanos = spec.workload().usesWork() ? spec.params().work() * estimator.nanosPerRound() : 1;
        if (failing.contains(spec.model())) {
            ForkReport r = new ForkReport(fork, 0, 0, n, 123456789L, null, cpuNanos, usage,
                    "java.lang.IllegalStateException: injected failure\n\tat Fake.run(Fake.java:1)", List.of(), null, null, null,
                    0, 0, null, null, null, null, null, null, java.util.Map.of(), null);
            return RunOutcome.failed(r.error(), List.of(r), pinned);
        }
        boolean bad = invalid.contains(spec.model());
        // the hold workload holds every task alive at once: each fork counts all N, with memory figures
        boolean hold = spec.workloadName().equals("hold");
        boolean mem = alive.containsKey(spec.model()) || hold;
        Long peak = alive.containsKey(spec.model()) ? alive.get(spec.model()) : hold ? Long.valueOf(n) : null;
        // the emit workloads: emit() returns after its listeners (one event alive at a time), setImmediate at once
        // (all N); either way the loop runs every listener, so its probe waits about the whole batch
        boolean emit = spec.workloadName().startsWith("emit");
        if (emit) peak = spec.workloadName().equals("emit") ? 1L : (long) n;
        double base = estimator.batchMillis(spec);
        String lag = null;
        if (emit) {
            var h = dev.concur.result.Histograms.create();
            h.recordValue(Math.round(base * 0.95e6));
            lag = dev.concur.result.Histograms.encode(h);
        }
        ForkReport r = new ForkReport(fork, batches, bad ? batches - 1 : batches, n, 123456789L,
                bad ? "batch 3: " + (n - 1) + " of " + n + " tasks completed, checksum 1 (expected 123456789)" : null,
                cpuNanos, usage, null, List.of(), null, lag, mem ? FAKE_HEAP_PER_TASK : null, warmupBatches(spec), 600_000_000L,
                spec.profile().adaptiveWarmup() ? true : null, spec.profile().adaptiveWarmup() ? 1.5 : null,
                mem ? FAKE_RSS_PER_TASK : null, race(spec), null, peak,
                mem ? java.util.Map.of("heapUsed", FAKE_HEAP_USED) : java.util.Map.of(), fakeCpuPerTask(spec, cpuNanos));
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            double s = base * (1 + 0.01 * random.nextGaussian());
            samples.add(s);
        }
        Double handOver = HAND_OVER.get(spec.model());
        if (handOver != null) {
            // the peers that time their hand-over: a fixed share of the batch, ±2 % by fork (no draw: the seed's
            // sequence, and so every other result, stays as it was)
            double complete = samples.stream().mapToDouble(Double::doubleValue).average().orElse(base);
            ForkInfo.Dispatch d = new ForkInfo.Dispatch(iterations, complete * handOver * (1 + 0.02 * (index % 3 - 1)), complete);
            ForkInfo f = r.fork();
            r = new ForkReport(new ForkInfo(f.pid(), f.jvmArgs(), f.jdkVersion(), f.runtime(), f.availableProcessors(),
                    f.cpusAllowed(), f.gc(), f.settings(), f.measurer(), d), r.batches(), r.validBatches(), r.expectedTasks(),
                    r.expectedChecksum(), r.firstMismatch(), r.cpuNanosPerTask(), r.usage(), r.error(), r.leftoverThreads(),
                    r.taskLatency(), r.loopLag(), r.bytesPerTask(), r.warmupBatches(), r.warmupNanos(), r.steady(), r.spreadPct(),
                    r.rssPerTaskBytes(), r.race(), r.trace(), r.peakAlive(), r.runtimeMemory(), r.cpuPerTaskNanos());
        }
        return RunOutcome.measured(List.of(samples), batches, List.of(r), pinned);
    }
}
