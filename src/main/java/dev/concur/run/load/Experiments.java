package dev.concur.run.load;

import dev.concur.result.LoadReport.Ceiling;
import dev.concur.result.LoadReport.Latency;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.LoadReport.PerRequest;
import dev.concur.result.LoadReport.Requests;
import dev.concur.result.LoadReport.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The experiments of {@code concur load}, each against one running server process:
 * <ul>
 *   <li>{@code hold}: open N keep-alive connections, one request each, then leave them idle while a
 *       probe sends a low rate on a few more: memory per connection, threads, descriptors, the
 *       probe's latency, and whether the server closed any idle connection.</li>
 *   <li>{@code wait}: every request waits D in the handler, C connections in a closed loop: the
 *       throughput against the model's Little's-law ceiling (a rate above it is a measuring error).</li>
 *   <li>{@code rate}: an open loop at a fixed rate (half the ceiling unless given): latency
 *       percentiles from each request's intended start, CPU per request.</li>
 *   <li>{@code cpu}: every request computes about a millisecond, no wait: what a model can compute
 *       at once decides, and one loop thread computes one request at a time.</li>
 * </ul>
 */
public final class Experiments {
    /** What every experiment needs to know besides the server. */
    public record Settings(int threads, int serverCores, long warmupNanos, long durationNanos, long timeoutNanos,
            double nanosPerRound, long seed) {}

    /** How long {@code hold} gives N connections to open and be answered once. */
    static final long HOLD_OPEN_NANOS = 120_000_000_000L;

    private final Settings s;

    Experiments(Settings s) {
        this.s = s;
    }

