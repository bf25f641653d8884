package dev.concur.model;

/**
 * A model's concurrency limits, the C of the ideal-time formulas (see docs/methodology.md, "Efficiency").
 *
 * @param waiting   how many tasks can be waiting on I/O at once
 * @param computing how many tasks can use a CPU at once (already capped by the cores)
 * @param osThreads the most platform (OS) threads the model may start for a batch: what the
 *                  process limits ({@code ulimit -u}, cgroup {@code pids.max}, ...) must allow
 * @param why       one line explaining the numbers, for the report
 */
public record Caps(int waiting, int computing, int osThreads, String why) {}
