package dev.concur.lecture;

import dev.concur.input.Choices;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiments the lecture runs. Every number a verdict reads comes from at least 3 processes
 * (JMH forks or peer processes), in {@code --quick} too: the process is the unit of every interval
 * ({@link Judge}). Sizes are chosen per question: sequential io small enough to run at all
 * (50 × 10 ms), CPU work small enough for CPython (which is ~80× slower per round), 100,000 tasks
 * held alive at once (and 1,000,000 in the full lecture) for memory per task.
 */
public final class Catalog {
    private static final long MS = 1_000_000L;
    /** Each claim lists the experiments it reads; the lecture runs only those of the chosen questions. */
    public static final List<String> QUESTIONS = List.of("1.1", "1.2", "1.3", "1.4", "1.5");
    /** Processes per measurement, quick or full: the fewest an interval is computed from. */
    public static final int FORKS = dev.concur.stats.Ratio.MIN_PROCESSES;
    /** --quick: warm-up and measured iterations per process, of {@link #QUICK_ITERATION_MS} ms. */
    public static final int QUICK_WARMUP = 2;
    public static final int QUICK_ITERATIONS = 5;
    public static final int QUICK_ITERATION_MS = 100;
    /** Tasks of about 50 ms of CPU in each runtime (for the lag probes): Go and Node rounds, CPython rounds. */
    private static final long LAG_WORK_NATIVE = 20_000_000L;
    private static final long LAG_WORK_CPYTHON = 250_000L;
    /** The emit experiment: events per batch, and rounds per listener call (about 5 ms in Node: a tenth of LAG_WORK_NATIVE). */
    static final int EMIT_EVENTS = 10;
    static final long EMIT_WORK = LAG_WORK_NATIVE / 10;
    /** The server models the server slides read (1.2.2, 1.5.4, 1.5.5), each an HTTP server in its own processes. */
    static final String SERVERS = "eventloop,platform-per-connection,node-http,python-asyncio,python-threading,python-twisted";
    /** Connections the server rules judge at, held idle (hold) and kept busy (wait); the full lecture adds 10,000, shown. */
    public static final int LOAD_CONNECTIONS = 1000;
    /**
     * The handler's wait in the wait experiment: 1 s, so the Little's-law ceiling (1,000 connections / 1 s = 1,000
     * answers/s) is within what one CPython core parses. At 100 ms (10,000/s) http.server's threads reached about
     * a quarter of it here and Twisted under half: each server's own cost per request in CPython (http.server's, twisted.web's), not whether it holds the connections, would decide.
     */
    public static final long LOAD_WAIT_MICROS = 1_000_000;
    /** 1.4.3's interleaving: few enough connections that the blocking loop answers each within the time-out (50 × 100 ms = 5 s). */
    public static final int INTERLEAVE_CONNECTIONS = 50;
    public static final long INTERLEAVE_WAIT_MICROS = 100_000;
    /** The latency chart's load: a tenth of the ceiling at 1,000 connections waiting 100 ms, the same offered to every model. */
    public static final double RATE = 1000;
    public static final long RATE_WAIT_MICROS = 100_000;

    private Catalog() {}

