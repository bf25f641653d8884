package dev.concur.cli;

import dev.concur.run.BenchRun;
import dev.concur.run.BenchmarkRunner;
import dev.concur.input.CoreCounts;
import dev.concur.run.Estimator;
import dev.concur.input.Names;
import dev.concur.run.Planner;
import dev.concur.run.Profile;
import dev.concur.run.RunnerContext;
import dev.concur.run.Spec;
import dev.concur.model.ModelRegistry;
import dev.concur.report.ReportFiles;
import dev.concur.report.TableRenderer;
import dev.concur.result.Environment;
import dev.concur.result.Report;
import dev.concur.result.Result;
import dev.concur.result.RunConfig;
import dev.concur.suite.Suite;
import dev.concur.suite.SuiteException;
import dev.concur.suite.Suites;
import dev.concur.workload.WorkloadRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code concur bench}: run models × workloads (× core counts) through JMH, print tables, write the JSON report. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run every selected model on every selected workload through JMH.",
                "Prints a table (one row per model, workload and core count) and writes a JSON report after each benchmark."},
        footer = {"", "Examples:",
                "  concur bench --model=virtual --workload=io",
                "  concur bench --model=all --workload=io --tasks 10000 --latency 100ms",
                "  concur bench --model=eventloop,sequential,forkjoin --workload=cpu",
                "  concur bench --workload=cpu --model=all --cores 1,2",
                "  concur bench --suite quick",
                "", "Exit codes: 0 ok, 1 a benchmark failed or was invalid, 2 bad input (nothing ran)."})
