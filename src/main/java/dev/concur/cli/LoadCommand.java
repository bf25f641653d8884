package dev.concur.cli;

import dev.concur.files.AtomicFiles;
import dev.concur.input.InputException;
import dev.concur.input.Names;
import dev.concur.report.LoadTable;
import dev.concur.report.ReportFiles;
import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.run.Estimator;
import dev.concur.run.RunLock;
import dev.concur.run.Version;
import dev.concur.run.load.Experiments;
import dev.concur.run.load.LoadRun;
import dev.concur.run.load.LoadSetup;
import dev.concur.run.load.PeerServerSource;
import dev.concur.run.load.ServerCatalog;
import dev.concur.run.load.ServerLauncher;
import dev.concur.run.load.ServerProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code concur load}: HTTP servers under every model, driven by an open-loop load generator. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drive an HTTP server per concurrency model with concur's load generator and report what each held, "
                + "answered and cost.",
                "Experiments: hold (N idle keep-alive connections: memory, threads, descriptors, a probe's latency), "
                        + "wait (the handler waits --wait at C connections, closed loop: throughput against the model's "
                        + "ceiling), rate (open loop at a fixed rate: latency from each request's intended start), "
                        + "cpu (about --cpu of CPU per request), wrk (wait's load measured by concur and then by wrk), hostile (silent, malformed, leaving and surplus clients).",
                "Every answer is checked; each server runs in its own process, --processes times per configuration."},
        footer = {"", "Example: concur load --experiment hold --connections 10000 --models virtual,eventloop,go-http",
                "See docs/servers.md for the servers, the experiments and the report."})
final class LoadCommand implements Callable<Integer> {
    static final List<String> EXPERIMENTS = List.of("hold", "wait", "rate", "cpu", "wrk", "hostile");

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Option(names = {"-e", "--experiment"}, split = ",", paramLabel = "NAME", defaultValue = "hold,wait,rate",
            description = "hold, wait, rate, cpu, wrk, hostile; comma-separated (default: ${DEFAULT-VALUE})")
    List<String> experiments;

    @Option(names = {"-m", "--models"}, split = ",", paramLabel = "MODEL", defaultValue = "all",
            description = "server models, comma-separated; 'all' (default), 'jvm' or 'peers'. Listed in docs/servers.md")
    List<String> models;

    @Option(names = {"-c", "--connections"}, split = ",", paramLabel = "N", defaultValue = "1000",
            description = "connections, one run per value (default: ${DEFAULT-VALUE})")
    List<Integer> connections;

    @Option(names = "--wait", paramLabel = "DURATION", converter = Converters.PositiveDuration.class, defaultValue = "100ms",
            description = "the handler's wait per request for wait and rate (default: ${DEFAULT-VALUE})")
    Duration waitTime;

