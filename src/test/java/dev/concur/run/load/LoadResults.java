package dev.concur.run.load;

import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.Ceiling;
import dev.concur.result.LoadReport.Latency;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.LoadReport.PerRequest;
import dev.concur.result.LoadReport.Requests;
import dev.concur.result.LoadReport.Server;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-made {@code concur load} results for tests of what reads them (the lecture's rules, the
 * charts, a lecture rendered end to end): one result per server process, with the figures a
 * reader uses and the rest consistent with them.
 */
public final class LoadResults {
    public static final String SHARING = "server on CPUs 0, generator (concur) on CPUs 1";
    private static final long BASE_RSS = 60_000_000L;

    private LoadResults() {}

    /** Process {@code process} of {@code hold}: {@code n} idle connections at {@code memoryBytes} each, {@code threads} threads. */
    public static LoadResult hold(String model, int process, int n, double memoryBytes, int threads) {
        Server server = new Server(BASE_RSS, BASE_RSS + Math.round(memoryBytes * n), Math.min(threads, 20), threads, 8, 8 + n,
                0.2);
        return new LoadResult("hold", model, process, "ok", List.of(), n, 0, 0, "hold", 100.0, 5, new Requests(n + 500, n + 500,
                0, 0, 0, 0, 0, 0, null), 100.0, null, new Latency("intended", 500, 900, 1_200, 2_000, 3_000, 4_000, 1_000), 40.0,
                server, new PerRequest(null, memoryBytes, 0.3), null, null, SHARING, null);
    }

    /**
     * Process {@code process} of {@code wait} (or another closed-loop experiment): {@code achieved} answers per
     * second at {@code c} connections, each waiting {@code waitMicros}, against a ceiling of {@code ceiling} per second.
     */
    public static LoadResult closed(String experiment, String model, int process, int c, long waitMicros, double ceiling,
                                    double achieved, int threads) {
        double seconds = 5 + waitMicros / 1e6;
        long ok = Math.round(achieved * seconds);
        double waitMs = waitMicros / 1000.0;
        Server server = new Server(BASE_RSS, BASE_RSS + 2_000_000, threads, threads, 8 + c, 8 + c, ok * 40e-6);
        return new LoadResult(experiment, model, process, "ok", List.of(), c, waitMicros, 0, "closed", null, seconds,
                new Requests(ok, ok, 0, 0, 0, 0, 0, 0, null), achieved, new Ceiling(ceiling, String.format(Locale.ROOT,
                "%,d connections / %s", c, waitMs >= 1000 ? waitMs / 1000 + " s" : waitMs + " ms")),
                new Latency("sent", ok, c / achieved * 1e6, c / achieved * 1.02e6, c / achieved * 1.05e6, c / achieved * 1.1e6,
                        c / achieved * 1.2e6, c / achieved * 1e6), 40.0, server, new PerRequest(40.0, null, null), null, null, SHARING, null);
    }

    /** Process {@code process} of {@code rate}: latency percentiles in microseconds, {@code status} ok or degraded. */
    public static LoadResult rate(String model, int process, int c, long waitMicros, double offered, String status, double p50,
                                  double p90, double p99, double p999, double max) {
        double achieved = status.equals("degraded") ? offered * 0.8 : offered;
        long ok = Math.round(achieved * 5);
        return new LoadResult("rate", model, process, status, status.equals("ok") ? List.of()
                : List.of("achieved 800 of 1000 requests/s offered (80.0 %): the server could not keep up"), c, waitMicros, 0, "open", offered, 5,
                new Requests(ok, ok, 0, 0, 0, 0, 0, 0, null), achieved, new Ceiling(c / (waitMicros / 1e6), c + " connections"),
                new Latency("intended", ok, p50, p90, p99, p999, max, p50 * 1.01), 40.0,
                new Server(BASE_RSS, BASE_RSS, 10, 10, 8 + c, 8 + c, ok * 40e-6), new PerRequest(40.0, null, null), null, null,
                SHARING, null);
    }

    /** {@code r} as a server that did not keep up: the same figures, status {@code degraded} and why. */
    public static LoadResult degraded(LoadResult r, String why) {
        return new LoadResult(r.experiment(), r.model(), r.process(), "degraded", List.of(why), r.connections(), r.waitMicros(),
                r.workRounds(), r.loop(), r.offeredRate(), r.seconds(), r.requests(), r.achievedRate(), r.ceiling(), r.latency(),
                r.sendLagP99Micros(), r.server(), r.perRequest(), r.hostile(), r.settings(), r.sharing(), r.crossCheck());
    }

    /** A model that could not run here: one result, as {@code LoadRun} records a skip. */
    public static LoadResult skipped(String experiment, String model, int c, String why) {
        return new LoadResult(experiment, model, 1, "skipped", List.of(why), c, 0, 0, null, null, 0, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** A process that ran and was not a measurement ({@code invalid} or {@code failed}). */
    public static LoadResult failed(String experiment, String model, int process, int c, String status, String why) {
        return new LoadResult(experiment, model, process, status, List.of(why), c, 0, 0, null, null, 0, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** A finished report of {@code results}. */
    public static LoadReport report(List<LoadResult> results) {
        return new LoadReport(LoadReport.SCHEMA, "test", "2026-01-15T10:00:00Z", "complete", Map.of("cpusAllowed", 2),
                Map.of("processes", 3), results);
    }
}