final class BenchCommand implements Callable<Integer> {
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC"));

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME|FILE",
            description = "run a suite file: a name from 'concur list' (benchmarks/NAME.yaml) or a path. "
                    + "Options given here override the suite's values")
    String suite;

    @Option(names = {"-m", "--model"}, split = ",", paramLabel = "NAME",
            description = "models, comma-separated, or all (default: all). See 'concur list'.")
    List<String> models;

    @Option(names = {"-w", "--workload"}, split = ",", paramLabel = "NAME",
            description = "workloads, comma-separated, or all (= io, cpu, mixed); http and file (real loopback "
                    + "network and disk I/O) run when named (default: all)")
    List<String> workloads;

    @Option(names = "--cores", paramLabel = "LIST",
            description = "core counts to sweep: 1,2,4 or 1-4 or all (powers of two up to the machine's count, and the count). "
                    + "Each fork is pinned to k CPUs with taskset and started with -XX:ActiveProcessorCount=k")
    String cores;

    @Option(names = "--tasks", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "tasks per batch, for every workload (default: per workload, see 'concur list')")
    Integer tasks;

    @Option(names = "--latency", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "simulated I/O wait per task for io and mixed, e.g. 100ms, 2s")
    Duration latency;

    @Option(names = "--work", paramLabel = "ROUNDS", converter = Converters.PositiveCount.class,
            description = "CPU rounds per task for cpu and mixed, e.g. 400000 or 400k (~2.3 ns each)")
    Long work;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "pool size of the platform model (default: 200, as in JEP 444's example)")
    Integer threads;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "quick (1 fork, 3 warm-up iterations of 200 ms + 10 measured of 250 ms) or precise "
                    + "(2 forks, 5 + 10 iterations of 1 s) (default: quick)")
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
            description = "skip a model whose estimated batch time exceeds this (default: 30s)")
    Duration maxBatch;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "hard deadline per benchmark; past it the forks' threads are dumped, the forks are "
                    + "killed and the result is 'timeout' (default: derived from the profile and the estimate, at least 30s)")
    Duration timeout;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "JSON report path (default: results/concur-<UTC time>.json)")
    Path out;

    @Option(names = "--jmh-json", paramLabel = "FILE",
            description = "also write JMH's own JSON (as -rf json writes it) for the benchmarks that completed, "
                    + "for tools that read JMH results (github-action-benchmark, Bencher, JMH Visualizer)")
    Path jmhJson;

    @Option(names = "--report", split = ",", paramLabel = "FMT",
            description = "after the run, also render the report: md, csv, latex, html, png, svg (into <report>-report/)")
    List<String> reportFormats;

    @Option(names = "--lang", paramLabel = "LANG", description = "language of --report: es or en (default: from your locale)")
    String lang;

    @Option(names = "--target", paramLabel = "URL",
            description = "http workload: send requests to this server (e.g. another machine's 'concur serve') "
                    + "instead of the embedded loopback server")
    java.net.URI target;

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
        Planner.Choices choices = choices();
        if (target != null && (target.getScheme() == null || !target.getScheme().equals("http") || target.getHost() == null)) {
            throw new UsageException("--target must be an http:// URL with a host, not '" + target + "'");
        }
        String reportLang = ReportCommand.resolveLanguage(lang);
        List<dev.concur.report.ReportFormat> renderFormats =
                reportFormats == null ? List.of() : ReportCommand.resolveFormats(reportFormats);
        Suite loaded = null;
        if (suite != null) {
            try {
                loaded = Suites.load(suite, wiring.machineCores());
            } catch (SuiteException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<Spec> specs = Planner.plan(choices, loaded);
        Instant startedAt = wiring.now().get();
        Path reportPath = out != null ? out : Path.of("results", "concur-" + FILE_STAMP.format(startedAt) + ".json");
        try {
            dev.concur.files.AtomicFiles.checkWritable(reportPath);
        } catch (IOException e) {
            throw new UsageException("cannot write the report: " + e.getMessage());
        }
        if (jmhJson != null) {
            try {
                dev.concur.files.AtomicFiles.checkWritable(jmhJson);
            } catch (IOException e) {
                throw new UsageException("cannot write --jmh-json: " + e.getMessage());
            }
        }

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path jmhLog = reportPath.resolveSibling(stripJson(reportPath.getFileName().toString()) + ".jmh.log");
        try (PrintStream jmhOut = verbose ? new PrintStream(nonClosing(System.err), true, StandardCharsets.UTF_8)
                : new PrintStream(Files.newOutputStream(jmhLog), true, StandardCharsets.UTF_8)) {
            String runId = stripJson(reportPath.getFileName().toString()) + "-" + ProcessHandle.current().pid();
            BenchmarkRunner runner = wiring.runner().apply(new RunnerContext(jmhOut, reportPath, runId, jmhJson,
                    target == null ? java.util.Map.of() : java.util.Map.of(dev.concur.workload.HttpWorkload.TARGET_PROPERTY, target.toString())));
            boolean anyCores = specs.stream().anyMatch(s -> s.cores() != null);
            if (anyCores && !runner.pinning().equals("taskset")) {
                stderr.println("concur: cannot pin forks to CPUs (" + runner.pinning().substring("none: ".length())
                        + "); results record pinnedCpus: null");
            }
            Estimator estimator = wiring.estimator().get();
            Environment env = wiring.environment().get();
            RunConfig config = config(specs, choices, loaded, runner, anyCores);
            BenchRun run = new BenchRun(runner, estimator, wiring.nanoClock(), wiring.limits());
            Report report;
            Interruption interruption = new Interruption(reportPath, stderr);
            Runtime.getRuntime().addShutdownHook(interruption.hook());
            try (Progress progress = Progress.create(!noProgress && !verbose)) {
                report = run.run(specs, env, config, startedAt, new BenchRun.Listener() {
                    @Override
                    public void planned(List<Spec> s, double seconds) {
                        progress.planned(s.size(), seconds);
                    }

                    @Override
                    public void started(int index, Spec s, double seconds) {
                        progress.started(index, s.model() + "/" + s.workload() + (s.cores() != null ? "@" + s.cores() : ""), seconds);
                    }

                    @Override
                    public void finished(int index, Result r) {
                        progress.finished(index);
                    }

                    @Override
                    public void reportUpdated(Report r) {
                        interruption.write(r);
                    }
                });
            } finally {
                interruption.done();
            }
            stdout.println();
            stdout.print(TableRenderer.render(report));
            String scaling = TableRenderer.renderScaling(report);
            if (!scaling.isEmpty()) {
                stdout.println();
                stdout.print(scaling);
            }
            stdout.println();
            stdout.println(TableRenderer.summary(report));
            stdout.println("report: " + reportPath);
            if (!renderFormats.isEmpty()) {
                Path dir = ReportCommand.defaultDir(reportPath);
                for (Path p : dev.concur.report.ReportWriter.write(List.of(report), renderFormats, reportLang, dir)) {
                    stdout.println("rendered: " + p);
                }
            }
            if (!verbose) stdout.println("JMH log: " + jmhLog);
            stdout.flush();
            stderr.flush();
            var sum = report.summary();
            return sum.failed() + sum.invalid() + sum.timeout() > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** The command line's values, validated; {@code null} where not given. */
    private Planner.Choices choices() {
        List<String> m;
        List<String> w;
        List<Integer> k = null;
        try {
            m = models == null ? null : Names.resolve("model", models, ModelRegistry.names(), ModelRegistry.faultNames());
            w = workloads == null ? null : Names.resolve("workload", workloads, WorkloadRegistry.names(),
                    WorkloadRegistry.optInNames(), List.of());
            if (cores != null) k = CoreCounts.parse(cores, wiring.machineCores());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (profile != null && !profile.equals("quick") && !profile.equals("precise")) {
            throw new UsageException("unknown profile '" + profile + "'. Valid: quick, precise");
        }
        return new Planner.Choices(m, w, tasks, latency == null ? null : latency.toNanos(), work, threads, k, profile,
                forks, warmup, iterations, time == null ? null : time.toNanos(), maxBatch == null ? null : maxBatch.toNanos(),
                timeout == null ? null : timeout.toNanos());
    }

    private RunConfig config(List<Spec> specs, Planner.Choices choices, Suite loaded, BenchmarkRunner runner, boolean anyCores) {
        LinkedHashSet<String> ms = new LinkedHashSet<>();
        LinkedHashSet<String> ws = new LinkedHashSet<>();
        LinkedHashSet<Integer> ks = new LinkedHashSet<>();
        List<RunConfig.WorkloadConfig> wconfigs = new ArrayList<>();
        LinkedHashSet<String> seenParams = new LinkedHashSet<>();
        for (Spec s : specs) {
            ms.add(s.model());
            ws.add(s.workload());
            if (s.cores() != null) ks.add(s.cores());
            var wl = WorkloadRegistry.get(s.workload());
            var wc = new RunConfig.WorkloadConfig(s.workload(), s.params().tasks(),
                    wl.usesLatency() ? s.params().latencyNanos() / 1e6 : null, wl.usesWork() ? s.params().work() : null);
            if (seenParams.add(wc.toString())) wconfigs.add(wc);
        }
        Profile prof = specs.isEmpty() ? Profile.QUICK : specs.get(0).profile();
        int th = specs.isEmpty() ? Planner.DEFAULT_THREADS : specs.get(0).threads();
        long maxB = specs.isEmpty() ? Planner.DEFAULT_MAX_BATCH.toNanos() : specs.get(0).maxBatchNanos();
        return new RunConfig(List.copyOf(ms), List.copyOf(ws), wconfigs, th, prof.name(), "avgt", prof.forks(),
                prof.warmupIterations(), prof.warmupTime().toMillis(), prof.iterations(), prof.iterationTime().toMillis(),
                maxB / 1_000_000, runner.forkJvmArgs(), loaded == null ? null : loaded.source(),
                anyCores ? List.copyOf(ks) : null, anyCores ? runner.pinning() : null,
                loaded == null ? List.of() : choices.given());
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
