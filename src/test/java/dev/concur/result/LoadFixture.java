package dev.concur.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concur.result.LoadReport.Ceiling;
import dev.concur.result.LoadReport.CrossCheck;
import dev.concur.result.LoadReport.HostileClient;
import dev.concur.result.LoadReport.Latency;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.LoadReport.PerRequest;
import dev.concur.result.LoadReport.Requests;
import dev.concur.result.LoadReport.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Load reports built from the records, as {@code concur load} writes them: a seeded fake run of
 * every experiment (with an invalid, a degraded, a disagreeing, a failed and a skipped process),
 * and single results for the gate's tests.
 */
public final class LoadFixture {
    public static final String SHARING = "server on CPUs 0, generator (concur) on CPUs 1";

    private LoadFixture() {}

    /** A whole run: hold, wait, rate, cpu, wrk and hostile over a few models, 3 processes each, seeded. */
    public static LoadReport report(long seed) {
        Random rnd = new Random(seed);
        List<LoadResult> rs = new ArrayList<>();
        for (int p = 1; p <= 3; p++) rs.add(hold("virtual", p, 1000, jitter(rnd, 1_310), 18, jitter(rnd, 0.42), jitter(rnd, 180), jitter(rnd, 420)));
        for (int p = 1; p <= 3; p++) {
            LoadResult r = hold("platform-per-connection", p, 1000, jitter(rnd, 10_900), 1_017, jitter(rnd, 0.95), jitter(rnd, 230), jitter(rnd, 900));
            rs.add(p == 2 ? with(r, "invalid", "the server closed 12 idle connections") : r);
        }
        for (String m : List.of("virtual", "platform", "eventloop")) {
            double rate = m.equals("platform") ? 1_990 : 9_850;
            for (int p = 1; p <= 3; p++) {
                rs.add(measured("wait", m, p, 1000, 100_000, jitter(rnd, rate), jitter(rnd, 101_200), jitter(rnd, m.equals("platform") ? 503_000 : 104_800)));
            }
        }
        rs.add(skipped("wait", "go-http", 1, 1000, "go is not installed: no go on the PATH"));
        for (int p = 1; p <= 3; p++) rs.add(measured("rate", "virtual", p, 1000, 100_000, jitter(rnd, 4_998), jitter(rnd, 100_900), jitter(rnd, 118_000)));
        for (int p = 1; p <= 3; p++) {
            LoadResult r = measured("rate", "platform", p, 1000, 100_000, p == 3 ? 902 : jitter(rnd, 999), jitter(rnd, 102_000), jitter(rnd, 161_000));
            rs.add(p == 3 ? with(r, "degraded", "achieved 902 of 1000 requests/s offered (90.2 %): the server could not keep up") : r);
        }
        for (int p = 1; p <= 3; p++) rs.add(measured("cpu", "virtual", p, 1000, 0, jitter(rnd, 1_880), jitter(rnd, 520_000), jitter(rnd, 610_000)));
        for (int p = 1; p <= 2; p++) rs.add(measured("cpu", "eventloop", p, 1000, 0, jitter(rnd, 960), jitter(rnd, 1_040_000), jitter(rnd, 1_090_000)));
        rs.add(failed("cpu", "eventloop", 3, 1000, "the server exited during the run; see results/load.json.logs/eventloop-cpu-1000-3.log"));
        for (int p = 1; p <= 3; p++) {
            LoadResult r = measured("wrk", "virtual", p, 100, 100_000, p == 2 ? 985 : jitter(rnd, 985), jitter(rnd, 101_000), jitter(rnd, 106_000));
            if (p == 2) {
                r = with(r, "disagree", "concur measured 985 answers/s and wrk 850: 1.16×, more than 10 % apart");
                r = crossCheck(r, new CrossCheck("wrk", r.crossCheck().command(), 850, 0, 118_000.0, 131_000.0, 1.16));
            }
            rs.add(r);
        }
        rs.add(hostile("virtual", 1, true));
        rs.add(with(hostile("eventloop", 1, false), "invalid", "silent: ordinary requests were not all answered after it"));
        return report("complete", rs);
    }

