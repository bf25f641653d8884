package dev.concur.run.load;

import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.run.Affinity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@code concur load} run: for each experiment, each connection count, each model and each of
 * {@code processes} independent server processes, start the server (pinned to its CPUs), run the
 * experiment from this process (pinned to the others), stop the server, and hand the report to the
 * listener after every process, so a run stopped half-way keeps what it measured.
 */
public final class LoadRun {
    /**
     * What to run.
     *
     * @param experiments  {@code hold}, {@code wait}, {@code rate}, {@code cpu}, {@code wrk}, {@code hostile}, in order
     * @param models       server model names (ServerCatalog)
     * @param holdConnections connections the hold experiment opens, one run per value
     * @param connections  connections for wait, rate and cpu, one run per value
     * @param waitMicros   the handler's wait for wait and rate
     * @param cpuMicros    the handler's CPU work per request for the cpu experiment
     * @param rate         requests per second for rate ({@code null}: half of each model's ceiling)
     * @param processes    independent server processes per configuration
     * @param options      what every server is started with
     * @param settings     the generator's settings
     * @param logDir       where each server's standard error goes
     * @param target       a server concur does not start ({@code --target}; {@code models} then holds its one
     *                     label), or {@code null}
     */
    public record Plan(List<String> experiments, List<String> models, List<Integer> holdConnections, List<Integer> connections,
            long waitMicros, long cpuMicros, Double rate, int processes, ServerLauncher.Options options,
            Experiments.Settings settings, Path logDir, java.net.InetSocketAddress target) {}

    private final Plan plan;
    private final ServerLauncher launcher;
    private final Consumer<String> progress;
    private final List<LoadResult> results = new ArrayList<>();

    public LoadRun(Plan plan, ServerLauncher launcher, Consumer<String> progress) {
        this.plan = plan;
        this.launcher = launcher;
        this.progress = progress;
    }

    /** Runs the plan; {@code listener} gets the report (termination {@code running}) after every result. */
    public List<LoadResult> run(Consumer<List<LoadResult>> listener) {
        Experiments ex = new Experiments(plan.settings());
        for (String experiment : plan.experiments()) {
            List<Integer> counts = experiment.equals("hold") ? plan.holdConnections()
                    : experiment.equals("hostile") ? List.of(0) : plan.connections();
            for (int c : counts) {
                for (String model : plan.models()) {
                    String skip = plan.target() != null ? null : launcher.whyNot(model);
                    for (int p = 1; p <= plan.processes(); p++) {
                        if (Thread.currentThread().isInterrupted()) return results;
                        progress.accept(String.format(Locale.ROOT, "%s %s%s, process %d of %d", experiment, model,
                                c > 0 ? String.format(Locale.ROOT, " at %,d connections", c) : "", p, plan.processes()));
                        LoadResult r = skip != null ? notRun("skipped", experiment, model, p, c, skip) : once(ex, experiment, model, p, c);
                        results.add(r);
                        listener.accept(List.copyOf(results));
                        if (skip != null) break;
                    }
                }
            }
        }
        return results;
    }

