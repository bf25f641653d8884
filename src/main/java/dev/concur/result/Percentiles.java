package dev.concur.result;

/**
 * A latency distribution in milliseconds, from HdrHistogram (3 significant digits), over every
 * measured batch of every fork.
 *
 * @param count values recorded
 * @param p50   median
 * @param p90   90th percentile
 * @param p99   99th percentile
 * @param max   the largest value
 */
public record Percentiles(long count, double p50, double p90, double p99, double max) {}
