package dev.concur.peer;

import dev.concur.input.Names;
import dev.concur.model.ModelRegistry;
import java.util.List;
import java.util.Map;

/**
 * Every model name a user can type, JVM and peer, resolved in one place for the command line and
 * suite files: {@code all} is the JDK's models (the default matrix); {@code reactive} runs when named; {@code peers} is every peer
 * model; peers are listed as valid but run only when named; fault models are accepted by name and
 * never listed.
 */
public final class AllModels {
    public static final String PEERS = "peers";

    private AllModels() {}

    /** The names in {@code asked}, groups expanded, in registry order; unknown names throw with a suggestion. */
    public static List<String> resolve(List<String> asked) {
        List<String> optIn = new java.util.ArrayList<>(ModelRegistry.optInNames());
        optIn.addAll(PeerModels.names());
        return Names.resolve("model", asked, ModelRegistry.names(), optIn, ModelRegistry.faultNames(),
                Map.of(PEERS, PeerModels.names()));
    }
}
