package dev.concur.result;

import java.util.List;
import java.util.Map;

/**
 * What one JMH fork reported about itself, read inside the fork.
 *
 * @param pid                 the fork's process id
 * @param jvmArgs             the flags it really ran with (RuntimeMXBean input arguments)
 * @param jdkVersion          its {@code java.runtime.version}; {@code null} for a peer program
 * @param runtime             the runtime that ran it, with its version: {@code Java 25.0.3+9-LTS}, {@code go1.19.8},
 *                            {@code Python 3.11.2}, {@code Node.js v20.20.2}
 * @param availableProcessors its {@code Runtime.availableProcessors()}
 * @param cpusAllowed         its Cpus_allowed_list, or {@code null} off Linux
 * @param gc                  the garbage collector the fork really ran, read from its GarbageCollectorMXBeans:
 *                            {@code G1}, {@code Serial}, {@code Parallel}, {@code Z}, or the beans' own names for
 *                            another; {@code null} for a peer program (and in reports written before it was recorded)
 * @param settings            a peer program's runtime settings as it reported them ({@code GOMAXPROCS},
 *                            {@code GOGC}); {@code null} for a JVM fork and for a peer that reported none
 * @param measurer            what concur's own process spent while a peer program ran; {@code null} for a JVM fork
 *                            (which measures itself)
 * @param dispatch            how long handing each batch over took against the batch's completion, for a peer that
 *                            hands its tasks to workers and times that call (Celery's {@code apply_async},
 *                            multiprocessing's {@code map_async}); {@code null} otherwise
 */
public record ForkInfo(long pid, List<String> jvmArgs, String jdkVersion, String runtime, int availableProcessors,
                       String cpusAllowed, String gc, Map<String, String> settings, MeasurerCpu measurer,
                       Dispatch dispatch) {

    /** A fork that did not time handing its tasks over (every JVM fork, most peers). */
    public ForkInfo(long pid, List<String> jvmArgs, String jdkVersion, String runtime, int availableProcessors,
                    String cpusAllowed, String gc, Map<String, String> settings, MeasurerCpu measurer) {
        this(pid, jvmArgs, jdkVersion, runtime, availableProcessors, cpusAllowed, gc, settings, measurer, null);
    }

    /** A fork that recorded no collector, settings or measurer cost: the signature before they were recorded. */
    public ForkInfo(long pid, List<String> jvmArgs, String jdkVersion, String runtime, int availableProcessors,
                    String cpusAllowed) {
        this(pid, jvmArgs, jdkVersion, runtime, availableProcessors, cpusAllowed, null, null, null, null);
    }

    /**
     * A peer's measured batches, each timed twice: until the call(s) that hand its tasks to the workers
     * returned (the caller is free again), and until every result was back (the batch time). Medians
     * over the same measured batches; per task is {@code submitMs / tasks}.
     *
     * @param batches    measured batches the medians are taken over
     * @param submitMs   median time the hand-over took: every {@code apply_async} of a Celery batch, the one
     *                   {@code map_async} of a multiprocessing batch
     * @param completeMs median batch time of the same batches, hand-over included: until every result was back
     */
    public record Dispatch(long batches, double submitMs, double completeMs) {}

    /**
     * The CPU time concur's host process spent while one peer program ran: its sampler reading the
     * peer's memory from /proc, reading the peer's lines, its watchdog. The peer shares the machine's
     * cores with it, so a reader can see how much the measurer took from what it measured.
     *
     * <p>Two windows, because they answer different questions. The whole life (spawn to exit) includes
     * what concur pays once per process: starting it, loading and compiling the code that reads its
     * lines, the warm-up. The measured batches (from each {@code begin} line read to its {@code batch}
     * line read) are what could slow a figure down: that share is the one a result is judged by.
     *
     * @param cpuSeconds       the host process's CPU time (user + system, all threads) from the peer's start to its end
     * @param wallSeconds      how long the peer ran
     * @param batchCpuSeconds  the host's CPU time while the peer's measured batches ran; {@code null} in reports
     *                         written before it was recorded, or when no measured batch ran
     * @param batchWallSeconds how long the peer's measured batches took, as concur saw them
     */
    public record MeasurerCpu(double cpuSeconds, double wallSeconds, Double batchCpuSeconds, Double batchWallSeconds) {
        public MeasurerCpu(double cpuSeconds, double wallSeconds) {
            this(cpuSeconds, wallSeconds, null, null);
        }

        /** The host's CPU time as a percentage of one core over the peer's run; {@code null} for a zero-length run. */
        public Double sharePct() {
            return wallSeconds > 0 ? 100 * cpuSeconds / wallSeconds : null;
        }

        /**
         * The host's CPU time as a percentage of one core while measured batches ran; {@code null} when not
         * recorded or no batch time.
         */
        public Double batchSharePct() {
            return batchCpuSeconds != null && batchWallSeconds != null && batchWallSeconds > 0
                    ? 100 * batchCpuSeconds / batchWallSeconds : null;
        }

        /** The share a result is judged by: while measured batches ran where recorded, else the whole life. */
        public Double judgedSharePct() {
            Double b = batchSharePct();
            return b != null ? b : sharePct();
        }
    }
}
