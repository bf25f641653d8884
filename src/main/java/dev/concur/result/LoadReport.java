package dev.concur.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What {@code concur load} writes: one report per run, rewritten atomically after every server
 * process, so a run stopped half-way keeps what it measured. Fields are documented in
 * docs/servers.md.
 *
 * @param schema        {@value #SCHEMA}
 * @param concurVersion the version that measured
 * @param timestamp     when the run started (ISO-8601)
 * @param termination   {@code running}, {@code complete}, {@code interrupted} or {@code failed}
 * @param environment   the machine: cores, CPUs each side ran on, kernel limits that decide many-connection results
 * @param config        the run's settings, as given and as resolved
 * @param results       one per server process and experiment
 */
public record LoadReport(String schema, String concurVersion, String timestamp, String termination,
        Map<String, Object> environment, Map<String, Object> config, List<LoadResult> results) {
    public static final String SCHEMA = "concur-load/1";

    /**
     * One experiment against one server process.
     *
     * @param experiment   {@code hold}, {@code wait}, {@code rate}, {@code cpu} or {@code hostile}
     * @param model        the server model ({@code virtual}, {@code go-http}, …)
     * @param process      1, 2, 3…: independent server processes of the same configuration
     * @param status       {@code ok}; {@code degraded} (the server did not keep up: errors, time-outs, refused
     *                     or closed connections, less than offered; figures are what it did); {@code invalid}
     *                     (a wrong answer, a rate above its ceiling: no figure to trust); {@code failed};
     *                     {@code skipped}; {@code disagree} (wrk only)
     * @param why          for anything but ok: the reasons, one line each
     * @param connections  connections the generator held (hold) or kept busy (wait, rate, cpu)
     * @param waitMicros   the handler's wait per request
     * @param workRounds   the handler's CPU work per request, in rounds of the kernel
     * @param loop         {@code open} (scheduled at a rate; latency from intended start),
     *                     {@code closed} (next request when the answer comes; latency from send) or
     *                     {@code hold}
     * @param offeredRate  requests per second scheduled (open loop), else {@code null}
     * @param seconds      the measured phase's length
     * @param requests     what the generator counted
     * @param achievedRate correct answers per second in the measured phase
     * @param ceiling      the most this model can answer per second at this wait and these connections
     *                     (Little's law), with how it was reached; {@code null} where none applies
     * @param latency      microseconds; for {@code hold}, the probe's
     * @param sendLagP99Micros how long after its intended start a request went out, 99th percentile: waiting for a free
     *                     connection, or a generator that could not keep up (both inside the latency)
     * @param server       the server's process tree from /proc, before and after the measured phase
     * @param perRequest   CPU per correct answer; memory per held connection; seconds to open them all
     * @param hostile      for {@code hostile}: one outcome per kind of client
     * @param settings     the server's own {@code settings} line: its runtime, the defaults it changed
     * @param sharing      how server and generator shared the machine
     * @param crossCheck   for {@code wrk}: the same load measured by a second generator
     */
    public record LoadResult(String experiment, String model, int process, String status, List<String> why,
            int connections, long waitMicros, long workRounds, String loop, Double offeredRate, double seconds,
            Requests requests, Double achievedRate, Ceiling ceiling, Latency latency, Double sendLagP99Micros,
            Server server, PerRequest perRequest, List<HostileClient> hostile, JsonNode settings, String sharing, CrossCheck crossCheck) {}

    /** The generator's counts: every request is one of ok, wrong, error, timeout, or was never sent. */
    public record Requests(long sent, long ok, long wrong, long errors, long timeouts, long unsent,
            long connectFailures, long closedByServer, String firstProblem) {}

    /**
     * @param rate the ceiling in requests per second
     * @param why  e.g. "200 threads / 100 ms", "1,000 connections / 100 ms"
     */
    public record Ceiling(double rate, String why) {}

    /** Microseconds, from HdrHistogram (3 significant digits); {@code from} is {@code intended} or {@code sent}. */
    public record Latency(String from, long count, double p50, double p90, double p99, double p999, double max, double mean) {}

    /** The server's process tree: resident bytes, threads, descriptors and CPU seconds, before and after. */
    public record Server(long rssBefore, long rssAfter, int threadsBefore, int threadsAfter, int fdsBefore, int fdsAfter,
            double cpuSeconds) {}

    /**
     * @param cpuMicros        server CPU per correct answer
     * @param memoryBytes      (rss after − rss before) / connections held (hold)
     * @param openSeconds      time to open every connection and get each one's first answer (hold)
     */
    public record PerRequest(Double cpuMicros, Double memoryBytes, Double openSeconds) {}

    /**
     * The same closed-loop load measured by another generator against the same server process.
     *
     * @param tool      {@code wrk}
     * @param command   the command line it ran
     * @param rate      answers per second it reported
     * @param errors    socket errors and non-2xx answers it reported
     * @param p50Micros its median latency
     * @param p99Micros its 99th percentile
     * @param ratio     concur's rate / the tool's
     */
    public record CrossCheck(String tool, String command, double rate, long errors, Double p50Micros, Double p99Micros, double ratio) {}

    /**
     * @param client  {@code silent}, {@code malformed}, {@code leaves-mid-answer}, {@code over-the-limit}
     * @param outcome what the client saw, one line
     * @param servedAfter the server answered ordinary requests correctly after it
     */
    public record HostileClient(String client, String outcome, boolean servedAfter) {}
}
