package dev.concur.fork;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.files.AtomicFiles;
import dev.concur.model.ConcurrencyModel;
import dev.concur.result.Histograms;
import dev.concur.stats.Stats;
import dev.concur.stats.SteadyState;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.workload.Batch;
import dev.concur.input.Durations;
import dev.concur.workload.Reference;
import dev.concur.workload.Task;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/*
 * WHAT THIS SHOWS
 *   How long one concurrency model takes to finish a whole batch of tasks. One JMH operation is
 *   one batch: hand N tasks to the model, wait until the last one is done. The score is the mean
 *   batch time (ms/op); tasks/s is N divided by it. Every model gets the same task objects, and
 *   "sequential" runs the same tasks one by one, so every number reads as a speedup.
 *
 * THE TRAPS IT AVOIDS
 *   - Timing the wrong thing: pools and the event loop are created in @Setup and shut down in
 *     @TearDown, so a batch measures scheduling and waiting, not pool construction. (Models that
 *     create threads per task, like platform-per-task and virtual, pay for them inside the batch:
 *     that cost IS the model.)
 *   - A fast wrong answer: each batch's task count and checksum are compared with the sequential
 *     reference. A batch that lost or duplicated a task is counted as invalid and the host
 *     reports the whole result invalid instead of its time.
 *   - Dead code: the batch's checksum is returned, so JMH consumes it.
 *   - -Djmh.executor=VIRTUAL is NOT how virtual threads are measured: that only changes JMH's own
 *     worker thread. The model runs inside the @Benchmark body; @Param selects it by name.
 *
 * HOW TO RUN IT
 *   scripts/concur bench --model=virtual --workload=io      (concur drives JMH for you)
 *   java -jar target/concur.jar jmh BatchBenchmark -p model=virtual -p workload=io   (raw JMH)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BatchBenchmark {

    @Param("virtual")
    public String model;

    @Param("io")
    public String workload;

    /** Tasks per batch. */
    @Param("2000")
    public int tasks;

    /** Simulated I/O wait per task, as typed on the command line. */
    @Param("100ms")
    public String latency;

    /** CPU rounds per task. */
    @Param("0")
    public long work;

    /** Pool size of the platform model. */
    @Param("200")
    public int threads;

    /** The http workload's server ({@code --target}); empty for the embedded loopback server. */
    @Param("")
    public String target;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConcurrencyModel impl;
    private dev.concur.workload.Workload.Prepared prepared;
    private List<Task> taskList;
    private Reference reference;
    private volatile long batches;
    private volatile long validBatches;
    private volatile String firstMismatch;
    private volatile String error;
    private volatile java.util.Set<Thread> threadsBefore = java.util.Set.of();
    private volatile List<String> leftoverThreads = List.of();
    /** Lag probe period of the event loop: often enough to see a 1 ms stall, cheap enough not to matter. */
    private static final long LAG_PROBE_NANOS = 5_000_000;
    private final org.HdrHistogram.Histogram taskLatency = Histograms.create();
    private final org.HdrHistogram.Histogram loopLag = Histograms.create();
    /**
     * Where warm-up batches record the same things, to be thrown away: a warm-up that skips the
     * instrumentation leaves the measured batches to compile it (10,000 latency records from
     * virtual threads made the first measured batches 50-70 % slower than the last warm-up ones).
     */
    private final org.HdrHistogram.Histogram scratchLatency = Histograms.create();
    private final org.HdrHistogram.Histogram scratchLag = Histograms.create();
    private final java.util.concurrent.atomic.AtomicReference<org.HdrHistogram.Histogram> lagTarget =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final List<Double> bytesPerTask = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Double> rssPerTask = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final MemorySampler memory = new MemorySampler();
    /**
     * The process's CPU time over the measured batches, and their tasks: CPU per task is the total over the
     * total, because the JVM reads its process CPU time in clock ticks (10 ms on Linux), too coarse for one batch.
     */
    private volatile long cpuNanosMeasured;
    private volatile long cpuTasksMeasured;
    /** The heap used at each measured batch's memory peak: the JVM's own figure beside RSS. */
    private final List<Double> heapUsedAtPeak = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Counts tasks alive in every batch, warm-up included (the same code measured and not); only
     * where the tasks are the batch's unit of work (not the pipeline's parts).
     */
    private final AliveCounter alive = new AliveCounter();
    /** What the model runs: the task list, wrapped by {@link #alive} where tasks are counted. */
    private List<Task> runList;
    /** The smallest of the measured batches' peaks alive; -1 before any measured batch. */
    private volatile long peakAlive = -1;
    private volatile boolean measuring;
    /** Batches completed and the longest one so far: the watchdog's evidence of progress. */
    private volatile long completed;
    private volatile long longestBatchNanos;
    private volatile int warmupBatches;
    private volatile long warmupNanos;
    private volatile Boolean steady;
    private volatile Double spreadPct;
    private Thread heartbeat;
    /** The race workload's counts over measured batches (see {@link dev.concur.workload.RaceWorkload}). */
    private long raceBatches;
    private long raceLostSum;
    private long raceLostMin = Long.MAX_VALUE;
    private long raceLostMax;
    private long raceSyncLost;
    private long raceUpdates;
    private volatile dev.concur.result.Timeline trace;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        exitWithParent();
        startHeartbeat();
        try {
            if (!target.isEmpty()) System.setProperty(dev.concur.workload.HttpWorkload.TARGET_PROPERTY, target);
            WorkloadParams params = new WorkloadParams(tasks, Durations.parseNanos(latency), work);
            prepared = WorkloadRegistry.get(workload).open(params);
            taskList = prepared.tasks();
            reference = Reference.of(taskList);
            runList = countsAlive() ? alive.wrap(taskList) : taskList;
            memory.start();
            threadsBefore = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
            impl = ModelRegistry.create(model);
            impl.open(new ModelSettings(threads, Runtime.getRuntime().availableProcessors()));
            if (impl instanceof dev.concur.model.EventLoopModel el) el.loop().startLagProbe(LAG_PROBE_NANOS, lagTarget);
            memory.markIdle(); // the baseline of RSS per task: the model is open, no batch has run
            lagTarget.set(scratchLag);
            warmUpUntilSteady();
        } catch (Throwable t) {
            if (error == null) error = describe(t);
            writeReport();
            throw t;
        }
    }

    /**
     * The adaptive warm-up: batches, each validated like any other, until {@link SteadyState}'s
     * rule holds or a cap (time or batches, from the host) is reached; the time cap only applies
     * once there are enough batches for the rule to judge. JMH's own warm-up iterations
     * are then 0, and JMH measures a model that is already steady, or says in the report that it
     * never got there. Without the cap properties (a fixed {@code --warmup N}) this does nothing.
     */
    private void warmUpUntilSteady() throws Exception {
        String maxMillis = System.getProperty(ForkReport.WARMUP_MAX_MILLIS);
        if (maxMillis == null) return;
        long capNanos = Long.parseLong(maxMillis) * 1_000_000L;
        long capBatches = Long.parseLong(System.getProperty(ForkReport.WARMUP_MAX_BATCHES, "100"));
        SteadyState rule = new SteadyState();
        long start = System.nanoTime();
        do {
            long t0 = System.nanoTime();
            runBatch();
            rule.add(System.nanoTime() - t0);
            warmupBatches = rule.batches();
            warmupNanos = System.nanoTime() - start;
            // the time cap never stops it before the rule has a whole window to judge
        } while (!rule.steady() && (warmupNanos < capNanos || rule.batches() < SteadyState.WINDOW)
                && rule.batches() < capBatches);
        steady = rule.steady();
        spreadPct = rule.spreadPct();
        writeReport();
    }

    /**
     * Whether the batch's tasks are what memory per task divides by: {@code tasks} of them, and not a
     * stream the reactive model rebuilds as operators (which must see the unwrapped source).
     */
    private boolean countsAlive() {
        return taskList.size() == tasks
                && !(taskList.get(0) instanceof dev.concur.workload.StreamForm.Source);
    }

    /** Task latencies the warm-up batches recorded (and threw away), and how many batches it ran: for tests. */
    long warmupLatencyRecords() {
        return scratchLatency.getTotalCount();
    }

    int warmupBatchesRun() {
        return warmupBatches;
    }

    long measuredLatencyRecords() {
        return taskLatency.getTotalCount();
    }

    /** Latency, lag and memory are recorded in measured iterations only, never in warm-up. */
    @Setup(Level.Iteration)
    public void beforeIteration(org.openjdk.jmh.infra.IterationParams params) {
        measuring = params.getType() == org.openjdk.jmh.runner.IterationType.MEASUREMENT;
        lagTarget.set(measuring ? loopLag : scratchLag);
    }

    @Benchmark
    public long batch() throws Exception {
        return runBatch();
    }

    /** One whole batch, validated against the reference; its time feeds the watchdog's progress. */
    private long runBatch() throws Exception {
        long t0 = System.nanoTime();
        prepared.beforeBatch().run(); // fresh channels for the pipeline; nothing for other workloads
        // warm-up and measured batches run the same code: only where the figures go differs
        Batch b = new Batch(taskList.size(), measuring ? taskLatency : scratchLatency);
        alive.reset(b);
        memory.begin();
        long cpu0 = processCpuNanos();
        try {
            impl.run(runList, b);
        } catch (Throwable t) {
            if (error == null) error = describe(t);
            writeReport();
            throw t;
        }
        long cpu1 = processCpuNanos();
        MemorySampler.Growth grown = memory.end();
        if (measuring && cpu0 >= 0 && cpu1 >= cpu0) {
            cpuNanosMeasured += cpu1 - cpu0;
            cpuTasksMeasured += tasks;
        }
        // measured batches only; per task only where tasks are the unit of work (not a pipeline's
        // few long-running parts)
        if (measuring && taskList.size() == tasks) {
            bytesPerTask.add((double) grown.heap() / taskList.size());
            if (grown.rss() >= 0) rssPerTask.add((double) grown.rss() / taskList.size());
            heapUsedAtPeak.add((double) grown.heapPeak());
            // a fork's figure is its weakest batch's: every batch whose memory counts must have held them all
            if (runList != taskList) peakAlive = peakAlive < 0 ? alive.peak() : Math.min(peakAlive, alive.peak());
        }
        batches++;
        String shared = checkCounters();
        if (reference.matches(b) && shared == null) {
            validBatches++;
        } else if (firstMismatch == null) {
            firstMismatch = shared != null ? "batch " + batches + ": " + shared
                    : "batch " + batches + ": " + b.completed() + " of " + reference.tasks()
                    + " tasks completed, checksum " + b.checksum() + " (expected " + reference.checksum() + ")";
        }
        long took = System.nanoTime() - t0;
        if (took > longestBatchNanos) longestBatchNanos = took;
        completed++;
        return b.checksum();
    }

    /**
     * The race workload's counters after a batch: lost unsynchronised updates are counted (measured
     * batches); a synchronised counter that lost any makes the batch invalid, and the reason is returned.
     */
    private String checkCounters() {
        if (prepared.counters() == null) return null;
        dev.concur.workload.SharedCounters.Count c = prepared.counters().read();
        if (measuring) {
            raceUpdates = c.expected();
            raceBatches++;
            raceLostSum += c.lostUnsynchronised();
            raceLostMin = Math.min(raceLostMin, c.lostUnsynchronised());
            raceLostMax = Math.max(raceLostMax, c.lostUnsynchronised());
            raceSyncLost = Math.max(raceSyncLost, c.lostSynchronised());
        }
        return c.lostSynchronised() == 0 ? null
                : "the synchronised counter lost " + c.lostSynchronised() + " of " + c.expected() + " updates";
    }

    private dev.concur.result.Race race() {
        if (raceBatches == 0) return null;
        return new dev.concur.result.Race(raceUpdates, raceBatches, raceLostMin, raceLostMax,
                (double) raceLostSum / raceBatches, raceSyncLost);
    }

    /**
     * {@code --trace}: one more batch, small (the {@value ForkReport#TRACE_TASKS} property's tasks), after measuring,
     * with every task wrapped by a {@link TraceRecorder}; validated against its own reference. The
     * pipeline is not traced (its parts are not tasks one can place on a timeline, and the reactive
     * model runs it as operators).
     */
    private void traceBatch() {
        String n = System.getProperty(ForkReport.TRACE_TASKS);
        if (n == null || impl == null || error != null) return;
        WorkloadParams params = new WorkloadParams(Integer.parseInt(n), Durations.parseNanos(latency), work);
        try (dev.concur.workload.Workload.Prepared small = WorkloadRegistry.get(workload).open(params)) {
            List<Task> plain = small.tasks();
            if (plain.isEmpty() || plain.get(0) instanceof dev.concur.workload.StreamForm.Source) return;
            Reference ref = Reference.of(plain);
            // twice: the first loads the recorder's classes (a millisecond or two inside the first
            // task's first step); only the second, warm, batch is kept
            for (int round = 0; round < 2; round++) {
                small.beforeBatch().run();
                TraceRecorder recorder = new TraceRecorder();
                List<Task> traced = recorder.wrap(plain);
                Batch b = new Batch(traced.size());
                impl.run(traced, b);
                trace = recorder.timeline(ref.matches(b));
            }
        } catch (Exception e) {
            System.err.println("concur: the traced batch failed: " + e);
        }
    }

    /**
     * Every {@value ForkReport#PROGRESS_PERIOD_MILLIS} ms, while anything changed, the fork rewrites
     * {@code progress-PID} ("batches longestBatchNanos") next to its report: the host's watchdog
     * extends its deadline while batches keep completing, and kills only a fork that stalled.
     */
    private void startHeartbeat() {
        String dir = System.getProperty(ForkReport.DIR_PROPERTY);
        if (dir == null) return;
        Path file = Path.of(dir, ForkReport.PROGRESS_FILE_PREFIX + ProcessHandle.current().pid());
        heartbeat = Thread.ofPlatform().daemon(true).name("progress-heartbeat").start(() -> {
            String last = "";
            while (!Thread.currentThread().isInterrupted()) {
                String now = completed + " " + longestBatchNanos;
                if (!now.equals(last)) {
                    try {
                        AtomicFiles.write(file, now);
                        last = now;
                    } catch (IOException e) {
                        // the host reads what it can; a missed beat only shortens the grace
                    }
                }
                try {
                    Thread.sleep(ForkReport.PROGRESS_PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @TearDown(Level.Iteration)
    public void afterIteration() throws InterruptedException {
        // a batch that blocked the loop to its end leaves the probe's late sample to the loop's next
        // turn: let it be recorded into this iteration's histogram before the target goes
        if (impl instanceof dev.concur.model.EventLoopModel el) el.loop().settle(1_000);
        lagTarget.set(null);
        writeReport();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            traceBatch();
            if (impl != null) impl.close();
            leftoverThreads = leftovers();
        } finally {
            if (prepared != null) prepared.close(); // the workload's server or temp directory
            memory.stop();
            if (heartbeat != null) heartbeat.interrupt();
            writeReport();
        }
    }

    /**
     * A fork must never outlive concur: if the host JVM dies, even by SIGKILL, which leaves it no
     * chance to clean up, the fork halts itself. (JMH alone leaves such forks running as orphans.)
     */
    private static void exitWithParent() {
        if (System.getProperty(ForkReport.DIR_PROPERTY) == null) return; // not started by concur
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    }

    /**
     * The model's threads (all are named {@code concur-*}) that were not there before setup and
     * are still alive after close; waits up to half a second for stragglers to finish.
     */
    private List<String> leftovers() throws InterruptedException {
        List<String> names = List.of();
        for (int i = 0; i < 10; i++) {
            names = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !threadsBefore.contains(t) && t.getName().startsWith("concur-"))
                    .map(Thread::getName).sorted().toList();
            if (names.isEmpty()) break;
            Thread.sleep(50);
        }
        return names;
    }

    /** Writes this fork's report next to the others; silently skipped outside concur. */
    private void writeReport() {
        String dir = System.getProperty(ForkReport.DIR_PROPERTY);
        if (dir == null) return;
        ForkReport r = new ForkReport(ForkProbe.self(), batches, validBatches,
                reference == null ? 0 : reference.tasks(), reference == null ? 0 : reference.checksum(),
                firstMismatch, reference == null ? 0 : reference.cpuNanosPerTask(),
                impl == null ? null : impl.usage(), error, leftoverThreads, Histograms.encode(taskLatency),
                Histograms.encode(loopLag), Stats.median(bytesPerTask), warmupBatches, warmupNanos, steady, spreadPct,
                Stats.median(rssPerTask), race(), trace, peakAlive < 0 ? null : peakAlive, runtimeMemory(), cpuPerTaskNanos());
        Path target = Path.of(dir, "fork-" + ProcessHandle.current().pid() + ".json");
        try {
            AtomicFiles.write(target, JSON.writeValueAsBytes(r));
        } catch (IOException e) {
            System.err.println("concur: cannot write fork report " + target + ": " + e);
        }
    }

    /** The reference pass's CPU time per task, in ns: for tests. */
    double referenceCpuNanosPerTask() {
        return reference == null ? 0 : reference.cpuNanosPerTask();
    }

    /** The process's CPU time per task over the measured batches, in ns; {@code null} before any (or where unreadable). */
    Double cpuPerTaskNanos() {
        long n = cpuTasksMeasured;
        return n == 0 ? null : (double) cpuNanosMeasured / n;
    }

    private static final java.lang.management.OperatingSystemMXBean OS = java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * CPU time of this whole process (every thread: the model's, JMH's, the GC's, the JIT's, the memory
     * sampler's), in ns; -1 where the JVM cannot say. On Linux it counts in clock ticks (10 ms).
     */
    static long processCpuNanos() {
        return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** The JVM's own figure at the memory peak (median over measured batches), by the name {@link dev.concur.result.Alive} uses. */
    private java.util.Map<String, Double> runtimeMemory() {
        Double heapUsed = Stats.median(heapUsedAtPeak);
        return heapUsed == null ? java.util.Map.of() : java.util.Map.of("heapUsed", heapUsed);
    }

    /** The most tasks alive at once in the last batch: for tests. */
    long lastBatchPeakAlive() {
        return alive.peak();
    }

    /** The error's first lines: enough to find it, short enough for a table note. */
    static String describe(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        String[] lines = sw.toString().split("\\R");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 6); i++) {
            if (i > 0) sb.append('\n');
            sb.append(lines[i]);
        }
        return sb.toString();
    }
}
