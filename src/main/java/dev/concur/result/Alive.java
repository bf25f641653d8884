package dev.concur.result;

import java.util.List;
import java.util.Map;

/**
 * How many of a batch's tasks were alive at once (started and not yet finished), counted by the
 * runtime that ran them. Memory per task divides by the number of tasks alive at the memory peak,
 * so it is only a figure per task when every task was alive: {@code complete()}.
 *
 * @param tasks        the batch's task count N
 * @param peak         the smallest, over forks (processes), of each fork's peak alive in its measured
 *                     batches: every process must have held all N at once for {@code complete()}
 * @param peakPerFork  each fork's (process's) peak alive, in fork order
 * @param runtime      what the runtime says of itself at the peak, per fork median, by name: Go's
 *                     {@code stackInuse}, {@code heapInuse}, {@code goroutines}; Node's {@code heapUsed},
 *                     {@code external}, {@code arrayBuffers}, {@code rss}; Python's {@code tasks}; the
 *                     JVM's {@code heapUsed}. Bytes or counts as the name says; empty when none
 */
public record Alive(long tasks, long peak, List<Long> peakPerFork, Map<String, Double> runtime) {
    /** Whether every process held all N tasks alive at once. */
    public boolean complete() {
        return peak >= tasks;
    }
}
