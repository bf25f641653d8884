package dev.concur.run.peer;

import dev.concur.peer.PeerModel;
import dev.concur.peer.PeerRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds what a peer program needs on this machine, once per run: the runtime ({@code go} on PATH,
 * Python 3 with its modules, {@code node}), the program's sources in the checkout, the npm packages
 * and the services (a {@code redis-server} for Celery). What is missing becomes a skip with the
 * reason and the install command, never a failure. The Go program is built into
 * {@code target/peers/} on first use (and again when its sources change).
 */
final class PeerLocator {
    private final Path home;
    private final Map<String, String> env;
    private final Map<String, String> unavailable = new ConcurrentHashMap<>();
    private final Map<PeerRuntime, List<String>> commands = new ConcurrentHashMap<>();
    private final Map<String, String> runtimeVersions = new ConcurrentHashMap<>();

    PeerLocator(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** The checkout: {@code $CONCUR_HOME}, else the current directory when it holds the peer programs. */
    static Path home(Map<String, String> env) {
        String h = env.get("CONCUR_HOME");
        if (h != null && !h.isBlank()) return Path.of(h);
        return Path.of("").toAbsolutePath();
    }

    Path peers() {
        return home.resolve("src").resolve("peers");
    }

    /** Why {@code model} cannot run here, with what would install it; {@code null} when it can. */
    String whyUnavailable(PeerModel model) {
        return unavailable.computeIfAbsent(model.name(), k -> check(model).orElse("")).transform(s -> s.isEmpty() ? null : s);
    }

    private java.util.Optional<String> check(PeerModel model) {
        String problem = whyUnavailable(model.runtime(), model.requirements(), model.install());
        if (problem != null) return java.util.Optional.of(problem);
        for (String service : model.services()) {
            if (which(service) == null) return java.util.Optional.of(service + " not found: " + model.install());
        }
        return java.util.Optional.empty();
    }

    /**
     * Why a program of runtime {@code r} that needs {@code requirements} (Python modules or npm
     * packages) cannot run here, ending with {@code install}; {@code null} when it can. The runtime is
     * found once; the requirements are checked again on every call.
     */
    String whyUnavailable(PeerRuntime r, List<String> requirements, String install) {
        if (!Files.isDirectory(peers())) {
            return "the peer programs are not here (" + peers() + "): run concur from its checkout, or set CONCUR_HOME to it";
        }
        String runtime = runtimeProblem(r);
        if (runtime != null) return runtime;
        for (String req : requirements) {
            String problem = r == PeerRuntime.NODE ? npmProblem(req, install) : pythonProblem(req, install);
            if (problem != null) return problem;
        }
        return null;
    }

    private String runtimeProblem(PeerRuntime r) {
        try {
            commands.computeIfAbsent(r, this::command);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** The command that starts a peer program of runtime {@code r} (built or found on first use). */
    List<String> command(PeerRuntime r) {
        return switch (r) {
            case GO -> List.of(goBinary().toString());
            case PYTHON -> List.of(python(), peers().resolve("python").resolve("concur_peer.py").toString());
            case NODE -> List.of(node(), peers().resolve("node").resolve("concur-peer.js").toString());
        };
    }

    /** What the runtime says it is ({@code go1.19.8}, {@code Python 3.11.2}), for the report. */
    String version(PeerRuntime r) {
        return runtimeVersions.get(r.name());
    }

    private String python() {
        String p = env.get("CONCUR_PYTHON");
        // Debian's python3 first: the python3-* packages (joblib, dask, twisted, celery) install there
        for (String c : p != null ? List.of(p) : List.of("/usr/bin/python3", "python3")) {
            String path = c.contains("/") ? (Files.isExecutable(Path.of(c)) ? c : null) : which(c);
            if (path == null) continue;
            String v = run(List.of(path, "--version"), 10);
            if (v != null && v.startsWith("Python 3")) {
                runtimeVersions.put(PeerRuntime.PYTHON.name(), v.trim());
                return path;
            }
        }
        throw new IllegalStateException("python3 not found: " + PeerRuntime.PYTHON.install());
    }

    private String node() {
        String path = which("node");
        String v = path == null ? null : run(List.of(path, "--version"), 10);
        if (v == null) throw new IllegalStateException("node not found on PATH: " + PeerRuntime.NODE.install());
        int major = Integer.parseInt(v.trim().replaceFirst("^v", "").split("\\.")[0]);
        if (major < 18) throw new IllegalStateException("node " + v.trim() + " is too old (18 or newer): " + PeerRuntime.NODE.install());
        runtimeVersions.put(PeerRuntime.NODE.name(), "Node.js " + v.trim());
        return path;
    }

    /** Builds the Go program when it is missing or older than its sources. */
    private Path goBinary() {
        String go = which("go");
        if (go == null) throw new IllegalStateException("go not found on PATH: " + PeerRuntime.GO.install());
        String v = run(List.of(go, "env", "GOVERSION"), 30);
        runtimeVersions.put(PeerRuntime.GO.name(), v == null ? "go" : v.trim());
        Path src = peers().resolve("go");
        Path bin = home.resolve("target").resolve("peers").resolve("concur-peer-go");
        try {
            if (!Files.isExecutable(bin) || newestSource(src) > Files.getLastModifiedTime(bin).toMillis()) {
                Files.createDirectories(bin.getParent());
                List<String> build = List.of(go, "build", "-o", bin.toString(), ".");
                ProcessBuilder pb = new ProcessBuilder(build).directory(src.toFile()).redirectErrorStream(true);
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("go build failed: " + out.lines().findFirst().orElse("(no output)"));
                }
            }
            return bin;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the Go peer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the Go peer");
        }
    }

    private static long newestSource(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long newest = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
            return newest;
        }
    }

    private String pythonProblem(String module, String install) {
        String python = commands.get(PeerRuntime.PYTHON).get(0);
        String out = run(List.of(python, "-c", "import " + module), 60);
        return out != null ? null : "Python module " + module + " not found for " + python + ": " + install;
    }

    private String npmProblem(String pkg, String install) {
        Path p = peers().resolve("node").resolve("node_modules").resolve(pkg).resolve("package.json");
        return Files.isRegularFile(p) ? null : "npm package " + pkg + " not installed: " + install;
    }

    /** An executable named {@code name} on PATH, or {@code null}. */
    String which(String name) {
        String path = env.get("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p.toString();
        }
        return null;
    }

    /** The command's stdout when it exits 0 within {@code seconds}, else {@code null}. */
    private String run(List<String> cmd, int seconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("PATH", env.getOrDefault("PATH", ""));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
