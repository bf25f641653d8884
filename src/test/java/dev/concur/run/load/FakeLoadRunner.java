package dev.concur.run.load;

import dev.concur.result.LoadReport.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A seeded stand-in for {@link LoadRunner#real()}: no server is started and nothing is pinned. Each
 * process's figures are a fixed value per model with ±1 % noise, shaped like what the real servers
 * give (an event loop's few kilobytes per idle connection against a thread's stack, answers close to
 * Little's ceiling, a blocking loop capped at one request per wait); models in {@code missing} are
 * skipped as a peer whose runtime is not installed.
 */
public final class FakeLoadRunner implements LoadRunner {
    /** Memory per idle connection (bytes) and threads besides one per connection, per model. */
    private static final Map<String, double[]> HOLD = Map.of("eventloop", new double[] {1_900, 17}, "platform-per-connection",
            new double[] {34_000, 17}, "node-http", new double[] {3_200, 7}, "python-asyncio", new double[] {4_600, 1},
            "python-threading", new double[] {52_000, 1}, "python-twisted", new double[] {9_800, 1});
    private static final Set<String> THREAD_PER_CONNECTION = Set.of("platform-per-connection", "python-threading", "virtual");
    /** The latency a model adds to the wait, in µs: p50, p90, p99, p99.9, max. */
    private static final Map<String, double[]> ADDED = Map.of("eventloop", new double[] {300, 900, 2_000, 8_000, 30_000},
            "python-threading", new double[] {1_000, 4_000, 25_000, 120_000, 300_000});
    private static final double[] OTHERS = {600, 2_000, 6_000, 20_000, 60_000};

    /** The fake starts no server: a peer is never asked for its command. */
    private static final ServerLauncher.Peers NO_PEERS = new ServerLauncher.Peers() {
        @Override
        public List<String> argv(String model, ServerLauncher.Options o) {
            throw new IllegalStateException("the fake load runner starts no server");
        }

        @Override
        public String whyNot(String model) {
            return null;
        }
    };

    public final List<LoadRun.Plan> plans = new ArrayList<>();
    private final Random random;
    private final Set<String> missing = new java.util.HashSet<>();

    public FakeLoadRunner(long seed) {
        this.random = new Random(seed);
    }

    /** These models' servers cannot start here: skipped, as a peer whose runtime is not installed. */
    public FakeLoadRunner missing(String... models) {
        missing.addAll(List.of(models));
        return this;
    }

    @Override
    public LoadSetup setUp() {
        return LoadSetup.shared(2, NO_PEERS);
    }

    @Override
    public List<LoadResult> run(LoadRun.Plan plan, LoadSetup setup, Consumer<String> progress, Consumer<List<LoadResult>> listener) {
        plans.add(plan);
        List<LoadResult> out = new ArrayList<>();
        for (String experiment : plan.experiments()) {
            List<Integer> counts = experiment.equals("hold") ? plan.holdConnections() : plan.connections();
            for (int c : counts) {
                for (String model : plan.models()) {
                    if (missing.contains(model)) {
                        out.add(LoadResults.skipped(experiment, model, c, model + " cannot start here (FakeLoadRunner.missing)"));
                        listener.accept(List.copyOf(out));
                        continue;
                    }
                    for (int p = 1; p <= plan.processes(); p++) {
                        progress.accept(experiment + " " + model + " at " + c + " connections, process " + p + " of " + plan.processes());
                        out.add(once(experiment, model, p, c, plan));
                        listener.accept(List.copyOf(out));
                    }
                }
            }
        }
        return out;
    }

    private double noise() {
        return 1 + 0.01 * random.nextGaussian();
    }

    private LoadResult once(String experiment, String model, int p, int c, LoadRun.Plan plan) {
        double[] h = HOLD.getOrDefault(model, new double[] {5_000, 10});
        int threads = (int) h[1] + (THREAD_PER_CONNECTION.contains(model) ? c : 0);
        double waitSeconds = plan.waitMicros() / 1e6;
        return switch (experiment) {
            case "hold" -> LoadResults.hold(model, p, c, h[0] * noise(), threads);
            case "wait" -> {
                double ceiling = model.equals("eventloop-blocking") ? 1 / waitSeconds : c / waitSeconds;
                yield LoadResults.closed("wait", model, p, c, plan.waitMicros(), ceiling, ceiling * 0.985 * noise(), threads);
            }
            case "rate" -> {
                double[] a = ADDED.getOrDefault(model, OTHERS);
                double w = plan.waitMicros();
                double k = noise();   // one draw for the whole distribution: percentiles stay in order
                yield LoadResults.rate(model, p, c, plan.waitMicros(), plan.rate(), "ok", (w + a[0]) * k, (w + a[1]) * k,
                        (w + a[2]) * k, (w + a[3]) * k, (w + a[4]) * k);
            }
            default -> LoadResults.failed(experiment, model, p, c, "failed", "the fake runs hold, wait and rate only");
        };
    }
}
