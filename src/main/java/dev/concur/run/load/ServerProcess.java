package dev.concur.run.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test, as a child process concur owns: started with a pipe on its standard input
 * (the server's {@code --parent-watch} exits when it closes, so a concur killed with {@code kill -9}
 * leaves no server behind), ready once it has printed its {@code settings} and {@code listening}
 * lines (docs/servers.md), stopped with SIGTERM and then SIGKILL whatever happens.
 */
public final class ServerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Servers started and not yet stopped: what a shutdown hook must stop. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Process process;
    private final JsonNode settings;
    private final InetSocketAddress address;
    private final Path log;

    private ServerProcess(Process process, JsonNode settings, InetSocketAddress address, Path log) {
        this.process = process;
        this.settings = settings;
        this.address = address;
        this.log = log;
    }

    /**
     * Starts {@code argv} and waits up to {@code startTimeoutMillis} for it to listen. Its standard
     * error goes to {@code log}. Fails with the log's last lines when it exits or says nothing.
     */
    public static ServerProcess start(List<String> argv, Path log, long startTimeoutMillis) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        LIVE.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        JsonNode[] settings = {null};
        InetSocketAddress[] address = {null};
        Thread reader = Thread.ofPlatform().daemon().name("concur-server-stdout").start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (lines) {
                        if (address[0] == null) lines.add(line);
                    }
                    if (line.startsWith("concur serve: settings ")) {
                        settings[0] = JSON.readTree(line.substring("concur serve: settings ".length()));
                    } else if (line.startsWith("concur serve: listening on ")) {
                        URI u = URI.create(line.substring("concur serve: listening on ".length()).trim());
                        synchronized (lines) {
                            address[0] = new InetSocketAddress(u.getHost(), u.getPort());
                            lines.notifyAll();
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                synchronized (lines) {
                    lines.add("(concur could not read this server's output: " + e.getMessage() + ")");
                }
            }
            synchronized (lines) {
                lines.notifyAll();
            }
        });
        long deadline = System.currentTimeMillis() + startTimeoutMillis;
        synchronized (lines) {
            while (address[0] == null && p.isAlive() && System.currentTimeMillis() < deadline) {
                try {
                    lines.wait(Math.max(1, Math.min(100, deadline - System.currentTimeMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (address[0] == null || settings[0] == null) {
            kill(p);
            reader.interrupt();
            String why = p.isAlive() ? "did not say it was listening within " + startTimeoutMillis + " ms"
                    : "exited with code " + exitCode(p) + " before listening";
            throw new IOException(String.join(" ", argv.subList(Math.max(0, argv.size() - 6), argv.size())) + ": " + why
                    + lastLines(log, lines));
        }
        return new ServerProcess(p, settings[0], address[0], log);
    }

    private static int exitCode(Process p) {
        try {
            return p.waitFor(1, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String lastLines(Path log, List<String> stdout) {
        List<String> tail = new ArrayList<>();
        synchronized (stdout) {
            tail.addAll(stdout);
        }
        try {
            tail.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // no log to show
        }
        List<String> last = tail.subList(Math.max(0, tail.size() - 3), tail.size());
        return last.isEmpty() ? "" : " (" + String.join(" | ", last) + ")";
    }

    public JsonNode settings() {
        return settings;
    }

    public InetSocketAddress address() {
        return address;
    }

    /**
     * A server concur did not start ({@code concur load --target}): on another machine or in another
     * process. Its settings are unknown and the kernel's figures are not concur's to read.
     */
    public static ServerProcess external(InetSocketAddress address) {
        return new ServerProcess(null, null, address, null);
    }

    public boolean alive() {
        return process == null || process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The kernel's view of the server's process tree now; zeros for an external server. */
    public ProcStats stats() {
        return process == null ? ProcStats.NONE : ProcStats.of(process.toHandle());
    }

    /** Whether concur runs this server and reads its figures from /proc. */
    public boolean local() {
        return process != null;
    }

    @Override
    public void close() {
        if (process != null) kill(process);
    }

    /** Stops every server this process started and has not stopped (Ctrl-C, SIGTERM). */
    public static void killAll() {
        for (Process p : List.copyOf(LIVE)) kill(p);
    }

    /** SIGTERM to the tree, two seconds to go, then SIGKILL; the stdin pipe is closed too. */
    static void kill(Process p) {
        LIVE.remove(p);
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        p.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }
}
