package dev.concur.run.load;

import java.util.List;

/** The peer programs' servers (Go, Node.js, Python), as {@code run.peer.PeerServers} finds them on this machine. */
public final class PeerServerSource implements ServerLauncher.Peers {
    @Override
    public List<String> argv(String model, ServerLauncher.Options o) {
        throw new IllegalStateException("peer servers are not wired yet");
    }

    @Override
    public String whyNot(String model) {
        return "peer servers are not wired yet";
    }
}
