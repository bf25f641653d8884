package dev.concur.run.peer;

import dev.concur.peer.PeerModel;
import dev.concur.run.Benchmark;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The programs a peer model needs beside itself, started by concur and stopped by concur. Celery:
 * a {@code redis-server} on 127.0.0.1 at a free port (no disk, no persistence) as broker and result
 * backend, and a Celery worker ({@code --pool=prefork --concurrency=cores}) on its own queue. Both
 * are killed when the benchmark ends, whatever happened, so no Redis or worker outlives a run.
 */
final class Services implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    private Services() {}

    static Services start(PeerModel model, Benchmark b, PeerLocator locator) throws IOException {
        Services s = new Services();
        if (!model.services().contains("redis-server")) return s;
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("concur-redis-");
            s.files.add(dir);
            List<String> redis = new ArrayList<>(setsid(locator, locator.which("redis-server")));
            redis.addAll(List.of("--bind", "127.0.0.1", "--port", Integer.toString(port), "--save", "", "--appendonly", "no",
                    "--dir", dir.toString()));
            s.processes.add(new ProcessBuilder(redis)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start());
            waitForPort(port, 20);
            String queue = "concur-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
            List<String> worker = new ArrayList<>(setsid(locator, locator.command(model.runtime()).get(0)));
            worker.addAll(List.of("-m", "celery", "-A", "concur_peer_celery", "worker", "--pool=prefork",
                    "--concurrency=" + b.processors(), "-Q", queue, "--without-gossip", "--without-mingle",
                    "--without-heartbeat", "--loglevel=WARNING"));
            ProcessBuilder w = new ProcessBuilder(worker).directory(locator.peers().resolve("python").toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
            w.environment().put("CONCUR_REDIS_URL", "redis://127.0.0.1:" + port + "/0");
            s.processes.add(w.start());
            s.arguments.addAll(List.of("--redis-url", "redis://127.0.0.1:" + port + "/0", "--celery-queue", queue));
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** The program, in a session (and process group) of its own when setsid exists. */
    private static List<String> setsid(PeerLocator locator, String program) {
        String setsid = locator.which("setsid");
        return setsid == null ? List.of(program) : List.of(setsid, program);
    }

    List<String> arguments() {
        return arguments;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port, int seconds) throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            try (Socket ignored = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for redis-server");
                }
            }
        }
        throw new IOException("redis-server did not listen on 127.0.0.1:" + port + " within " + seconds + " s");
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            PeerRunner.killTree(p);
        }
        for (Path f : files) {
            try {
                dev.concur.files.AtomicFiles.deleteTree(f);
            } catch (IOException ignored) {
                // a temp directory
            }
        }
    }
}
