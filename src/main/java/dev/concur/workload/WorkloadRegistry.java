package dev.concur.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every workload by name, in the order {@code all} runs them. One line registers a new one. */
public final class WorkloadRegistry {
    private static final long MS = 1_000_000L;
    private static final Map<String, Workload> BY_NAME = new LinkedHashMap<>();

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
    }

    private WorkloadRegistry() {}

    private static void register(Workload w) {
        BY_NAME.put(w.name(), w);
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<Workload> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Workload get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown workload: " + name));
    }

    private record Simple(String name, String description, WorkloadParams defaults,
                          boolean usesLatency, boolean usesWork) implements Workload {}
}
