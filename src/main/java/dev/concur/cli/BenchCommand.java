package dev.concur.cli;

import dev.concur.files.AtomicFiles;
import dev.concur.input.Choices;
import dev.concur.input.CoreCounts;
import dev.concur.input.Gc;
import dev.concur.input.InputException;
import dev.concur.input.Names;
import dev.concur.model.ModelRegistry;
import dev.concur.peer.AllModels;
import dev.concur.peer.PeerModels;
import dev.concur.report.ForkSummary;
import dev.concur.report.ReportFormat;
import dev.concur.report.ReportWriter;
import dev.concur.report.TableRenderer;
import dev.concur.result.Report;
import dev.concur.run.Plan;
import dev.concur.run.Planner;
import dev.concur.run.RunLock;
import dev.concur.suite.Suite;
import dev.concur.suite.Suites;
import dev.concur.workload.WorkloadRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code concur bench}: run models × workloads (× core counts) through JMH, print tables, write the JSON report. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "concur bench [OPTIONS]",
        description = {"Run every selected model on every selected workload through JMH.",
                "Prints a table (one row per model, workload and core count) and writes a JSON report after each benchmark."},
        footer = {"", "Examples:",
                "  concur bench --model=virtual --workload=io",
                "  concur bench --model=all --workload=io --tasks 10000 --latency 100ms",
                "  concur bench --model=eventloop,sequential,forkjoin --workload=cpu",
                "  concur bench --workload=cpu --model=all --cores 1,2",
                "  concur bench --suite quick",
                "", "Exit codes: 0 ok; 1 a benchmark failed, timed out or was invalid; 2 bad input (nothing ran)."})
final class BenchCommand implements Callable<Integer> {
    private static final DateTimeFormatter FILE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC"));

    @picocli.CommandLine.Spec
    CommandSpec spec;

    /** What runs: models, workloads, core counts, a suite. */
    static final class What {
        @Option(names = "--suite", paramLabel = "NAME|FILE",
                description = "run a suite file: a name from 'concur list' (benchmarks/NAME.yaml) or a path. "
                        + "Options given here override the suite's values")
        String suite;

        @Option(names = {"-m", "--model"}, split = ",", paramLabel = "MODEL", completionCandidates = ModelNames.class,
                description = "models, comma-separated, or all (default: all). See 'concur list'.")
        List<String> models;

        @Option(names = {"-w", "--workload"}, split = ",", paramLabel = "WORKLOAD", completionCandidates = WorkloadNames.class,
                description = "workloads, comma-separated, or all (= io, cpu, mixed); http, file, pipeline, race and hold "
                        + "run when named (default: all)")
        List<String> workloads;

        @Option(names = "--cores", paramLabel = "LIST",
                description = "core counts to sweep: 1,2,4 or 1-4 or all (powers of two up to the machine's count, and the count). "
                        + "Each fork is pinned to k CPUs with taskset, and its JVM sees k processors")
        String cores;

        @Option(names = "--target", paramLabel = "URL",
                description = "http workload: send requests to this server (e.g. another machine's 'concur serve') "
                        + "instead of the embedded loopback server")
        URI target;
    }

