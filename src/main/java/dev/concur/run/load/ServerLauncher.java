package dev.concur.run.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts each server model: a child JVM running {@code concur serve} for the
 * JVM models, a peer program's {@code serve} mode for the others. Every server starts under
 * {@code sh -c 'ulimit -n <hard limit>'} (a thousand connections need a thousand descriptors, and
 * Node.js and Python do not raise their soft limit themselves), pinned with {@code taskset} to the
 * server's CPUs when concur pins, and with {@code --parent-watch}, so it exits when concur does.
 */
public final class ServerLauncher {
    /** What every server is started with (docs/servers.md). */
    public record Options(int threads, int backlog, int maxConnections) {}

    /** Where the peer programs' servers come from: their command lines, or why one cannot start here. */
    public interface Peers {
        /** The command that starts {@code model} with these options, without pinning. */
        List<String> argv(String model, Options o);

        /** Why {@code model} cannot start on this machine (with the command that installs what is missing), or {@code null}. */
        String whyNot(String model);
    }

    /** The JVM flags every server JVM runs with: a named collector (never the one the CPU count picks) and a fixed heap cap. */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseG1GC", "-Xmx2g");

    private final String taskset;
    private final String serverCpus;
    private final String sharing;
    private final Peers peers;

    /**
     * @param taskset    the {@code taskset} binary, or {@code null} to run unpinned
     * @param serverCpus the server's CPU list (e.g. {@code 0}), or {@code null}
     * @param sharing    how server and generator share the machine, for the report
     */
    public ServerLauncher(String taskset, String serverCpus, String sharing, Peers peers) {
        this.taskset = taskset;
        this.serverCpus = serverCpus;
        this.sharing = sharing;
        this.peers = peers;
    }

    public String sharing() {
        return sharing;
    }

    /** Why {@code model} cannot run here, or {@code null}. */
    public String whyNot(String model) {
        ServerCatalog.Entry e = ServerCatalog.get(model);
        if (e == null) return "no server model " + model;
        return e.jvm() ? null : peers.whyNot(model);
    }

    public List<String> argv(String model, Options o) {
        ServerCatalog.Entry e = ServerCatalog.get(model);
        List<String> program = e.jvm() ? jvm(model, o) : peers.argv(model, o);
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -n \"$(ulimit -Hn)\" 2>/dev/null; exec \"$@\"", "sh"));
        if (taskset != null && serverCpus != null) argv.addAll(List.of(taskset, "-c", serverCpus));
        argv.addAll(program);
        return argv;
    }

    private static List<String> jvm(String model, Options o) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_FLAGS);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.concur.cli.Concur", "serve", "--model", model));
        argv.addAll(common(o));
        return argv;
    }

    /** The options every server takes, in the contract's spelling. */
    public static List<String> common(Options o) {
        return List.of("--port", "0", "--threads", Integer.toString(o.threads()), "--backlog", Integer.toString(o.backlog()),
                "--max-connections", Integer.toString(o.maxConnections()), "--parent-watch");
    }
}
