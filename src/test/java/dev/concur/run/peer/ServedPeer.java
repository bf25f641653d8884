package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A peer server started as a real child process with {@code --port 0 --parent-watch}, its two first
 * lines read and checked against docs/servers.md; closing it kills it and everything it started, and
 * fails if anything is left. A server that cannot run here aborts the test (a skip), unless
 * {@code CONCUR_REQUIRE_PEERS} is set: then it fails it.
 */
final class ServedPeer implements AutoCloseable {
    private static final String SETTINGS = "concur serve: settings ";
    private static final String LISTENING = "concur serve: listening on http://127.0.0.1:";

    final Process process;
    final JsonNode settings;
    final int port;
    private final Path stderr;

    private ServedPeer(Process process, Path stderr, JsonNode settings, int port) {
        this.process = process;
        this.stderr = stderr;
        this.settings = settings;
        this.port = port;
    }

    static ServedPeer start(PeerServers servers, String model, String... options) throws Exception {
        PeerServers.Launch launch = servers.launch(model);
        if (!launch.ready() && System.getenv("CONCUR_REQUIRE_PEERS") == null) Assumptions.abort(launch.skipped());
        assertTrue(launch.ready(), "CONCUR_REQUIRE_PEERS is set: " + launch.skipped());
        List<String> command = new ArrayList<>(launch.command());
        command.addAll(List.of("--port", "0", "--parent-watch"));
        command.addAll(List.of(options));
        Path stderr = Files.createTempFile("concur-peer-server", ".stderr");
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> { // reads stdout to its end, so the pipe never fills
            try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                // the process is gone
            }
        });
        ServedPeer served = new ServedPeer(p, stderr, null, 0);
        try {
            String first = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(first, "no settings line within 60 s; stderr: " + served.stderr());
            assertTrue(first.startsWith(SETTINGS), "first line: " + first + "; stderr: " + served.stderr());
            JsonNode settings = new ObjectMapper().readTree(first.substring(SETTINGS.length()));
            String second = lines.poll(10, TimeUnit.SECONDS);
            assertNotNull(second, "no listening line; stderr: " + served.stderr());
            assertTrue(second.matches(java.util.regex.Pattern.quote(LISTENING) + "[0-9]{1,5}"), "second line: " + second);
            int port = Integer.parseInt(second.substring(LISTENING.length()));
            assertEquals(model, settings.path("model").asText(), first);
            assertEquals(p.pid(), settings.path("pid").asLong(), "the settings' pid is the process's: " + first);
            return new ServedPeer(p, stderr, settings, port);
        } catch (Throwable t) {
            served.close();
            throw t;
        }
    }

    /** What the server wrote on stderr so far, for failure messages. */
    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** What a parent that dies does to the server's stdin. */
    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) h.onExit().get(10, TimeUnit.SECONDS);
        Files.deleteIfExists(stderr);
        assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "left running: " + tree);
    }
}
