package dev.concur.run.load;

import dev.concur.result.LoadReport.LoadResult;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * What drives servers for a command that is not {@code concur load} itself ({@code concur lecture}):
 * the real one splits the machine ({@link LoadSetup#pin}) and runs {@link LoadRun} against servers
 * it starts; tests substitute results from a seed, so a lecture can be rendered end to end without
 * starting a server or pinning the test's JVM.
 */
public interface LoadRunner {
    /** Splits the CPUs between the servers and this process, the generator (see {@link LoadSetup}). */
    LoadSetup setUp() throws IOException, InterruptedException;

    /**
     * Runs {@code plan} with {@code setup}'s launcher; {@code listener} gets every result so far after
     * each one. Servers still running when the JVM is stopped are killed.
     */
    List<LoadResult> run(LoadRun.Plan plan, LoadSetup setup, Consumer<String> progress, Consumer<List<LoadResult>> listener);

    /** Real servers: the JVM's through {@code concur serve}, the peers' through {@link PeerServerSource}. */
    static LoadRunner real() {
        return new LoadRunner() {
            @Override
            public LoadSetup setUp() throws IOException, InterruptedException {
                return LoadSetup.pin(null, null, new PeerServerSource(System.getenv()));
            }

            @Override
            public List<LoadResult> run(LoadRun.Plan plan, LoadSetup setup, Consumer<String> progress,
                                        Consumer<List<LoadResult>> listener) {
                Thread hook = new Thread(ServerProcess::killAll, "concur-load-servers");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    return new LoadRun(plan, setup.launcher(), progress).run(listener);
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the JVM is exiting: the hook stops what is left
                    }
                }
            }
        };
    }
}
