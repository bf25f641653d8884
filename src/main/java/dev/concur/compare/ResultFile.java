package dev.concur.compare;

import java.util.List;

/**
 * A result file as the gate sees it.
 *
 * @param path        where it was read from
 * @param format      {@code concur} (a concur report) or {@code jmh} (JMH's {@code -rf json} array)
 * @param environment where it ran
 * @param sides       one per benchmark
 */
public record ResultFile(String path, String format, Environment environment, List<Side> sides) {}
