package dev.concur.run.jmh;

import dev.concur.run.Watchdog;
import dev.concur.run.Benchmark;
import dev.concur.run.RunnerContext;
import dev.concur.run.RunOutcome;
import dev.concur.input.Profile;
import dev.concur.run.BenchmarkRunner;
import dev.concur.run.Affinity;
import dev.concur.fork.BatchBenchmark;
import dev.concur.fork.ForkProbe;
import dev.concur.fork.ForkReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.files.AtomicFiles;
import dev.concur.input.Durations;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one {@link Benchmark} through JMH's {@link Runner} API: one JMH run per (model, workload), so the
 * host can save the report between benchmarks and notice a benchmark JMH silently dropped.
 *
 * <p>Guards around JMH's known gaps: a benchmark that throws makes JMH drop it from its results
 * and carry on (we ask it to fail instead, and also read the error the fork wrote); a score error
 * of NaN (two or fewer iterations) becomes {@code null}, never 0; forks do not inherit the host's
 * flags, they get exactly {@link #forkJvmArgs()}, and each fork records what it really ran with.
 */
public final class JmhRunner implements BenchmarkRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream jmhOutput;
    private final Path reportPath;
    private final String runId;
    private final Integer traceTasks;
    /** Benchmarks whose first fork was already asked to trace: later forks skip it. */
    private final java.util.Set<Benchmark> traced = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Path jmhJson;
    /** Every fork's JMH result, per benchmark (its index in the run), for --jmh-json. */
    private final java.util.SortedMap<Integer, List<RunResult>> forkResults = new java.util.TreeMap<>();
    private final String taskset = Affinity.taskset();
    private final String hostCpus = ForkProbe.cpusAllowedList();

    public JmhRunner(RunnerContext context) {
        this.jmhOutput = context.jmhOutput();
        this.reportPath = context.reportPath();
        this.runId = context.runId();
        this.traceTasks = context.traceTasks();
        this.jmhJson = context.jmhJson();
    }

    /**
     * Rewrites {@code --jmh-json} with every result so far, in exactly the format JMH's own
     * {@code -rf json} writes (JMH's ResultFormat does the writing): params, rawData,
     * scoreConfidence, secondaryMetrics. Benchmarks that failed are absent, as in JMH. The forks that
     * concur ran one at a time appear as one benchmark with one rawData row per fork, as if JMH had
     * run them with -f N.
     */
    private void writeJmhJson() {
        if (jmhJson == null) return;
        List<RunResult> allResults = new ArrayList<>();
        for (List<RunResult> forks : forkResults.values()) {
            List<BenchmarkResult> each = new ArrayList<>();
            for (RunResult r : forks) each.addAll(r.getBenchmarkResults());
            allResults.add(new RunResult(forks.get(0).getParams(), each));
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
            org.openjdk.jmh.results.format.ResultFormatFactory
                    .getInstance(org.openjdk.jmh.results.format.ResultFormatType.JSON, ps).writeOut(allResults);
        }
        try {
            AtomicFiles.write(jmhJson, bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jmhJson, e);
        }
    }

    @Override
    public List<String> forkJvmArgs() {
        // 4 GB of heap at most: a million waiting virtual threads need about 1-2 GB (the scale suite)
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx4g"));
        // JMH 1.37 touches sun.misc.Unsafe; JDK 24+ warns unless allowed. The flag is unknown
        // to JDK 21-23 (it would refuse to start), so add it only where the JDK knows it.
        if (Runtime.version().feature() >= 24) args.add("--sun-misc-unsafe-memory-access=allow");
        return List.copyOf(args);
    }

    @Override
    public Pinning pinning() {
        if (taskset == null) return Pinning.none("taskset not found (or not Linux); forks are limited by -XX:ActiveProcessorCount only");
        if (hostCpus == null) return Pinning.none("cannot read this process's CPU affinity");
        return Pinning.TASKSET;
    }

    @Override
    public RunOutcome run(Benchmark benchmark, int index, int iterations, Watchdog.Deadline deadline)
            throws InterruptedException {
        Profile profile = benchmark.profile();
        Path dir;
        try {
            dir = Files.createTempDirectory("concur-forks-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory for fork reports", e);
        }
        try {
            List<String> jvmArgs = new ArrayList<>(forkJvmArgs());
            // one named collector at every core count: left to itself, a JVM that sees 1 processor picks SerialGC
            jvmArgs.add(benchmark.gc().flag());
            jvmArgs.add("-D" + ForkReport.DIR_PROPERTY + "=" + dir);
            if (runId != null) jvmArgs.add("-Dconcur.run=" + runId);
            if (traceTasks != null && traced.add(benchmark)) jvmArgs.add("-D" + ForkReport.TRACE_TASKS + "=" + traceTasks);
            if (profile.adaptiveWarmup()) {
                jvmArgs.add("-D" + ForkReport.WARMUP_MAX_MILLIS + "=" + profile.warmupCap().toMillis());
                jvmArgs.add("-D" + ForkReport.WARMUP_MAX_BATCHES + "=" + profile.warmupCapBatches());
            }
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jvm = javaBin;
            String pinned = null;
            if (benchmark.cores() != null) {
                jvmArgs.addAll(BenchmarkRunner.coreFlags(benchmark.cores()));
                if (pinning().pinned()) {
                    pinned = Affinity.firstCpus(hostCpus, benchmark.cores());
                    try {
                        jvm = Affinity.pinnedJvm(taskset, javaBin, pinned).toString();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the pinning script", e);
                    }
                }
            }
            Options opts = new OptionsBuilder()
                    .jvm(jvm)
                    .include("^" + Pattern.quote(BatchBenchmark.class.getName() + ".batch") + "$")
                    .param("model", benchmark.model())
                    .param("workload", benchmark.workloadName())
                    .param("tasks", Integer.toString(benchmark.params().tasks()))
                    .param("latency", Durations.format(benchmark.params().latencyNanos()))
                    .param("work", Long.toString(benchmark.params().work()))
                    .param("threads", Integer.toString(benchmark.threads()))
                    .param("target", benchmark.target() == null ? "" : benchmark.target())
                    .forks(1) // one fork per call: BenchRun adds forks until the precision target
                    .warmupIterations(profile.adaptiveWarmup() ? 0 : profile.warmupIterations())
                    .warmupTime(TimeValue.nanoseconds(profile.warmupTime().toNanos()))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.nanoseconds(profile.iterationTime().toNanos()))
                    .jvmArgs(jvmArgs.toArray(String[]::new))
                    .shouldFailOnError(true)
                    .build();
            Collection<RunResult> results = List.of();
            String failure = null;
            Path dump = reportPath == null ? null : reportPath.resolveSibling(AtomicFiles.stem(reportPath) + ".threads-"
                    + (index + 1) + "-" + benchmark.model() + "-" + benchmark.workloadName() + (benchmark.cores() != null ? "-" + benchmark.cores() + "c" : "") + ".txt");
            Watchdog watchdog = new Watchdog(deadline, dump, () -> progress(dir));
            try {
                results = new Runner(opts, OutputFormatFactory.createFormatInstance(jmhOutput, VerboseMode.NORMAL)).run();
            } catch (RunnerException | RuntimeException e) {
                failure = rootMessage(e);
            } finally {
                watchdog.close();
            }
            if (Thread.interrupted()) throw new InterruptedException();
            List<ForkReport> forks = readForkReports(dir);
            if (watchdog.fired()) {
                return RunOutcome.timedOut("timeout: " + watchdog.why() + "; the forks were killed", forks, pinned,
                        watchdog.dump());
            }
            String forkError = forks.stream().map(ForkReport::error).filter(e -> e != null).findFirst().orElse(null);
            if (forkError != null) failure = forkError;
            if (failure == null && results.isEmpty()) {
                failure = "JMH returned no result (see the JMH log)";
            }
            if (failure != null) return RunOutcome.failed(failure, forks, pinned);
            RunResult rr = results.iterator().next();
            forkResults.computeIfAbsent(index, k -> new ArrayList<>()).add(rr);
            writeJmhJson();
            return outcome(results.iterator().next(), forks, pinned);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The per-iteration scores of each fork (JMH reports one BenchmarkResult per fork). */
    private static RunOutcome outcome(RunResult rr, List<ForkReport> forks, String pinned) {
        List<List<Double>> perFork = new ArrayList<>();
        long batches = 0;
        for (BenchmarkResult br : rr.getBenchmarkResults()) {
            List<Double> samples = new ArrayList<>();
            for (IterationResult ir : br.getIterationResults()) {
                samples.add(ir.getPrimaryResult().getScore());
                batches += ir.getMetadata().getMeasuredOps();
            }
            perFork.add(samples);
        }
        return RunOutcome.measured(perFork, batches, forks, pinned);
    }

    /** What the forks of this run have done so far, from their heartbeat files. */
    static Watchdog.Progress progress(Path dir) {
        long batches = 0, longest = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(ForkReport.PROGRESS_FILE_PREFIX)).toList()) {
                try {
                    String[] f = Files.readString(p).trim().split(" ");
                    batches += Long.parseLong(f[0]);
                    longest = Math.max(longest, Long.parseLong(f[1]));
                } catch (IOException | RuntimeException e) {
                    // a beat being replaced right now: the next poll reads it
                }
            }
        } catch (IOException e) {
            return Watchdog.Progress.NONE;
        }
        return new Watchdog.Progress(batches, longest);
    }

    private static List<ForkReport> readForkReports(Path dir) {
        List<ForkReport> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(JSON.readValue(p.toFile(), ForkReport.class));
                } catch (IOException e) {
                    // a fork killed mid-write leaves only its .tmp, which we never read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String msg = t.getMessage() != null ? t.getMessage() : t.toString();
        return msg.lines().findFirst().orElse(msg);
    }

    private static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException ignored) {
            // temp dir; the OS cleans it eventually
        }
    }
}
