package dev.concur.cli;

import dev.concur.harness.BenchRun;
import dev.concur.harness.BenchmarkRunner;
import dev.concur.harness.Estimator;
import dev.concur.harness.Profile;
import dev.concur.harness.Spec;
import dev.concur.model.ModelRegistry;
import dev.concur.report.ReportFiles;
import dev.concur.report.TableRenderer;
import dev.concur.result.Environment;
import dev.concur.result.Report;
import dev.concur.result.RunConfig;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code concur bench}: run models × workloads through JMH, print the table, write the JSON report. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run every selected model on every selected workload through JMH.",
                "Prints a table (one row per model and workload) and writes a JSON report after each benchmark."},
        footer = {"", "Examples:",
                "  concur bench --model=virtual --workload=io",
                "  concur bench --model=all --workload=io --tasks 10000 --latency 100ms",
                "  concur bench --model=eventloop,sequential,forkjoin --workload=cpu",
                "", "Exit codes: 0 ok, 1 a benchmark failed or was invalid, 2 bad input (nothing ran)."})
final class BenchCommand implements Callable<Integer> {
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC"));

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, split = ",", paramLabel = "NAME", defaultValue = "all",
            description = "models, comma-separated, or all (default: ${DEFAULT-VALUE}). See 'concur list'.")
    List<String> models;

    @Option(names = {"-w", "--workload"}, split = ",", paramLabel = "NAME", defaultValue = "all",
            description = "workloads, comma-separated, or all: io, cpu, mixed (default: ${DEFAULT-VALUE})")
    List<String> workloads;

    @Option(names = "--tasks", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "tasks per batch, for every workload (default: per workload, see 'concur list')")
    Integer tasks;

    @Option(names = "--latency", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "simulated I/O wait per task for io and mixed, e.g. 100ms, 2s")
    Duration latency;

    @Option(names = "--work", paramLabel = "ROUNDS", converter = Converters.PositiveCount.class,
            description = "CPU rounds per task for cpu and mixed, e.g. 400000 or 400k (~2.3 ns each)")
    Long work;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "200",
            description = "pool size of the platform model (default: ${DEFAULT-VALUE}, as in JEP 444's example)")
    int threads;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "quick",
            description = "quick (1 fork, 3 warm-up iterations of 200 ms + 10 measured of 250 ms) or precise "
                    + "(2 forks, 5 + 10 iterations of 1 s) (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--forks", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "JMH forks per benchmark (overrides the profile)")
    Integer forks;

    @Option(names = "--warmup", paramLabel = "N", converter = Converters.NonNegativeInt.class,
            description = "warm-up iterations per fork (overrides the profile)")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "measured iterations per fork (overrides the profile; 3 or more for a CI)")
    Integer iterations;

    @Option(names = "--time", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "length of each iteration, warm-up and measured (overrides the profile)")
    Duration time;

    @Option(names = "--max-batch", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            defaultValue = "30s",
            description = "skip a model whose estimated batch time exceeds this (default: ${DEFAULT-VALUE})")
    Duration maxBatch;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "JSON report path (default: results/concur-<UTC time>.json)")
    Path out;

    @Option(names = "--no-progress", description = "never show the progress bar")
    boolean noProgress;

    @Option(names = {"-v", "--verbose"}, description = "JMH's own output on stderr; stack traces on errors")
    boolean verbose;

    private final Wiring wiring;

    BenchCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        List<String> modelNames = Names.resolve("model", models, ModelRegistry.names());
        List<String> workloadNames = Names.resolve("workload", workloads, WorkloadRegistry.names());
        if (!profile.equals("quick") && !profile.equals("precise")) {
            throw new UsageException("unknown profile '" + profile + "'. Valid: quick, precise");
        }
        Profile prof = Profile.named(profile).with(forks, warmup, iterations, time);
        Instant startedAt = wiring.now().get();
        Path reportPath = out != null ? out : Path.of("results", "concur-" + FILE_STAMP.format(startedAt) + ".json");
        try {
            ReportFiles.checkWritable(reportPath);
        } catch (IOException e) {
            throw new UsageException("cannot write the report: " + e.getMessage());
        }

        List<Spec> specs = new ArrayList<>();
        List<RunConfig.WorkloadConfig> wconfigs = new ArrayList<>();
        for (String w : workloadNames) {
            var workload = WorkloadRegistry.get(w);
            WorkloadParams d = workload.defaults();
            WorkloadParams p = new WorkloadParams(tasks != null ? tasks : d.tasks(),
                    latency != null ? latency.toNanos() : d.latencyNanos(),
                    work != null ? work : d.work());
            wconfigs.add(new RunConfig.WorkloadConfig(w, p.tasks(),
                    workload.usesLatency() ? p.latencyNanos() / 1e6 : null,
                    workload.usesWork() ? p.work() : null));
            for (String m : modelNames) specs.add(new Spec(m, w, p, threads));
        }

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path jmhLog = reportPath.resolveSibling(stripJson(reportPath.getFileName().toString()) + ".jmh.log");
        try (PrintStream jmhOut = verbose ? new PrintStream(nonClosing(System.err), true, StandardCharsets.UTF_8)
                : new PrintStream(Files.newOutputStream(jmhLog), true, StandardCharsets.UTF_8)) {
            BenchmarkRunner runner = wiring.runner().apply(jmhOut);
            Estimator estimator = wiring.estimator().get();
            Environment env = wiring.environment().get();
            RunConfig config = new RunConfig(modelNames, workloadNames, wconfigs, threads, prof.name(), "avgt",
                    prof.forks(), prof.warmupIterations(), prof.warmupTime().toMillis(), prof.iterations(),
                    prof.iterationTime().toMillis(), maxBatch.toMillis(), runner.forkJvmArgs());
            BenchRun run = new BenchRun(runner, estimator, prof, maxBatch.toNanos(), wiring.nanoClock());
            Report[] last = new Report[1];
            try (Progress progress = Progress.create(!noProgress && !verbose)) {
                last[0] = run.run(specs, env, config, startedAt, new BenchRun.Listener() {
                    @Override
                    public void planned(List<Spec> s, double seconds) {
                        progress.planned(s.size(), seconds);
                    }

                    @Override
                    public void started(int index, Spec s, double seconds) {
                        progress.started(index, s.model() + "/" + s.workload(), seconds);
                    }

                    @Override
                    public void finished(int index, dev.concur.result.Result r) {
                        progress.finished(index);
                    }

                    @Override
                    public void reportUpdated(Report report) {
                        try {
                            ReportFiles.writeAtomically(reportPath, ReportFiles.toJson(report));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot write " + reportPath + ": " + e.getMessage(), e);
                        }
                    }
                });
            }
            Report report = last[0];
            stdout.println();
            stdout.print(TableRenderer.render(report));
            stdout.println();
            stdout.println(TableRenderer.summary(report));
            stdout.println("report: " + reportPath);
            if (!verbose) stdout.println("JMH log: " + jmhLog);
            stdout.flush();
            stderr.flush();
            return report.summary().failed() + report.summary().invalid() > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    private static String stripJson(String name) {
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static OutputStream nonClosing(OutputStream s) {
        return new java.io.FilterOutputStream(s) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
