package dev.concur.result;

/**
 * How close the model came to the physical limit of its own concurrency caps.
 *
 * @param idealMs        the fastest this model could possibly run a batch (docs/methodology.md, "Efficiency")
 * @param value          idealMs / measured batch time; 1.0 is perfect
 * @param waitCap        tasks that can wait at once (C for I/O)
 * @param computeCap     tasks that can compute at once, capped by cores
 * @param cpuMsPerTask   CPU time of one task, from {@code basis}
 * @param basis          {@code sequential run} (measured sequential batch / N) or
 *                       {@code reference timing} (the fork timed the reference pass)
 * @param formula        the formula with its numbers, for the reader
 */
public record Efficiency(double idealMs, double value, int waitCap, int computeCap, double cpuMsPerTask,
                         String basis, String formula) {}
