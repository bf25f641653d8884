package dev.concur.compare;

import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a benchmark across runs: the JMH benchmark, its parameters (model, workload,
 * batch size, pool size for concur's) and the core count. Two results pair up only when all of
 * these are equal.
 *
 * @param benchmark the JMH benchmark method, e.g. {@code dev.concur.fork.BatchBenchmark.batch}
 * @param params    parameters, sorted by name
 * @param cores     core count the fork was limited to, or {@code null}
 */
public record BenchmarkKey(String benchmark, Map<String, String> params, Integer cores) implements Comparable<BenchmarkKey> {

    public static final String CONCUR_BENCHMARK = "dev.concur.fork.BatchBenchmark.batch";
    /** The same benchmark's name before its class moved to {@code dev.concur.fork}: old JMH files still pair. */
    public static final String LEGACY_CONCUR_BENCHMARK = "dev.concur.harness.BatchBenchmark.batch";

    public BenchmarkKey {
        params = Map.copyOf(new TreeMap<>(params));
    }

    /** A short label: {@code virtual/io tasks=2000 latency=100ms @2} for concur's benchmark. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        Map<String, String> rest = new TreeMap<>(params);
        if (benchmark.equals(CONCUR_BENCHMARK)) {
            sb.append(rest.remove("model")).append('/').append(rest.remove("workload"));
        } else {
            String b = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            sb.append(b);
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