    LoadResult hold(String model, int process, ServerProcess server, int n, String sharing) throws IOException {
        InetSocketAddress a = server.address();
        pause(500);
        ProcStats before = server.stats();
        long t0 = System.nanoTime();
        // Opening N connections is itself part of the result (a thread per connection must start N threads):
        // the first answers get HOLD_OPEN_NANOS, not the usual time-out.
        try (Driver held = new Driver(a, 0, 0, HOLD_OPEN_NANOS); Driver probe = new Driver(a, 0, 0, s.timeoutNanos())) {
            int connected = held.connect(n, 512, t0 + HOLD_OPEN_NANOS);
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            held.oneEach(t0 + HOLD_OPEN_NANOS);
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "concur load:   %,d connected in %.2f s, answered in %.2f s%n", connected, connectSeconds, openSeconds);
            pause(1000);
            ProcStats after = server.stats();
            probe.connect(4, 4, System.nanoTime() + 10_000_000_000L);
            probe.openLoop(100, s.durationNanos(), true, s.seed());
            int closedIdle = held.countClosedIdle();
            ProcStats end = server.stats();
            Driver.Tally h = held.tally(), p = probe.tally();
            List<String> why = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            if (connected < n) why.add(String.format(Locale.ROOT, "only %,d of %,d connections opened (%s)", connected, n, h.firstProblem));
            if (h.ok < n) why.add(String.format(Locale.ROOT, "%,d of %,d held connections answered correctly", h.ok, n));
            if (closedIdle + h.closedByServer > 0)
                why.add(String.format(Locale.ROOT, "the server closed %,d idle connections", closedIdle + h.closedByServer));
            addProblems(bad, why, h, "held");
            addProblems(bad, why, p, "probe");
            Requests r = new Requests(h.sent + p.sent, h.ok + p.ok, h.wrong + p.wrong, h.errors + p.errors, h.timeouts + p.timeouts,
                    h.unsent + p.unsent, h.connectFailures + p.connectFailures, h.closedByServer + p.closedByServer + closedIdle,
                    h.firstProblem != null ? h.firstProblem : p.firstProblem);
            Double mem = connected > 0 && server.local() ? (double) (after.rssBytes() - before.rssBytes()) / connected : null;
            return new LoadResult("hold", model, process, status(bad, why), join(bad, why), n, 0, 0, "hold", 100.0,
                    s.durationNanos() / 1e9, r, p.ok / (s.durationNanos() / 1e9), null, latency(p.latency, "intended"),
                    p99(p.sendLag), server(before, after, end), new PerRequest(null, mem, openSeconds), null,
                    server.settings(), sharing, null);
        }
    }

    LoadResult closed(String experiment, String model, int process, ServerProcess server, int connections, long waitMicros,
            long work, String sharing) throws IOException {
        ServerCatalog.Entry e = ServerCatalog.get(model);
        try (Driver d = new Driver(server.address(), waitMicros, work, s.timeoutNanos())) {
            int connected = d.connect(connections, 512, System.nanoTime() + 120_000_000_000L);
            d.closedLoop(s.warmupNanos());
            d.resetTally();
            ProcStats before = server.stats();
            long t0 = System.nanoTime();
            d.closedLoop(s.durationNanos());
            double seconds = (System.nanoTime() - t0) / 1e9;
            ProcStats after = server.stats();
            Driver.Tally t = d.tally();
            Ceiling ceiling = e == null ? null : ceiling(e, connected, waitMicros, work);
            double achieved = t.ok / seconds;
            List<String> why = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            if (connected < connections) why.add(String.format(Locale.ROOT, "only %,d of %,d connections opened", connected, connections));
            addProblems(bad, why, t, null);
            if (ceiling != null && achieved > ceiling.rate() * 1.05)
                bad.add(String.format(Locale.ROOT, "%.0f answers/s is above this model's ceiling of %.0f/s (%s): the measurement is wrong",
                        achieved, ceiling.rate(), ceiling.why()));
            return new LoadResult(experiment, model, process, status(bad, why), join(bad, why), connections, waitMicros, work,
                    "closed", null, seconds, requests(t), achieved, ceiling, latency(t.latency, "sent"), p99(t.sendLag),
                    server(before, after, after), new PerRequest(cpuPer(before, after, t.ok), null, null), null,
                    server.settings(), sharing, null);
        }
    }

    LoadResult rate(String model, int process, ServerProcess server, int connections, long waitMicros, long work,
            Double rate, String sharing) throws IOException {
        ServerCatalog.Entry e = ServerCatalog.get(model);
        try (Driver d = new Driver(server.address(), waitMicros, work, s.timeoutNanos())) {
            int connected = d.connect(connections, 512, System.nanoTime() + 120_000_000_000L);
            Ceiling ceiling = e == null ? null : ceiling(e, connected, waitMicros, work);
            double offered = rate != null ? rate : ceiling == null ? 100 : Math.max(1, Math.floor(ceiling.rate() / 2));
            d.openLoop(offered, s.warmupNanos(), false, s.seed());
            d.resetTally();
            ProcStats before = server.stats();
            d.openLoop(offered, s.durationNanos(), false, s.seed() + process);
            ProcStats after = server.stats();
            Driver.Tally t = d.tally();
            double seconds = s.durationNanos() / 1e9;
            double achieved = t.ok / seconds;
            List<String> why = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            addProblems(bad, why, t, null);
            if (achieved < 0.99 * offered) {
                why.add(String.format(Locale.ROOT, "achieved %.0f of %.0f requests/s offered (%.1f %%): the server could not keep up",
                        achieved, offered, 100 * achieved / offered));
            }
            return new LoadResult("rate", model, process, status(bad, why), join(bad, why), connections, waitMicros, work, "open", offered, seconds,
                    requests(t), achieved, ceiling, latency(t.latency, "intended"), p99(t.sendLag), server(before, after, after),
                    new PerRequest(cpuPer(before, after, t.ok), null, null), null, server.settings(), sharing, null);
        }
    }

    /** Little's law: at most (requests that can wait at once) / (time each takes), and what can compute at once / CPU per request. */
    Ceiling ceiling(ServerCatalog.Entry e, int connections, long waitMicros, long work) {
        double cpuSeconds = work * s.nanosPerRound() / 1e9;
        double perRequest = waitMicros / 1e6 + cpuSeconds;
        int waits = e.waits().of(connections, s.threads(), s.serverCores());
        int computes = e.computes().of(connections, s.threads(), s.serverCores());
        double byWait = perRequest > 0 ? waits / perRequest : Double.POSITIVE_INFINITY;
        double byCpu = cpuSeconds > 0 ? computes / cpuSeconds : Double.POSITIVE_INFINITY;
        if (Double.isInfinite(byWait) && Double.isInfinite(byCpu)) return null;
        if (byWait <= byCpu) {
            return new Ceiling(byWait, String.format(Locale.ROOT, "%s / %s", e.waits().explain(connections, s.threads(), s.serverCores()),
                    duration(perRequest)));
        }
        return new Ceiling(byCpu, String.format(Locale.ROOT, "%s / %s of CPU", e.computes().explain(connections, s.threads(), s.serverCores()),
                duration(cpuSeconds)));
    }

    private static String duration(double seconds) {
        return seconds >= 0.001 ? String.format(Locale.ROOT, "%.3g ms", seconds * 1e3) : String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
    }

    /**
     * {@code invalid} when the measurement cannot be trusted (a wrong answer, a rate above its ceiling);
     * {@code degraded} when the server did not keep up (errors, time-outs, connections refused or closed,
     * less than offered): its figures are what it really did, and say so; else {@code ok}.
     */
    static String status(List<String> invalid, List<String> degraded) {
        return !invalid.isEmpty() ? "invalid" : !degraded.isEmpty() ? "degraded" : "ok";
    }

    static List<String> join(List<String> invalid, List<String> degraded) {
        List<String> all = new ArrayList<>(invalid);
        all.addAll(degraded);
        return all;
    }

    private static void addProblems(List<String> bad, List<String> why, Driver.Tally t, String who) {
        String w = who == null ? "" : who + ": ";
        if (t.wrong > 0) bad.add(String.format(Locale.ROOT, "%s%,d wrong answers (%s)", w, t.wrong, t.firstProblem));
        if (t.errors > 0) why.add(String.format(Locale.ROOT, "%s%,d requests failed (%s)", w, t.errors, t.firstProblem));
        if (t.timeouts > 0) why.add(String.format(Locale.ROOT, "%s%,d requests timed out", w, t.timeouts));
    }

    private static Requests requests(Driver.Tally t) {
        return new Requests(t.sent, t.ok, t.wrong, t.errors, t.timeouts, t.unsent, t.connectFailures, t.closedByServer, t.firstProblem);
    }

    static Latency latency(Histogram h, String from) {
        if (h.getTotalCount() == 0) return null;
        return new Latency(from, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(), h.getMean());
    }

    private static Double p99(Histogram h) {
        return h.getTotalCount() == 0 ? null : (double) h.getValueAtPercentile(99);
    }

    private static Server server(ProcStats before, ProcStats after, ProcStats end) {
        if (before == ProcStats.NONE) return null;
        return new Server(before.rssBytes(), after.rssBytes(), before.threads(), after.threads(), before.fds(), after.fds(),
                end.cpuSeconds() - before.cpuSeconds());
    }

    private static Double cpuPer(ProcStats before, ProcStats after, long ok) {
        return ok == 0 || before == ProcStats.NONE ? null : (after.cpuSeconds() - before.cpuSeconds()) * 1e6 / ok;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
