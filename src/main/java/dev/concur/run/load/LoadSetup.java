package dev.concur.run.load;

import dev.concur.input.InputException;
import dev.concur.run.Affinity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the servers and concur's load generator share this machine, for every command that drives
 * servers ({@code concur load}, {@code concur lecture}): the CPUs this process may use are split, the
 * first part for the server (each server is started pinned there, by its {@link ServerLauncher}),
 * the rest for this process, which is the generator and pins itself there. {@link #close()} gives
 * this process every CPU back, so what runs after it (a lecture's JMH forks) is not confined to the
 * generator's half. With one CPU, or without {@code taskset}, nothing is pinned and the report says
 * that both shared all CPUs.
 */
public final class LoadSetup implements AutoCloseable {
    private final String allowed;
    private final String serverCpus;
    private final String generatorCpus;
    private final int serverCores;
    private final String sharing;
    private final ServerLauncher launcher;
    private final String pinnedWith;

    private LoadSetup(String allowed, String serverCpus, String generatorCpus, int serverCores, String sharing,
                      ServerLauncher launcher, String pinnedWith) {
        this.allowed = allowed;
        this.serverCpus = serverCpus;
        this.generatorCpus = generatorCpus;
        this.serverCores = serverCores;
        this.sharing = sharing;
        this.launcher = launcher;
        this.pinnedWith = pinnedWith;
    }

    /**
     * Splits this process's CPUs and pins this process to the generator's part.
     *
     * @param serverCpus CPUs for the server, or {@code null} for half of them; must leave the generator one
     * @param target     a server concur does not start ({@code --target}, as typed), or {@code null}: then nothing
     *                   is pinned, the generator keeps every CPU, and the report says where the server was
     * @throws InputException when {@code serverCpus} leaves the generator nothing
     */
    public static LoadSetup pin(Integer serverCpus, String target, ServerLauncher.Peers peers) throws IOException, InterruptedException {
        String allowedList = allowedCpus();
        List<Integer> allowed = Affinity.parseList(allowedList);
        if (serverCpus != null && serverCpus >= allowed.size()) {
            throw new InputException("--server-cpus must leave the generator at least one of the " + allowed.size()
                    + " CPUs this process may use, not " + serverCpus);
        }
        String taskset = Affinity.taskset();
        int k = allowed.size() < 2 || taskset == null ? allowed.size() : serverCpus != null ? serverCpus : allowed.size() / 2;
        if (target != null) {
            String sharing = "an external server at " + target + "; generator on " + allowed.size() + " CPUs";
            return new LoadSetup(null, null, null, k, sharing, new ServerLauncher(null, null, sharing, peers), null);
        }
        if (allowed.size() < 2 || taskset == null) return shared(allowed.size(), peers);
        String server = join(allowed.subList(0, k));
        String generator = join(allowed.subList(k, allowed.size()));
        String sharing = "server on CPUs " + server + ", generator (concur) on CPUs " + generator;
        pinSelf(taskset, generator);
        return new LoadSetup(allowedList, server, generator, k, sharing, new ServerLauncher(taskset, server, sharing, peers), taskset);
    }

    /** Nothing pinned: server and generator share all {@code cpus} CPUs (one CPU, no {@code taskset}, or a test). */
    public static LoadSetup shared(int cpus, ServerLauncher.Peers peers) {
        String sharing = "server and generator share all " + cpus + " CPUs";
        return new LoadSetup(null, null, null, cpus, sharing, new ServerLauncher(null, null, sharing, peers), null);
    }

    public ServerLauncher launcher() {
        return launcher;
    }

    /** The server's CPU list, or {@code null} when nothing is pinned. */
    public String serverCpus() {
        return serverCpus;
    }

    /** The generator's CPU list, or {@code null} when nothing is pinned. */
    public String generatorCpus() {
        return generatorCpus;
    }

    /** The CPUs a server may use: what its Little's-law ceilings count as cores. */
    public int serverCores() {
        return serverCores;
    }

    /** How server and generator shared the machine, in the report's words. */
    public String sharing() {
        return sharing;
    }

    /** The machine facts that decide many-connection results, for the report. */
    public Map<String, Object> environment() {
        return LoadRun.environment(allowed, serverCpus, generatorCpus);
    }

    /** Gives this process back every CPU it had before {@link #pin}. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (pinnedWith != null) pinSelf(pinnedWith, allowed);
    }

    private static String join(List<Integer> cpus) {
        return String.join(",", cpus.stream().map(String::valueOf).toList());
    }

    private static String allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) return line.substring(18).trim();
            }
        } catch (IOException ignored) {
            // not Linux: no pinning
        }
        return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Pins every thread of this JVM to {@code cpus}; threads started later inherit it. */
    private static void pinSelf(String taskset, String cpus) throws IOException, InterruptedException {
        new ProcessBuilder(taskset, "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
