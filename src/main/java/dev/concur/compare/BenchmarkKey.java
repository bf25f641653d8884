package dev.concur.compare;

import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a benchmark across runs: the full JMH benchmark name, its mode, every parameter,
 * and the core count. Two results pair up only when all of these are equal. The mode is a field of
 * its own, so a {@code @Param} called {@code mode} never collides with it.
 *
 * @param benchmark the full JMH benchmark name, e.g. {@code dev.concur.fork.BatchBenchmark.batch}
 * @param mode      JMH's mode ({@code avgt}, {@code thrpt}, {@code sample}, {@code ss}); concur's reports are {@code avgt}
 * @param params    every parameter, sorted by name
 * @param cores     core count the fork was limited to, or {@code null}
 */
public record BenchmarkKey(String benchmark, String mode, Map<String, String> params, Integer cores)
        implements Comparable<BenchmarkKey> {

    public static final String CONCUR_BENCHMARK = "dev.concur.fork.BatchBenchmark.batch";
    /** The same benchmark's name before its class moved to {@code dev.concur.fork}: old JMH files still pair. */
    public static final String LEGACY_CONCUR_BENCHMARK = "dev.concur.harness.BatchBenchmark.batch";
    /** A server configuration of a load report; its mode is the figure: {@code throughput}, {@code p50} or {@code p99}. */
    public static final String LOAD_BENCHMARK = "concur-load";

    public BenchmarkKey {
        params = Map.copyOf(new TreeMap<>(params));
    }

    /**
     * A short label: {@code virtual/io latency=100ms tasks=2000 threads=200 @2} for concur's
     * benchmark; {@code wait/virtual [p99] connections=1000 wait=100ms} for a load report's server
     * configuration; the full name, the mode in brackets and the parameters for any other.
     */
    public String label() {
        StringBuilder sb = new StringBuilder();
        Map<String, String> rest = new TreeMap<>(params);
        if (benchmark.equals(CONCUR_BENCHMARK) && mode.equals("avgt")) {
            sb.append(rest.remove("model")).append('/').append(rest.remove("workload"));
        } else if (benchmark.equals(LOAD_BENCHMARK)) {
            sb.append(rest.remove("experiment")).append('/').append(rest.remove("model")).append(" [").append(mode).append(']');
        } else {
            sb.append(benchmark).append(" [").append(mode).append(']');
        }
        rest.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        if (cores != null) sb.append(" @").append(cores);
        return sb.toString();
    }

    @Override
    public int compareTo(BenchmarkKey o) {
        return label().compareTo(o.label());
    }
}