    /** What shell completion offers for --model: every listed model, and all. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new java.util.ArrayList<>(ModelRegistry.names());
            names.addAll(ModelRegistry.optInNames());
            names.addAll(PeerModels.names());
            names.add("all");
            names.add(AllModels.PEERS);
            return names.iterator();
        }
    }

    /** What shell completion offers for --workload. */
    static final class WorkloadNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new java.util.ArrayList<>(WorkloadRegistry.names());
            names.addAll(WorkloadRegistry.optInNames());
            names.add("all");
            return names.iterator();
        }
    }

    /** How big each batch is. */
    static final class Size {
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
    }

    /** How much is measured, and for how long at most. */
    static final class Measure {
        @Option(names = "--profile", paramLabel = "NAME", converter = Converters.ProfileName.class,
                description = "quick (warm-up until steady, at most 2.5 s; 10 iterations of 200 ms a fork; 1 or 2 forks "
                        + "for ±3%%) or precise (at most 10 s; 10 iterations of 1 s; 2 to 10 forks for ±1%%) (default: quick)")
        String profile;

        @Option(names = "--precision", paramLabel = "PERCENT", converter = Converters.Percent.class,
                description = "add forks until the 99.9%% confidence interval is within this much of the mean, "
                        + "e.g. 3%% (default: the profile's: quick 3%%, precise 1%%)")
        Double precision;

        @Option(names = "--forks", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "run exactly N forks per benchmark, whatever the precision (default: as many as "
                        + "the precision needs, within the profile's cap)")
        Integer forks;

        @Option(names = "--warmup", paramLabel = "N", converter = Converters.NonNegativeInt.class,
                description = "run exactly N JMH warm-up iterations per fork instead of warming up until the batch "
                        + "times are steady (the default)")
        Integer warmup;

        @Option(names = "--iterations", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "measured iterations per fork (default: 10; 5 or more for a confidence interval)")
        Integer iterations;

        @Option(names = "--time", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
                description = "length of each iteration, warm-up and measured (overrides the profile)")
        Duration time;

        @Option(names = "--max-batch", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
                description = "skip a model whose estimated batch time exceeds this (default: 30s)")
        Duration maxBatch;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
                description = "hard deadline per benchmark, all forks together; past it the forks' threads are dumped, "
                        + "the forks are killed and the result is 'timeout' (default: none; a fork is killed only when "
                        + "no batch completed for 3 times the longest batch seen, plus 20s)")
        Duration timeout;

        @Option(names = "--gc", paramLabel = "GC",
                description = "the garbage collector every JVM fork runs with: ${COMPLETION-CANDIDATES} (default: G1). "
                        + "Named so that 1 and 2 cores run the same one: left to itself, a JVM that sees 1 processor picks Serial")
        Gc gc;

        @Option(names = "--trace", arity = "0..1", fallbackValue = "8", paramLabel = "N", converter = Converters.TraceTasks.class,
                description = "after measuring, run one more batch of N tasks (default 8, at most 200) and record when each "
                        + "task ran and waited, and on which thread; 'concur report' draws it as a timeline chart")
        Integer trace;
    }

    /** Where results go and what is shown. */
    static final class Output {
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

        @Option(names = "--no-progress", description = "never show the progress bar")
        boolean noProgress;

        @Option(names = {"-v", "--verbose"}, description = "JMH's own output on stderr; stack traces on errors")
        boolean verbose;
    }

    @ArgGroup(validate = false, heading = "%nWhat to run:%n", headingKey = "group.what", order = 1)
    What what = new What();

    @ArgGroup(validate = false, heading = "%nBatch size:%n", headingKey = "group.size", order = 2)
    Size size = new Size();

    @ArgGroup(validate = false, heading = "%nMeasurement:%n", headingKey = "group.measure", order = 3)
    Measure measure = new Measure();

    @ArgGroup(validate = false, heading = "%nOutput:%n", headingKey = "group.output", order = 4)
    Output output = new Output();

    /** --lang (shared with 'concur report'; picocli allows mixins only outside argument groups). */
    @Mixin
    LanguageOption lang;

    private final Wiring wiring;

    BenchCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        // 1. every input checked before anything runs or is written
        Choices choices = choices();
        String target = target();
        String reportLang = lang.resolve();
        List<ReportFormat> renderFormats = output.reportFormats == null ? List.of() : ReportFormat.parseAll(output.reportFormats);
        Suite suite = what.suite == null ? null : Suites.load(what.suite, wiring.machineCores());
        Plan plan = Planner.plan(choices, suite, wiring.machineCores(), target);
        Instant startedAt = wiring.now().get();
        Path reportPath = output.out != null ? output.out : Path.of("results", "concur-" + FILE_STAMP.format(startedAt) + ".json");
        checkWritable(reportPath, "cannot write the report");
        if (output.jmhJson != null) checkWritable(output.jmhJson, "cannot write --jmh-json");

        // 2. run, alone on this machine, writing the report after every benchmark
        try (RunLock lock = RunLock.acquire(Path.of(System.getProperty("java.io.tmpdir")))) {
            return runAndReport(plan, reportPath, startedAt, renderFormats, reportLang);
        }
    }

    private int runAndReport(Plan plan, Path reportPath, Instant startedAt, List<ReportFormat> renderFormats,
                             String reportLang) throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Report report = new PlanExecution(wiring, stderr, !output.noProgress, output.verbose, measure.trace, output.jmhJson)
                .execute(plan, reportPath, startedAt);

        // 3. what it found
        print(report, stdout);
        stdout.println("report: " + reportPath);
        if (!renderFormats.isEmpty()) {
            for (Path p : ReportWriter.write(List.of(report), renderFormats, reportLang, ReportCommand.defaultDir(reportPath))) {
                stdout.println("rendered: " + p);
            }
        }
        if (!output.verbose) stdout.println("JMH log: " + PlanExecution.jmhLog(reportPath));
        stdout.flush();
        stderr.flush();
        var sum = report.summary();
        return sum.failed() + sum.invalid() + sum.timeout() > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static void print(Report report, PrintWriter stdout) {
        stdout.println();
        stdout.print(TableRenderer.render(report));
        String scaling = TableRenderer.renderScaling(report);
        if (!scaling.isEmpty()) {
            stdout.println();
            stdout.print(scaling);
        }
        stdout.println();
        stdout.println(TableRenderer.summary(report));
        String gc = ForkSummary.collectors(report);
        if (gc != null) stdout.println("JVM forks' collector: " + gc);
        String peers = ForkSummary.peerSettings(report);
        if (peers != null) stdout.println("peer runtimes: " + peers);
        ForkSummary.Measurer own = ForkSummary.measurer(report);
        if (own != null) stdout.println(measurerLine(own));
    }

    /** The summary's line on concur's own CPU while peers ran (docs/methodology.md). */
    static String measurerLine(ForkSummary.Measurer own) {
        String life = String.format(java.util.Locale.ROOT, "%.1f%% of a core over the peers' whole runs "
                + "(%.2f s of CPU in %.1f s, start-up and warm-up included)", own.lifePct(), own.lifeCpu(), own.lifeWall());
        if (!own.hasBatches()) return "concur's own CPU while peers ran: " + life;
        return String.format(java.util.Locale.ROOT, "concur's own CPU while peers' measured batches ran: %.1f%% of a core "
                + "(at most %.1f%% for one peer process; %.2f s of CPU in %.1f s); %s", own.batchPct(), own.batchMaxPct(),
                own.batchCpu(), own.batchWall(), life);
    }

    /** The command line's values, checked; {@code null} where not given. */
    private Choices choices() {
        try {
            List<String> m = what.models == null ? null
                    : AllModels.resolve(what.models);
            List<String> w = what.workloads == null ? null
                    : Names.resolve("workload", what.workloads, WorkloadRegistry.names(), WorkloadRegistry.optInNames(), List.of());
            List<Integer> k = what.cores == null ? null : CoreCounts.parse(what.cores, wiring.machineCores());
            return new Choices(m, w, size.tasks, nanos(size.latency), size.work, size.threads, k, measure.profile,
                    measure.forks, measure.warmup, measure.iterations, nanos(measure.time), nanos(measure.maxBatch),
                    nanos(measure.timeout), measure.precision, measure.gc);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private String target() {
        URI t = what.target;
        if (t == null) return null;
        if (t.getScheme() == null || !t.getScheme().equals("http") || t.getHost() == null) {
            throw new InputException("--target must be an http:// URL with a host, not '" + t + "'");
        }
        return t.toString();
    }

    private static Long nanos(Duration d) {
        return d == null ? null : d.toNanos();
    }

    private static void checkWritable(Path p, String what) {
        try {
            AtomicFiles.checkWritable(p);
        } catch (IOException e) {
            throw new InputException(what + ": " + e.getMessage());
        }
    }
}
