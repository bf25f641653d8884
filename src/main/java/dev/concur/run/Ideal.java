package dev.concur.run;

import dev.concur.model.Caps;

/**
 * The physical limit of a batch: N tasks, each waiting L then computing t, run by a model that
 * lets {@code Cw} tasks wait and {@code Cc} tasks compute at once. No schedule can beat either
 *
 * <pre>
 *   ceil(N / Cw) × (L + t)     every task holds a waiting slot for at least L + t
 *   L + N × t / Cc             the CPU work needs N·t of CPU on Cc processors, after the first wait
 * </pre>
 *
 * so ideal = the larger of the two. For io (t = 0) this is ceil(N / C) × L; for cpu (L = 0) it is
 * N·t / min(cores, cap), the sequential time over the usable cores; mixed uses both terms.
 */
public final class Ideal {
    private Ideal() {}

    public static double batchNanos(int tasks, double latencyNanos, double cpuNanosPerTask, Caps caps) {
        double waves = Math.ceil((double) tasks / Math.max(1, caps.waiting()));
        double slotBound = waves * (latencyNanos + cpuNanosPerTask);
        double cpuBound = latencyNanos + tasks * cpuNanosPerTask / Math.max(1, caps.computing());
        return Math.max(slotBound, cpuBound);
    }

    /** The formula with its numbers, for the report. */
    public static String explain(int tasks, double latencyMs, double cpuMs, Caps caps) {
        return String.format(java.util.Locale.ROOT,
                "max(ceil(%d/%d) x (%.3g + %.3g) ms, %.3g ms + %d x %.3g ms / %d)",
                tasks, caps.waiting(), latencyMs, cpuMs, latencyMs, tasks, cpuMs, caps.computing());
    }
}
