package dev.concur.cli;

import dev.concur.input.InputException;
import dev.concur.input.Names;
import dev.concur.server.RunningServer;
import dev.concur.server.ServerModels;
import dev.concur.server.ServerOptions;
import dev.concur.workload.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code concur serve}: one HTTP server alone, until stopped. With {@code --model}, a server of
 * docs/servers.md's contract (the two first lines, the endpoint, the options), for {@code concur load}
 * or any generator; without it, the http workload's server, for {@code bench --target} from elsewhere.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run an HTTP server until stopped (SIGTERM, Ctrl-C, or the end of standard input with --parent-watch).",
                "With --model: one server per concurrency model, answering GET /task/<i>?wait=<us>&work=<rounds> with "
                        + "value(i, work) after waiting wait microseconds the model's own way (docs/servers.md). Its first two "
                        + "lines on standard output are 'concur serve: settings {json}' and 'concur serve: listening on URL'.",
                "Without --model: the http workload's server, answering GET /task/<i> with f(i) after --latency; point "
                        + "'concur bench --workload=http --target http://HOST:PORT' at it from another process or machine."})
final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL", completionCandidates = ModelNames.class,
            description = "the server: ${COMPLETION-CANDIDATES} (see below). Without it: the http workload's server")
    String model;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}, loopback only)")
    String bind;

    @Option(names = "--threads", paramLabel = "P", converter = Converters.PositiveInt.class,
            description = "with --model platform: the pool's platform threads (default: 200); other models have no pool")
    Integer threads;

    @Option(names = "--backlog", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "with --model: the listen backlog, capped by the kernel at net.core.somaxconn (default: 4096)")
    Integer backlog;

    @Option(names = "--max-connections", paramLabel = "L", converter = Converters.NonNegativeInt.class,
            description = "with --model: connections open at once; over it a new connection is closed at once (default: 0, no limit)")
    Integer maxConnections;

    @Option(names = "--parent-watch",
            description = "exit when standard input reaches its end: a harness holds the pipe, so a killed harness leaves no server")
    boolean parentWatch;

    @Option(names = "--latency", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "without --model: the wait before each answer (default: 50ms)")
    Duration latency;

    /** What shell completion and --help offer for --model. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ServerModels.names().iterator();
        }
    }

    /** The models and what each does, below the options of {@code serve --help}. */
    static void describeModels(CommandLine serve) {
        java.util.ResourceBundle help = serve.getCommandSpec().resourceBundle();
        String heading = help != null && help.containsKey("concur.serve.models") ? help.getString("concur.serve.models") : "Models (--model):";
        List<String> lines = new ArrayList<>(List.of("", heading));
        for (ServerModels.Entry e : ServerModels.all()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", e.name()));
            for (String word : e.description().split(" ")) {
                if (line.length() + 1 + word.length() > 79) {
                    lines.add(line.toString());
                    line = new StringBuilder(" ".repeat(26));
                }
                line.append(' ').append(word);
            }
            lines.add(line.toString());
        }
        serve.getCommandSpec().usageMessage().footer(lines.toArray(String[]::new));
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new InputException("--port must be 0-65535, not " + port);
        InetAddress address = address(bind);
        if (model == null) {
            if (threads != null || backlog != null || maxConnections != null) {
                throw new InputException("--threads, --backlog and --max-connections need --model (valid: "
                        + String.join(", ", ServerModels.names()) + ")");
            }
            return legacy(address);
        }
        String name = model.trim().toLowerCase(Locale.ROOT);
        ServerModels.Entry entry = ServerModels.find(name).orElseThrow(() -> unknown(model));
        if (latency != null) {
            throw new InputException("--latency is for the http workload's server (no --model); with --model each "
                    + "request says its wait: /task/<i>?wait=<microseconds>");
        }
        ServerOptions options = ServerOptions.loopback(port).withBind(address)
                .withThreads(threads != null ? threads : ServerOptions.DEFAULT_THREADS)
                .withBacklog(backlog != null ? backlog : ServerOptions.DEFAULT_BACKLOG)
                .withMaxConnections(maxConnections != null ? maxConnections : 0);
        RunningServer server = entry.model().start(options);
        PrintWriter out = spec.commandLine().getOut();
        out.println("concur serve: settings " + server.settingsJson());
        out.println("concur serve: listening on " + url(server.address()));
        out.flush();
        return runUntilStopped(server);
    }

    private static InputException unknown(String asked) {
        String near = Names.nearest(asked.trim().toLowerCase(Locale.ROOT), ServerModels.names());
        return new InputException("unknown model '" + asked.trim() + "'" + (near != null ? "; did you mean '" + near + "'?" : ".")
                + " Valid: " + String.join(", ", ServerModels.names()));
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new InputException("--bind: cannot resolve '" + bind + "'");
        }
    }

    /** The http workload's server, as {@code concur serve} ran it before --model existed. */
    private int legacy(InetAddress address) throws Exception {
        long latencyNanos = (latency != null ? latency : Duration.ofMillis(50)).toNanos();
        LoopbackServer server = new LoopbackServer(latencyNanos, new InetSocketAddress(address, port));
        PrintWriter out = spec.commandLine().getOut();
        out.println("concur serve: listening on " + url(server.address()) + " (Ctrl-C to stop)");
        out.flush();
        return runUntilStopped(server);
    }

    /**
     * Blocks until the process is stopped: a shutdown hook closes the server on SIGTERM or SIGINT, and
     * with {@code --parent-watch} the end of standard input closes it and ends the process.
     */
    private int runUntilStopped(AutoCloseable server) throws InterruptedException {
        Runnable stop = () -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "concur-serve-stop"));
        if (parentWatch) {
            Thread.ofPlatform().name("concur-serve-parent-watch").daemon(true).start(() -> {
                drain(System.in);
                stop.run();
                Runtime.getRuntime().halt(ExitCodes.OK); // the hook has nothing left to do
            });
        }
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** Reads {@code in} until its end (or an error, which means the same: the parent is gone). */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // whatever the parent writes is ignored; only the end matters
            }
        } catch (IOException e) {
            // a broken pipe: the parent is gone
        }
    }

    private static String url(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return "http://" + (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
