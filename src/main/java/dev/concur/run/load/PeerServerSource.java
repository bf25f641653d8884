package dev.concur.run.load;

import dev.concur.run.peer.PeerServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The peer programs' servers (Go, Node.js, Python), as {@link PeerServers} finds them on this machine, once per run. */
public final class PeerServerSource implements ServerLauncher.Peers {
    private final PeerServers servers;
    private final Map<String, PeerServers.Launch> launches = new ConcurrentHashMap<>();

    public PeerServerSource(Map<String, String> env) {
        this.servers = new PeerServers(env);
    }

    private PeerServers.Launch launch(String model) {
        return launches.computeIfAbsent(model, servers::launch);
    }

    @Override
    public List<String> argv(String model, ServerLauncher.Options o) {
        PeerServers.Launch l = launch(model);
        if (!l.ready()) throw new IllegalStateException(l.skipped());
        List<String> argv = new ArrayList<>(l.command());
        argv.addAll(ServerLauncher.common(o));
        return argv;
    }

    @Override
    public String whyNot(String model) {
        return launch(model).skipped();
    }
}
