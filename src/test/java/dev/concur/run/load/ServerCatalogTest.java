package dev.concur.run.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.run.peer.PeerServers;
import dev.concur.server.ServerModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's catalogue names exactly the servers that exist, JVM and peers, and its ceilings follow Little's law. */
class ServerCatalogTest {
    @Test
    void everyServerThatExistsIsInTheCatalogueAndNothingElse() {
        List<String> exist = new ArrayList<>(ServerModels.names());
        exist.addAll(PeerServers.names());
        assertEquals(exist.stream().sorted().toList(), ServerCatalog.names().stream().sorted().toList());
        for (String n : ServerModels.names()) assertTrue(ServerCatalog.get(n).jvm(), n);
        for (String n : PeerServers.names()) assertTrue(!ServerCatalog.get(n).jvm(), n);
    }

    @Test
    void ceilingsAreWhatCanWaitAtOnceOverTheTimeEachTakes() {
        Experiments ex = new Experiments(new Experiments.Settings(200, 2, 0, 0, 0, 1.0, 1));
        assertEquals(10, ex.ceiling(ServerCatalog.get("sequential"), 1000, 100_000, 0).rate(), 1e-9);
        assertEquals(2000, ex.ceiling(ServerCatalog.get("platform"), 1000, 100_000, 0).rate(), 1e-9);
        assertEquals(500, ex.ceiling(ServerCatalog.get("platform"), 50, 100_000, 0).rate(), 1e-9);
        assertEquals(10_000, ex.ceiling(ServerCatalog.get("eventloop"), 1000, 100_000, 0).rate(), 1e-9);
        assertEquals(10_000, ex.ceiling(ServerCatalog.get("python-threading"), 1000, 100_000, 0).rate(), 1e-9);
        // 1 ms of CPU (1,000,000 rounds at 1 ns): one loop thread computes 1,000/s, two cores 2,000/s
        assertEquals(1000, ex.ceiling(ServerCatalog.get("eventloop"), 100, 0, 1_000_000).rate(), 1e-6);
        assertEquals(2000, ex.ceiling(ServerCatalog.get("virtual"), 100, 0, 1_000_000).rate(), 1e-6);
        assertEquals(1000, ex.ceiling(ServerCatalog.get("python-threading"), 100, 0, 1_000_000).rate(), 1e-6);
    }
}