    private LoadResult once(Experiments ex, String experiment, String model, int process, int c) {
        Path log = plan.logDir().resolve(model + "-" + experiment + "-" + c + "-" + process + ".log");
        ServerLauncher.Options o = plan.options();
        if (experiment.equals("hostile") && o.maxConnections() == 0 && plan.target() == null) o = new ServerLauncher.Options(o.threads(), o.backlog(), Hostile.LIMIT);
        try (ServerProcess server = plan.target() != null ? ServerProcess.external(plan.target())
                : ServerProcess.start(launcher.argv(model, o), log, 60_000)) {
            String sharing = plan.target() != null ? "an external server at " + plan.target() : launcher.sharing();
            LoadResult r = switch (experiment) {
                case "hold" -> ex.hold(model, process, server, c, sharing);
                case "wait" -> ex.closed("wait", model, process, server, c, plan.waitMicros(), 0, sharing);
                case "cpu" -> ex.closed("cpu", model, process, server, c, 0,
                        Math.max(1, Math.round(plan.cpuMicros() * 1000 / plan.settings().nanosPerRound())), sharing);
                case "rate" -> ex.rate(model, process, server, c, plan.waitMicros(), 0, plan.rate(), sharing);
                case "wrk" -> WrkCheck.run(ex, model, process, server, c, plan.waitMicros(), plan.settings().durationNanos(),
                        Math.max(1, Runtime.getRuntime().availableProcessors()), sharing);
                case "hostile" -> Hostile.run(model, process, server, o.maxConnections(), sharing);
                default -> throw new IllegalArgumentException("no experiment " + experiment);
            };
            if (!server.alive()) return notRun("failed", experiment, model, process, c, "the server exited during the run; see " + log);
            return r;
        } catch (IOException | RuntimeException e) {
            return notRun("failed", experiment, model, process, c, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** A result without figures ({@code skipped}, {@code failed}) that still says what was configured. */
    private LoadResult notRun(String status, String experiment, String model, int process, int c, String why) {
        long wait = List.of("wait", "rate", "wrk").contains(experiment) ? plan.waitMicros() : 0;
        long work = experiment.equals("cpu") ? Math.max(1, Math.round(plan.cpuMicros() * 1000 / plan.settings().nanosPerRound())) : 0;
        Double offered = experiment.equals("rate") ? plan.rate() : null;
        return new LoadResult(experiment, model, process, status, List.of(why), c, wait, work, null, offered, 0, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** The report of {@code results} so far. */
    public static LoadReport report(String version, String timestamp, String termination, Map<String, Object> environment,
            Map<String, Object> config, List<LoadResult> results) {
        return new LoadReport(LoadReport.SCHEMA, version, timestamp, termination, environment, config, results);
    }

    /** The run's settings, for the report's {@code config} (docs/servers.md). */
    public static Map<String, Object> config(Plan plan, String sharing) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("experiments", plan.experiments());
        c.put("models", plan.models());
        c.put("connections", plan.experiments().equals(List.of("hold")) ? plan.holdConnections() : plan.connections());
        c.put("waitMicros", plan.waitMicros());
        c.put("cpuMicros", plan.cpuMicros());
        c.put("rate", plan.rate());
        c.put("durationSeconds", plan.settings().durationNanos() / 1e9);
        c.put("warmupSeconds", plan.settings().warmupNanos() / 1e9);
        c.put("timeoutSeconds", plan.settings().timeoutNanos() / 1e9);
        c.put("processes", plan.processes());
        c.put("threads", plan.options().threads());
        c.put("backlog", plan.options().backlog());
        c.put("maxConnections", plan.options().maxConnections());
        c.put("serverJvmFlags", ServerLauncher.JVM_FLAGS);
        c.put("sharing", sharing);
        return c;
    }

    /** The machine facts that decide many-connection results, for the report. */
    public static Map<String, Object> environment(String allowedCpus, String serverCpus, String generatorCpus) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpusAllowed", allowedCpus);
        env.put("serverCpus", serverCpus);
        env.put("generatorCpus", generatorCpus);
        env.put("somaxconn", readTrimmed("/proc/sys/net/core/somaxconn"));
        env.put("tcpMaxSynBacklog", readTrimmed("/proc/sys/net/ipv4/tcp_max_syn_backlog"));
        env.put("ephemeralPorts", readTrimmed("/proc/sys/net/ipv4/ip_local_port_range"));
        env.put("openFilesLimit", openFiles());
        env.put("kernel", readTrimmed("/proc/sys/kernel/osrelease"));
        env.put("java", Runtime.version().toString());
        env.put("taskset", Affinity.taskset() != null);
        return env;
    }

    private static String openFiles() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] f = line.trim().split("\\s+");
                    return f[3] + " soft, " + f[4] + " hard";
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return null;
    }

    private static String readTrimmed(String file) {
        try {
            // readAllLines, not readString: procfs reports a size of 0 and readString returned one byte of it
            return String.join(" ", Files.readAllLines(Path.of(file))).trim().replace('\t', ' ');
        } catch (IOException e) {
            return null;
        }
    }
}
