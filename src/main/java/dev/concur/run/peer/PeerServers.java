package dev.concur.run.peer;

import dev.concur.peer.PeerRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The peer programs' HTTP servers, the five peer rows of {@code docs/servers.md}'s server models, and
 * how to start each on this machine: the runtime found (the Go program built into {@code target/peers/}
 * by {@link PeerLocator}), the Python modules it needs importable. A server that cannot run here is a
 * {@link Launch} with the reason and the install command, never an exception.
 */
public final class PeerServers {
    /** One server: its program under {@code src/peers/} (none for Go: the built binary's {@code serve}), its needs. */
    private record Server(String name, PeerRuntime runtime, String program, List<String> modules, String install,
                          String description) {}

    private static final String SERVER_PY = "python/concur_server.py";
    private static final List<Server> SERVERS = List.of(
            new Server("go-http", PeerRuntime.GO, null, List.of(), PeerRuntime.GO.install(),
                    "Go net/http: a goroutine per connection; waits are time.Sleep"),
            new Server("node-http", PeerRuntime.NODE, "node/concur-server.js", List.of(), PeerRuntime.NODE.install(),
                    "Node.js http.createServer on one event loop; waits are setTimeout"),
            new Server("python-asyncio", PeerRuntime.PYTHON, SERVER_PY, List.of(), PeerRuntime.PYTHON.install(),
                    "Python asyncio.start_server (streams) on one loop, HTTP parsed by hand; waits are asyncio.sleep"),
            new Server("python-twisted", PeerRuntime.PYTHON, SERVER_PY, List.of("twisted"), "apt-get install python3-twisted",
                    "Python twisted.web on one reactor; waits are deferLater"),
            new Server("python-threading", PeerRuntime.PYTHON, SERVER_PY, List.of(), PeerRuntime.PYTHON.install(),
                    "Python http.server.ThreadingHTTPServer: a thread per connection, one GIL; waits are time.sleep"));

    /**
     * How to start one peer server here.
     *
     * @param model   the server's name
     * @param command the program with its {@code --model}; the caller appends the contract's other options
     *                ({@code --port}, {@code --backlog}, {@code --max-connections}, {@code --parent-watch});
     *                empty when skipped
     * @param skipped why it cannot run here, ending with the command that installs what is missing;
     *                {@code null} when it can
     */
    public record Launch(String model, List<String> command, String skipped) {
        public Launch {
            command = List.copyOf(command);
        }

        public boolean ready() {
            return skipped == null;
        }
    }

    private final PeerLocator locator;

    /** {@code env}: the environment to find runtimes in ({@code PATH}, {@code CONCUR_HOME}, {@code CONCUR_PYTHON}). */
    public PeerServers(Map<String, String> env) {
        this.locator = new PeerLocator(PeerLocator.home(env), env);
    }

    /** The peer servers' names, in the order of the server models' table. */
    public static List<String> names() {
        return SERVERS.stream().map(Server::name).toList();
    }

    /** One line on what the server is and how it waits. */
    public static String description(String name) {
        return server(name).description();
    }

    /** The command that starts {@code name} here, or why it cannot start (building the Go program first if stale). */
    public Launch launch(String name) {
        Server s = server(name);
        String why = locator.whyUnavailable(s.runtime(), s.modules(), s.install());
        if (why != null) return new Launch(name, List.of(), why);
        List<String> command;
        try {
            command = new ArrayList<>(locator.command(s.runtime()).subList(0, 1)); // the built program, python3 or node
        } catch (IllegalStateException e) { // gone since it was found
            return new Launch(name, List.of(), e.getMessage());
        }
        if (s.program() == null) command.add("serve");
        else command.add(locator.peers().resolve(s.program()).toString());
        command.addAll(List.of("--model", name));
        return new Launch(name, command, null);
    }

    private static Server server(String name) {
        Objects.requireNonNull(name, "name");
        return SERVERS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no peer server " + name + ": " + String.join(", ", names())));
    }
}
