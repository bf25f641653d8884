package dev.concur.lecture;

import dev.concur.input.Choices;
import dev.concur.input.Durations;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One measurement the lecture makes, kept as {@code json/ID.json} and read by the claims that cite
 * it: a {@code concur bench} run with fixed choices, or a {@code concur load} run against a server
 * per model ({@link Load}).
 *
 * @param id      short name, also the report's file name
 * @param choices the models, workloads, sizes, cores and profile; {@code null} for a load run
 * @param trace   whether each benchmark also records a timeline ({@code --trace})
 * @param load    the {@code concur load} run, or {@code null} for a bench run
 */
public record Experiment(String id, Choices choices, boolean trace, Load load) {

    /** A {@code concur bench} run. */
    public Experiment(String id, Choices choices, boolean trace) {
        this(id, choices, trace, null);
    }

    /** A {@code concur load} run. */
    public static Experiment load(String id, Load load) {
        return new Experiment(id, null, false, load);
    }

    public boolean isLoad() {
        return load != null;
    }

    /** The command that repeats this experiment by hand. */
    public String command() {
        if (load != null) return load.command();
        return "concur bench " + choices.asOptions().strip() + (trace ? " --trace" : "");
    }

    /**
     * A {@code concur load} run of one experiment: every model's server in its own processes, {@code processes}
     * of them per model and connection count, each started afresh.
     *
     * @param experiment  {@code hold}, {@code wait} or {@code rate}
     * @param models      server models (docs/servers.md)
     * @param connections connection counts, one run each
     * @param waitMicros  the handler's wait per request (wait, rate); 0 for hold
     * @param rate        requests per second offered (rate), else {@code null}
     * @param processes   server processes per model and connection count
     * @param warmupNanos load before each measured phase (wait, rate)
     * @param durationNanos the measured phase (for hold: the probe's)
     */
    public record Load(String experiment, List<String> models, List<Integer> connections, long waitMicros, Double rate,
                       int processes, long warmupNanos, long durationNanos) {
        public Load {
            models = List.copyOf(models);
            connections = List.copyOf(connections);
        }

        /** {@code concur load} with these settings; the rest are its defaults. */
        public String command() {
            StringBuilder sb = new StringBuilder("concur load --experiment ").append(experiment).append(" --models ")
                    .append(String.join(",", models)).append(" --connections ")
                    .append(connections.stream().map(String::valueOf).collect(Collectors.joining(",")));
            boolean hold = experiment.equals("hold");
            if (!hold) sb.append(" --wait ").append(Durations.format(waitMicros * 1000));
            if (rate != null) sb.append(" --rate ").append(String.format(Locale.ROOT, "%.0f", rate));
            if (!hold) sb.append(" --warmup ").append(Durations.format(warmupNanos));
            return sb.append(" --duration ").append(Durations.format(durationNanos)).append(" --processes ").append(processes).toString();
        }
    }
}