    /** The experiment list, in run order. */
    public static List<Experiment> experiments(boolean quick) {
        List<Experiment> out = new ArrayList<>();
        // memory per task: the hold workload keeps every task at a start gate until all N have started, then
        // each waits 1 s, so the peak has all N alive (each runtime counts them; a figure per task is only
        // given when it did). Each process measures its FIRST batch only (no warm-up): a runtime keeps the
        // memory it freed (Go's stack pool, CPython's arenas, the JVM's heap), so a later batch would look cheaper
        Choices weight = choices("go-goroutine,python-asyncio,virtual,eventloop", "hold", 100_000, 1000 * MS, null, null,
                null, FORKS, 0, 1, 1000 * MS);
        out.add(new Experiment("weight", weight, false));
        if (!quick) {
            out.add(new Experiment("weight-1m", withTasks(weight, 1_000_000), false));
        }
        // equal concurrency: the pool has a thread for each of the 10,000 waits, as the loop has a callback for each
        out.add(withThreads(exp("io", quick, "go-goroutine,python-asyncio,node-eventloop,virtual,eventloop,reactive,platform,platform-per-task",
                "io", 10_000, 100 * MS, null, null), 10_000));
        // tasks of ~1 ms (batches of ~40 ms): shorter ones are dominated by waking threads and JIT noise
        out.add(exp("cpu-cores", quick, "sequential,platform,virtual,eventloop,go-goroutine",
                "cpu", 40, null, 400_000L, List.of(1, 2)));
        // CPython computes the same kernel ~80x slower: its own, smaller batch (a speedup is a ratio of one model's times)
        out.add(exp("cpu-cores-py", quick, "python-asyncio", "cpu", 40, null, 50_000L, List.of(1, 2)));
        // a 5 ms probe timer beside tasks of ~50 ms of CPU, on 1 core: is it served while a task computes?
        out.add(exp("lag", quick, "eventloop", "io,cpu", 10, 50 * MS, LAG_WORK_NATIVE, List.of(1)));
        out.add(exp("lag-go", quick, "go-goroutine", "io,cpu", 10, 50 * MS, LAG_WORK_NATIVE, List.of(1)));
        out.add(exp("lag-py", quick, "python-asyncio", "io,cpu", 10, 50 * MS, LAG_WORK_CPYTHON, List.of(1)));
        out.add(exp("lag-node", quick, "node-eventloop", "io,cpu", 10, 50 * MS, LAG_WORK_NATIVE, List.of(1)));
        // the course's claim on 2 cores: sequential, 2 threads, a thread per task; batch time and each task's completion
        out.add(withThreads(exp("pertask", quick, "sequential,platform,platform-per-task", "cpu", 200, null, 400_000L,
                List.of(2)), 2));
        // read-then-write without and with a yield point between: the loop loses updates only with one
        out.add(exp("race", quick, "sequential,platform,virtual,forkjoin,eventloop,reactive", "race,race-await", null, null, null, null));
        out.add(exp("race-py", quick, "python-asyncio,python-threading", "race,race-await", null, null, null, null));
        out.add(exp("race-go", quick, "go-goroutine", "race", null, null, null, null));
        // 1 round of work per stage: the hand-off itself, not each language's arithmetic
        out.add(exp("pipeline", quick, "go-goroutine,python-asyncio,node-eventloop,node-rxjs,virtual,eventloop,reactive,platform",
                "pipeline", 2000, null, 1L, null));
        out.add(traced(exp("seqpar-io", quick, "sequential,forkjoin,virtual,eventloop", "io", 50, 10 * MS, null, List.of(1, 2))));
        out.add(traced(exp("seqpar-cpu", quick, "sequential,forkjoin,virtual,eventloop", "cpu", 40, null, 400_000L, List.of(1, 2))));
        String python = "python-sequential,python-asyncio,python-threading,python-multiprocessing,python-joblib,python-dask,"
                + "python-twisted,python-celery";
        out.add(exp("python-io", quick, python, "io", 50, 10 * MS, null, null));
        out.add(exp("python-cpu", quick, python, "cpu", 40, null, 50_000L, null));
        // a round trip with no work: one task of 1 round (~1 us in CPython; --work takes no 0) per batch, so each batch
        // is one hand-over, the task, and its result back; the direct call is the floor. Late in the list: it shifts no earlier seed
        out.add(exp("roundtrip", quick, "python-sequential,python-multiprocessing,python-celery", "cpu", 1, null, 1L, null));
        // EventEmitter: 10 events to 2 listeners of ~5 ms of CPU each, emitted at once (emit) or deferred (setImmediate),
        // on 1 core: when do the listeners run, and how late is the loop's 5 ms probe meanwhile?
        out.add(exp("emit", quick, "node-eventloop", "emit,emit-deferred", EMIT_EVENTS, null, EMIT_WORK, List.of(1)));
        // the io experiment's 10,000 waits behind a start gate (hold), so that all are alive at once and memory per task is
        // given: the 1.2 slide's memory column. Not io itself: the gate adds the starting of every task to the batch,
        // which the I/O times of 1.1 and 1.3 must not carry. Last: it shifts no earlier seed
        out.add(withThreads(exp("io-hold", quick, "eventloop,platform", "hold", 10_000, 100 * MS, null, null), 10_000));
        // the course's servers, through concur load: an HTTP server per model, 3 processes each, pinned apart from concur's
        // generator. Memory per idle connection (hold), answers per second against Little's ceiling at equal connections
        // and wait (wait), a single loop thread with and without a blocking handler (interleave), latency by percentile at
        // one offered rate (rate). Last: they run after every JMH fork, and shift no seed
        List<Integer> counts = quick ? List.of(LOAD_CONNECTIONS) : List.of(LOAD_CONNECTIONS, 10_000);
        out.add(load("load-hold", quick, "hold", SERVERS, counts, 0, null));
        out.add(load("load-wait", quick, "wait", SERVERS, counts, LOAD_WAIT_MICROS, null));
        out.add(load("load-interleave", quick, "wait", "eventloop,eventloop-blocking", List.of(INTERLEAVE_CONNECTIONS),
                INTERLEAVE_WAIT_MICROS, null));
        out.add(load("load-rate", quick, "rate", SERVERS, List.of(LOAD_CONNECTIONS), RATE_WAIT_MICROS, RATE));
        return out;
    }

