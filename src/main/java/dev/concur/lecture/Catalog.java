package dev.concur.lecture;

import dev.concur.input.Choices;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiments the lecture runs, sized so that {@code --quick} stays under 5 minutes on 2 cores
 * and the full lecture under 15. Sizes are chosen per question: sequential io small enough to run
 * at all (50 × 10 ms), CPU work small enough for CPython (which is ~80× slower per round), 100,000
 * waiting tasks (and 1,000,000 in the full lecture) for memory per task.
 */
public final class Catalog {
    private static final long MS = 1_000_000L;
    /** Each claim lists the experiments it reads; the lecture runs only those of the chosen questions. */
    public static final List<String> QUESTIONS = List.of("1.1", "1.2", "1.3", "1.4", "1.5");

    private Catalog() {}

    /** The experiment list, in run order. */
    public static List<Experiment> experiments(boolean quick) {
        List<Experiment> out = new ArrayList<>();
        // memory per task: every task waits 1 s, so all of them are alive at once. Each fork measures
        // its FIRST batch only (no warm-up): a runtime keeps the memory it freed (Go's stack pool,
        // CPython's arenas, the JVM's heap), so a later batch of the same process would look cheaper
        Choices weight = choices("go-goroutine,python-asyncio,virtual,eventloop", "io", 100_000, 1000 * MS, null, null,
                null, 3, 0, 1, 1000 * MS);
        out.add(new Experiment("weight", weight, false));
        if (!quick) {
            out.add(new Experiment("weight-1m", withTasks(weight, 1_000_000), false));
        }
        // a pool of 1,000 threads (not the default 200): 10 waves of 100 ms, not 50, so that one pool batch takes 1 s
        out.add(withThreads(exp("io", quick, "go-goroutine,python-asyncio,node-eventloop,virtual,eventloop,reactive,platform,platform-per-task",
                "io", 10_000, 100 * MS, null, null), 1000));
        // tasks of ~1 ms (batches of ~40 ms): shorter ones are dominated by waking threads and JIT noise
        out.add(exp("cpu-cores", quick, "sequential,platform,virtual,eventloop,go-goroutine",
                "cpu", 40, null, 400_000L, List.of(1, 2)));
        // CPython computes the same kernel ~80x slower: its own, smaller batch (a speedup is a ratio of one model's times)
        out.add(exp("cpu-cores-py", quick, "python-asyncio", "cpu", 40, null, 50_000L, List.of(1, 2)));
        out.add(exp("lag", quick, "eventloop", "io,mixed,cpu", null, null, null, null));
        out.add(exp("pertask", quick, "platform,platform-per-task,forkjoin", "cpu", null, null, null, null));
        out.add(exp("race", quick, "sequential,platform,virtual,forkjoin,eventloop,reactive", "race", null, null, null, null));
        out.add(exp("pipeline", quick, "go-goroutine,python-asyncio,node-eventloop,node-rxjs,virtual,eventloop,reactive,platform",
                "pipeline", 2000, null, 200L, null));
        out.add(traced(exp("seqpar-io", quick, "sequential,forkjoin,virtual,eventloop", "io", 50, 10 * MS, null, List.of(1, 2))));
        out.add(traced(exp("seqpar-cpu", quick, "sequential,forkjoin,virtual,eventloop", "cpu", 40, null, 400_000L, List.of(1, 2))));
        String python = "python-sequential,python-asyncio,python-threading,python-multiprocessing,python-joblib,python-dask,"
                + "python-twisted,python-celery";
        out.add(exp("python-io", quick, python, "io", 50, 10 * MS, null, null));
        out.add(exp("python-cpu", quick, python, "cpu", 40, null, 50_000L, null));
        return out;
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
                2, c.warmup(), c.iterations(), c.timeNanos(), 60_000L * MS, c.timeoutNanos(), c.precisionPct());
    }

    /**
     * An experiment; with {@code quick}, 1 fork of 3 warm-up and 10 measured iterations of 100 ms
     * (enough for a 99.9 % interval, not for precision), otherwise concur's quick profile.
     */
    private static Experiment exp(String id, boolean quick, String models, String workloads, Integer tasks, Long latency,
                                  Long work, List<Integer> cores) {
        Choices c = quick ? choices(models, workloads, tasks, latency, work, cores, null, 1, 3, 10, 100 * MS)
                : choices(models, workloads, tasks, latency, work, cores, null, null, null, null, null);
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
