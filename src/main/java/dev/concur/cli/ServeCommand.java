package dev.concur.cli;

import dev.concur.workload.LoopbackServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code concur serve}: the http workload's server on its own, for {@code bench --target} from elsewhere. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the http workload's server until stopped.",
                "GET /task/<i> answers f(i) after --latency. Point 'concur bench --workload=http --target "
                        + "http://HOST:PORT' at it from another process or machine."})
final class ServeCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--latency", paramLabel = "DURATION", converter = Converters.PositiveDuration.class, defaultValue = "50ms",
            description = "wait before each answer (default: ${DEFAULT-VALUE})")
    Duration latency;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}, loopback only)")
    String bind;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new dev.concur.input.InputException("--port must be 0-65535, not " + port);
        try (LoopbackServer s = new LoopbackServer(latency.toNanos(), new InetSocketAddress(InetAddress.getByName(bind), port))) {
            spec.commandLine().getOut().println("concur serve: listening on http://" + s.address().getAddress().getHostAddress()
                    + ":" + s.address().getPort() + " (Ctrl-C to stop)");
            spec.commandLine().getOut().flush();
            new CountDownLatch(1).await();
        }
        return ExitCodes.OK;
    }
}