    @Option(names = "--cpu", paramLabel = "DURATION", converter = Converters.PositiveDuration.class, defaultValue = "1ms",
            description = "the handler's CPU work per request for the cpu experiment, timed on this machine (default: ${DEFAULT-VALUE})")
    Duration cpu;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "requests per second for rate (default: half of each model's ceiling)")
    Double rate;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Converters.PositiveDuration.class, defaultValue = "10s",
            description = "each measured phase (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = Converters.PositiveDuration.class, defaultValue = "3s",
            description = "load before each measured phase, not counted (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.PositiveDuration.class, defaultValue = "10s",
            description = "a request older than this is counted as timed out (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = {"-p", "--processes"}, paramLabel = "K", converter = Converters.PositiveInt.class, defaultValue = "3",
            description = "independent server processes per configuration, for intervals (default: ${DEFAULT-VALUE})")
    int processes;

    @Option(names = "--threads", paramLabel = "P", converter = Converters.PositiveInt.class, defaultValue = "200",
            description = "the platform server's pool (default: ${DEFAULT-VALUE}, Tomcat's)")
    int threads;

    @Option(names = "--backlog", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "4096",
            description = "every server's listen backlog (default: ${DEFAULT-VALUE}; the kernel caps it at net.core.somaxconn)")
    int backlog;

    @Option(names = "--max-connections", paramLabel = "L", converter = Converters.NonNegativeInt.class, defaultValue = "0",
            description = "every server's connection limit, 0 for none (default: ${DEFAULT-VALUE}; hostile uses 100 when 0)")
    int maxConnections;

    @Option(names = "--server-cpus", paramLabel = "K", converter = Converters.PositiveInt.class,
            description = "CPUs the server is pinned to; the generator gets the rest (default: half of them)")
    Integer serverCpus;

    @Option(names = "--target", paramLabel = "URL",
            description = "drive a server concur does not start (http://HOST:PORT, e.g. 'concur serve --model M' on another machine); "
                    + "one --models name labels it and gives its ceiling; no /proc figures")
    String target;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "the JSON report (default: results/load-<time>.json)")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> exps;
        List<String> names;
        try {
            exps = Names.resolve("experiment", experiments, EXPERIMENTS);
            names = resolveModels();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        java.net.InetSocketAddress targetAddress = null;
        if (target != null) {
            java.net.URI u;
            try {
                u = java.net.URI.create(target);
            } catch (IllegalArgumentException e) {
                throw new InputException("--target must be http://HOST:PORT, not '" + target + "'");
            }
            if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 1)
                throw new InputException("--target must be http://HOST:PORT, not '" + target + "'");
            targetAddress = new java.net.InetSocketAddress(u.getHost(), u.getPort());
            if (models.equals(List.of("all"))) names = List.of("target");
            else if (names.size() != 1) throw new InputException("--target drives one server: give at most one --models name to label it");
        }
        for (int c : connections) if (c < 1) throw new InputException("--connections must be at least 1, not " + c);
        Path report = out != null ? out : Path.of("results", "load-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + ".json");
        try {
            AtomicFiles.checkWritable(report);
        } catch (IOException e) {
            throw new InputException("cannot write " + report + ": " + e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RunLock lock = RunLock.acquire(Path.of(System.getProperty("java.io.tmpdir")));
             LoadSetup setup = LoadSetup.pin(serverCpus, targetAddress == null ? null : target, new PeerServerSource(System.getenv()))) {
            String sharing = setup.sharing();
            double nanosPerRound = Estimator.calibrate().nanosPerRound();
            Experiments.Settings settings = new Experiments.Settings(threads, setup.serverCores(), warmup.toNanos(), duration.toNanos(),
                    timeout.toNanos(), nanosPerRound, 42);
            LoadRun.Plan plan = new LoadRun.Plan(exps, names, connections, connections, waitTime.toNanos() / 1000,
                    cpu.toNanos() / 1000, rate, processes, new ServerLauncher.Options(threads, backlog, maxConnections), settings,
                    Path.of(report.toAbsolutePath() + ".logs"), targetAddress);
            Map<String, Object> env = setup.environment();
            env.put("nanosPerRound", nanosPerRound);
            Map<String, Object> config = LoadRun.config(plan, sharing);
            String started = Instant.now().toString();
            List<LoadResult>[] latest = new List[] {List.of()};
            Thread hook = new Thread(() -> {
                ServerProcess.killAll();
                write(report, LoadRun.report(Version.get(), started, "interrupted", env, config, latest[0]));
                err.println("concur load: interrupted; " + latest[0].size() + " results kept in " + report);
                err.flush();
            }, "concur-load-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            LoadRun run = new LoadRun(plan, setup.launcher(), line -> {
                err.println("concur load: " + line);
                err.flush();
            });
            List<LoadResult> results = run.run(rs -> {
                latest[0] = rs;
                write(report, LoadRun.report(Version.get(), started, "running", env, config, rs));
            });
            boolean failed = results.stream().anyMatch(r -> r.status().equals("failed") || r.status().equals("invalid"));
            write(report, LoadRun.report(Version.get(), started, "complete", env, config, results));
            Runtime.getRuntime().removeShutdownHook(hook);
            o.print(LoadTable.render(results, sharing));
            o.println("report: " + report);
            o.flush();
            return failed ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** Names as typed, groups ({@code jvm}, {@code peers}) expanded; {@code eventloop-blocking} runs only when named. */
    private List<String> resolveModels() {
        List<String> optIn = List.of("eventloop-blocking");
        List<String> valid = ServerCatalog.names().stream().filter(n -> !optIn.contains(n)).toList();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("jvm", valid.stream().filter(n -> ServerCatalog.get(n).jvm()).toList());
        groups.put("peers", valid.stream().filter(n -> !ServerCatalog.get(n).jvm()).toList());
        return Names.resolve("server model", models, valid, optIn, List.of(), groups);
    }

    private static void write(Path report, LoadReport r) {
        try {
            AtomicFiles.write(report, ReportFiles.json().writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
