package dev.concur.peer;

import dev.concur.model.Caps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every peer model by name, in the order {@code --model=peers} runs them: per runtime, its
 * sequential baseline first. Peers are never part of {@code all} (the default matrix stays the
 * JVM's); {@code peers} selects them all, or name them one by one.
 *
 * <p>The caps say what each program really allows at once, the numbers the estimate, the skip
 * rule and efficiency use: a process pool of {@code cores} waits {@code cores} tasks at a time; a
 * thread pool under Python's GIL computes one task at a time however many threads it has; an
 * event loop waits for all and computes one.
 */
public final class PeerModels {
    private static final Set<String> ALL = Set.of("io", "cpu", "mixed", "pipeline");
    /** Process pools: the pipeline's bounded channels do not cross processes in these programs. */
    private static final Set<String> NO_PIPELINE = Set.of("io", "cpu", "mixed");
    /** The models that can hold all N tasks at once also run hold, whose start gate needs N alive to open. */
    private static final Set<String> HOLDS_N = Set.of("io", "cpu", "mixed", "pipeline", "hold");
    private static final Map<String, PeerModel> BY_NAME = new LinkedHashMap<>();

    static {
        // Go: goroutines on GOMAXPROCS = cores OS threads
        add(new PeerModel("go-sequential", PeerRuntime.GO, "Go: every task on one goroutine, one after another (Go's baseline)",
                (s, n) -> new Caps(1, 1, 1, "one goroutine"), ALL, List.of(), List.of(), null));
        add(new PeerModel("go-goroutine", PeerRuntime.GO, "Go: a goroutine per task, sync.WaitGroup; waits are time.Sleep",
                (s, n) -> new Caps(n, Math.min(n, s.cores()), s.cores(), "every goroutine can wait; GOMAXPROCS = cores run"),
                HOLDS_N, List.of(), List.of(), null));
        add(new PeerModel("go-pool", PeerRuntime.GO, "Go: --threads goroutines fed by a channel (a worker pool)",
                (s, n) -> new Caps(Math.min(n, s.threads()), Math.min(Math.min(n, s.threads()), s.cores()), s.cores(),
                        "--threads workers wait; GOMAXPROCS = cores run"), ALL, List.of(), List.of(), null));
        // Python: the GIL lets one thread run Python code at a time
        add(new PeerModel("python-sequential", PeerRuntime.PYTHON, "Python: every task in one thread, one after another (Python's baseline)",
                (s, n) -> new Caps(1, 1, 1, "one thread"), ALL, List.of(), List.of(), null));
        add(new PeerModel("python-asyncio", PeerRuntime.PYTHON, "Python: asyncio.gather on one event loop; waits are asyncio.sleep",
                (s, n) -> new Caps(n, 1, 1, "every coroutine can wait; one loop thread computes"), HOLDS_N, List.of(), List.of(), null));
        add(new PeerModel("python-threading", PeerRuntime.PYTHON, "Python: ThreadPoolExecutor(--threads); the GIL runs one at a time",
                (s, n) -> new Caps(Math.min(n, s.threads()), 1, Math.min(n, s.threads()) + 1,
                        "--threads threads wait; the GIL lets one compute"), ALL, List.of(), List.of(), null));
        add(new PeerModel("python-multiprocessing", PeerRuntime.PYTHON, "Python: multiprocessing.Pool(cores): a process per core",
                (s, n) -> new Caps(Math.min(n, s.cores()), Math.min(n, s.cores()), 2 * s.cores() + 4,
                        "cores worker processes, each waits or computes one task"), NO_PIPELINE, List.of(), List.of(), null));
        add(new PeerModel("python-joblib", PeerRuntime.PYTHON, "Python: joblib.Parallel(n_jobs=cores), its default loky process backend",
                (s, n) -> new Caps(Math.min(n, s.cores()), Math.min(n, s.cores()), 4 * s.cores() + 8,
                        "cores worker processes"), NO_PIPELINE, List.of("joblib"), List.of(), "apt-get install python3-joblib"));
        add(new PeerModel("python-dask", PeerRuntime.PYTHON, "Python: dask.delayed + dask.compute(scheduler=\"processes\") on a pool of cores processes",
                (s, n) -> new Caps(Math.min(n, s.cores()), Math.min(n, s.cores()), 4 * s.cores() + 8,
                        "dask's local process scheduler: cores worker processes"), NO_PIPELINE, List.of("dask"), List.of(),
                "apt-get install python3-dask"));
        add(new PeerModel("python-twisted", PeerRuntime.PYTHON, "Python: one Twisted reactor; waits are deferLater",
                (s, n) -> new Caps(n, 1, 2, "every Deferred can wait; the reactor thread computes"), HOLDS_N, List.of("twisted"),
                List.of(), "apt-get install python3-twisted"));
        add(new PeerModel("python-celery", PeerRuntime.PYTHON, "Python: a Celery worker (prefork, concurrency = cores) and a Redis broker on loopback",
                (s, n) -> new Caps(Math.min(n, s.cores()), Math.min(n, s.cores()), 4 * s.cores() + 16,
                        "cores prefork worker processes, tasks through Redis"), NO_PIPELINE, List.of("celery", "redis"),
                List.of("redis-server"), "apt-get install python3-celery python3-redis redis-server"));
        // Node.js: one event loop per isolate
        add(new PeerModel("node-sequential", PeerRuntime.NODE, "Node.js: every task awaited one after another (Node's baseline)",
                (s, n) -> new Caps(1, 1, 1, "one task at a time"), ALL, List.of(), List.of(), null));
        add(new PeerModel("node-eventloop", PeerRuntime.NODE, "Node.js: Promise.all on the event loop; waits are setTimeout",
                (s, n) -> new Caps(n, 1, 1, "every promise can wait; the loop computes"), HOLDS_N, List.of(), List.of(), null));
        add(new PeerModel("node-workers", PeerRuntime.NODE, "Node.js: a worker_threads pool of cores, each worker its own event loop",
                (s, n) -> new Caps(n, Math.min(n, s.cores()), s.cores() + 1, "every task can wait; one worker per core computes"),
                NO_PIPELINE, List.of(), List.of(), null));
        add(new PeerModel("node-rxjs", PeerRuntime.NODE, "Node.js: RxJS, mergeMap over timer(); the pipeline as operators with a promise hop per stage, no back-pressure",
                (s, n) -> new Caps(n, 1, 1, "every inner observable can wait; the loop computes"), ALL, List.of("rxjs"),
                List.of(), "npm ci --prefix src/peers/node"));
    }

    /**
     * The race workloads run where the tasks share one process's memory: Go's models, Python's
     * sequential, asyncio and threading, and Node's main loop. Process pools share no counter, and
     * node-workers' threads share no JavaScript object.
     */
    private static final Set<String> RACES = Set.of("race", "race-await");

    static {
        for (String m : List.of("go-sequential", "go-goroutine", "go-pool", "python-sequential", "python-asyncio",
                "python-threading", "node-sequential", "node-eventloop")) {
            PeerModel p = BY_NAME.get(m);
            Set<String> w = new java.util.HashSet<>(p.workloads());
            w.addAll(RACES);
            add(new PeerModel(p.name(), p.runtime(), p.description(), p.caps(), Set.copyOf(w), p.requirements(),
                    p.services(), p.install()));
        }
    }

    /** EventEmitter's two forms run on Node's one loop, where emit() and setImmediate are what they measure. */
    private static final Set<String> EMITS = Set.of("emit", "emit-deferred");

    static {
        PeerModel p = BY_NAME.get("node-eventloop");
        Set<String> w = new java.util.HashSet<>(p.workloads());
        w.addAll(EMITS);
        add(new PeerModel(p.name(), p.runtime(), p.description(), p.caps(), Set.copyOf(w), p.requirements(), p.services(),
                p.install()));
    }

    private PeerModels() {}

    private static void add(PeerModel m) {
        BY_NAME.put(m.name(), m);
    }

    /** Every peer model's name, in run order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<PeerModel> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static boolean isPeer(String name) {
        return BY_NAME.containsKey(name);
    }
}