    /** A report of {@code results}, with this fixture's environment and config. */
    public static LoadReport report(String termination, List<LoadResult> results) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpusAllowed", 2);
        env.put("serverCpus", "0");
        env.put("generatorCpus", "1");
        env.put("somaxconn", "4096");
        env.put("tcpMaxSynBacklog", "1024");
        env.put("ephemeralPorts", "32768 60999");
        env.put("openFilesLimit", "1024 soft, 1048576 hard");
        env.put("kernel", "6.1.0-test");
        env.put("java", "25.0.3+9-LTS");
        env.put("taskset", true);
        env.put("nanosPerRound", 2.5);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("experiments", List.of("hold", "wait", "rate", "cpu", "wrk", "hostile"));
        config.put("models", List.of("virtual", "platform", "platform-per-connection", "eventloop", "go-http"));
        config.put("connections", List.of(1000));
        config.put("waitMicros", 100_000);
        config.put("cpuMicros", 1000);
        config.put("rate", null);
        config.put("durationSeconds", 10.0);
        config.put("warmupSeconds", 3.0);
        config.put("timeoutSeconds", 10.0);
        config.put("processes", 3);
        config.put("threads", 200);
        config.put("backlog", 4096);
        config.put("maxConnections", 0);
        config.put("serverJvmFlags", List.of("-XX:+UseG1GC", "-Xmx2g"));
        config.put("sharing", SHARING);
        return new LoadReport(LoadReport.SCHEMA, "0.9.0-test", "2026-01-15T10:00:00Z", termination, env, config, List.copyOf(results));
    }

    /** One measured closed-loop (wait, cpu, wrk) or open-loop (rate) result. */
    public static LoadResult measured(String experiment, String model, int process, int connections, long waitMicros,
            double rate, double p50, double p99) {
        boolean open = experiment.equals("rate");
        long sent = Math.round(rate * 10);
        long work = experiment.equals("cpu") ? 400_000 : 0;
        Ceiling ceiling = switch (model) {
            case "platform" -> waitMicros > 0 ? new Ceiling(200 * 1e6 / waitMicros, "200 pool threads / 100 ms") : null;
            case "eventloop" -> experiment.equals("cpu") ? new Ceiling(1000, "one loop thread / 1.00 ms of CPU") : new Ceiling(10_000, "1,000 connections / 100 ms");
            default -> experiment.equals("cpu") ? new Ceiling(2000, "2 cores / 1.00 ms of CPU") : new Ceiling(connections * 1e6 / waitMicros, String.format(java.util.Locale.ROOT, "%,d connections / 100 ms", connections));
        };
        CrossCheck cross = experiment.equals("wrk")
                ? new CrossCheck("wrk", "-t1 -c100 -d10s --latency http://127.0.0.1:41234/task/1?wait=100000", round(rate * 0.99), 0,
                        round(p50 * 1.01), round(p99 * 1.02), 1.01)
                : null;
        return new LoadResult(experiment, model, process, "ok", List.of(), connections, waitMicros, work, open ? "open" : "closed",
                open ? (model.equals("platform") ? 1000.0 : 5000.0) : null, 10.0, new Requests(sent, sent, 0, 0, 0, 0, 0, 0, null),
                rate, ceiling, latency(open ? "intended" : "sent", sent, p50, p99), 180.0,
                new Server(88_000_000, 120_000_000, 30, 30, 1_020, 1_020, round(rate * 10 * 45e-6)),
                new PerRequest(45.0, null, null), null, settings(model), SHARING, cross);
    }

    /** A hold result: memory per connection, threads, descriptors, opening time and the probe's latency. */
    public static LoadResult hold(String model, int process, int connections, double memoryBytes, int threads, double openSeconds,
            double p50, double p99) {
        long rssBefore = 80_000_000;
        return new LoadResult("hold", model, process, "ok", List.of(), connections, 0, 0, "hold", 100.0, 10.0,
                new Requests(connections + 1000, connections + 1000, 0, 0, 0, 0, 0, 0, null), 100.0, null,
                latency("intended", 1000, p50, p99), 150.0,
                new Server(rssBefore, rssBefore + Math.round(memoryBytes * connections), threads, threads, 20, 20 + connections, 0.8),
                new PerRequest(null, memoryBytes, openSeconds), null, settings(model), SHARING, null);
    }

    public static LoadResult hostile(String model, int process, boolean servedAfterSilent) {
        List<HostileClient> clients = List.of(
                new HostileClient("silent", "200 silent connections: 200 still open after the ordinary requests; "
                        + (servedAfterSilent ? 20 : 0) + " of 20 ordinary requests answered", servedAfterSilent),
                new HostileClient("malformed", "answered 'HTTP/1.1 400 Bad Request', then closed the connection; 20 of 20 ordinary requests answered", true),
                new HostileClient("leaves-mid-answer", "50 clients reset their connection before the answer; 20 of 20 ordinary requests answered after", true),
                new HostileClient("over-the-limit", "120 connections against a limit of 100: 100 answered, 20 closed or refused; after they left, 20 of 20 ordinary requests answered", true));
        return new LoadResult("hostile", model, process, "ok", List.of(), 100, 0, 0, null, null, 0, null, null, null, null, null,
                new Server(80_000_000, 81_000_000, 20, 20, 22, 22, 0.1), new PerRequest(null, null, null), clients, settings(model),
                SHARING, null);
    }

    public static LoadResult skipped(String experiment, String model, int process, int connections, String why) {
        return new LoadResult(experiment, model, process, "skipped", List.of(why), connections, 0, 0, null, null, 0, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    public static LoadResult failed(String experiment, String model, int process, int connections, String why) {
        return new LoadResult(experiment, model, process, "failed", List.of(why), connections, 0, 0, null, null, 0, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** {@code r} with another status and one more reason. */
    public static LoadResult with(LoadResult r, String status, String why) {
        List<String> reasons = new ArrayList<>(r.why());
        reasons.add(why);
        return new LoadResult(r.experiment(), r.model(), r.process(), status, List.copyOf(reasons), r.connections(), r.waitMicros(),
                r.workRounds(), r.loop(), r.offeredRate(), r.seconds(), r.requests(), r.achievedRate(), r.ceiling(), r.latency(),
                r.sendLagP99Micros(), r.server(), r.perRequest(), r.hostile(), r.settings(), r.sharing(), r.crossCheck());
    }

    /** {@code r} with another second generator's figures. */
    public static LoadResult crossCheck(LoadResult r, CrossCheck c) {
        return new LoadResult(r.experiment(), r.model(), r.process(), r.status(), r.why(), r.connections(), r.waitMicros(),
                r.workRounds(), r.loop(), r.offeredRate(), r.seconds(), r.requests(), r.achievedRate(), r.ceiling(), r.latency(),
                r.sendLagP99Micros(), r.server(), r.perRequest(), r.hostile(), r.settings(), r.sharing(), c);
    }

    private static Latency latency(String from, long count, double p50, double p99) {
        return new Latency(from, count, round(p50), round(p50 + (p99 - p50) * 0.6), round(p99), round(p99 * 1.2), round(p99 * 1.5),
                round(p50 * 1.04));
    }

    private static JsonNode settings(String model) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("model", model);
        s.put("runtime", model.startsWith("go-") ? "go1.22" : "java 25");
        s.put("threads", model.equals("platform") ? 200 : 0);
        s.put("backlog", 4096);
        s.put("maxConnections", 0);
        s.put("idleTimeoutSeconds", 0);
        s.putArray("notes");
        return s;
    }

    /** {@code mean} with about 1 % of seeded noise, to 3 significant digits' worth of decimals. */
    public static double jitter(Random rnd, double mean) {
        return round(mean * (1 + 0.01 * rnd.nextGaussian()));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
