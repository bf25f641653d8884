package dev.concur.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every workload by name, in the order {@code all} runs them. One line registers a new one. */
public final class WorkloadRegistry {
    private static final long MS = 1_000_000L;
    private static final Map<String, Workload> BY_NAME = new LinkedHashMap<>();
    /**
     * Workloads run when named, not part of "all" (which is the default matrix): real I/O, the pipeline,
     * the race, the start-gated hold,
     * Node's EventEmitter in its two forms.
     */
    private static final Map<String, Workload> OPT_IN = new LinkedHashMap<>();

    static {
        register(new Simple("io",
                "each task waits --latency (simulated I/O), then returns f(index)",
                new WorkloadParams(2000, 100 * MS, 0), true, false));
        register(new Simple("cpu",
                "each task runs --work rounds of a deterministic CPU kernel (~1 ms at the default)",
                new WorkloadParams(200, 0, 400_000), false, true));
        register(new Simple("mixed",
                "each task waits --latency, then runs --work rounds (a web request's shape)",
                new WorkloadParams(1000, 50 * MS, 40_000), true, true));
        OPT_IN.put("http", new HttpWorkload());
        OPT_IN.put("file", new FileWorkload());
        OPT_IN.put("pipeline", new PipelineWorkload());
        OPT_IN.put(RaceWorkload.RACE, new RaceWorkload());
        OPT_IN.put(RaceWorkload.RACE_AWAIT, new RaceWorkload(true));
        OPT_IN.put("hold", new HoldWorkload());
        OPT_IN.put(EmitWorkload.EMIT, new EmitWorkload(false));
        OPT_IN.put(EmitWorkload.EMIT_DEFERRED, new EmitWorkload(true));
    }

    private WorkloadRegistry() {}

    private static void register(Workload w) {
        BY_NAME.put(w.name(), w);
    }

    /** The workloads {@code all} means: the simulated ones of the default matrix. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Workloads selected by name only: a loopback server, the disk, the pipeline, the race, the hold, emit. */
    public static List<String> optInNames() {
        return List.copyOf(OPT_IN.keySet());
    }

    public static Optional<Workload> find(String name) {
        return Optional.ofNullable(BY_NAME.containsKey(name) ? BY_NAME.get(name) : OPT_IN.get(name));
    }

    public static Workload get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown workload: " + name));
    }

    /** The wait-then-compute shape of io, cpu and mixed: one {@link StagedTask} per index. */
    private record Simple(String name, String description, WorkloadParams defaults,
                          boolean usesLatency, boolean usesWork) implements Workload {
        @Override
        public Prepared open(WorkloadParams p) {
            WorkloadParams e = effective(p);
            List<Task> tasks = new java.util.ArrayList<>(e.tasks());
            for (int i = 0; i < e.tasks(); i++) tasks.add(new StagedTask(i, e.latencyNanos(), e.work()));
            return new Prepared(List.copyOf(tasks), () -> { });
        }
    }
}