    /** A concur load run of {@link #FORKS} server processes per model: 2 s of warm-up and 5 s measured with {@code quick}, else 3 s and 10 s. */
    private static Experiment load(String id, boolean quick, String experiment, String models, List<Integer> connections,
                                   long waitMicros, Double rate) {
        return Experiment.load(id, new Experiment.Load(experiment, List.of(models.split(",")), connections, waitMicros, rate, FORKS,
                (quick ? 2_000 : 3_000) * MS, (quick ? 5_000 : 10_000) * MS));
    }

    private static Experiment traced(Experiment e) {
        return new Experiment(e.id(), e.choices(), true);
    }

    private static Experiment withThreads(Experiment e, int threads) {
        Choices c = e.choices();
        return new Experiment(e.id(), new Choices(c.models(), c.workloads(), c.tasks(), c.latencyNanos(), c.work(), threads,
                c.cores(), c.profile(), c.forks(), c.warmup(), c.iterations(), c.timeNanos(), c.maxBatchNanos(), c.timeoutNanos(),
                c.precisionPct()), e.trace());
    }

    private static Choices withTasks(Choices c, int tasks) {
        return new Choices(c.models(), c.workloads(), tasks, c.latencyNanos(), c.work(), c.threads(), c.cores(), c.profile(),
                c.forks(), c.warmup(), c.iterations(), c.timeNanos(), 60_000L * MS, c.timeoutNanos(), c.precisionPct());
    }

    /**
     * An experiment of {@link #FORKS} processes; with {@code quick}, each runs {@link #QUICK_WARMUP} warm-up and
     * {@link #QUICK_ITERATIONS} measured iterations of {@link #QUICK_ITERATION_MS} ms (rough, but the interval
     * comes from the processes), otherwise concur's quick profile (adaptive warm-up, iterations of 200 ms).
     */
    private static Experiment exp(String id, boolean quick, String models, String workloads, Integer tasks, Long latency,
                                  Long work, List<Integer> cores) {
        Choices c = quick ? choices(models, workloads, tasks, latency, work, cores, null, FORKS, QUICK_WARMUP, QUICK_ITERATIONS,
                QUICK_ITERATION_MS * MS)
                : choices(models, workloads, tasks, latency, work, cores, null, FORKS, null, null, null);
        return new Experiment(id, c, false);
    }

    private static Choices choices(String models, String workloads, Integer tasks, Long latency, Long work,
                                   List<Integer> cores, String profile, Integer forks, Integer warmup, Integer iterations,
                                   Long time) {
        return new Choices(List.of(models.split(",")), List.of(workloads.split(",")), tasks, latency, work, null, cores,
                profile, forks, warmup, iterations, time, 60_000L * MS, null, null);
    }

    /** The experiments that the chosen questions' claims read. */
    public static List<Experiment> forQuestions(List<String> questions, boolean quick) {
        java.util.Set<String> needed = new java.util.HashSet<>();
        for (Claims.Claim c : Claims.ALL) if (questions.contains(c.question())) needed.addAll(c.experiments());
        return experiments(quick).stream().filter(e -> needed.contains(e.id())).toList();
    }
}
