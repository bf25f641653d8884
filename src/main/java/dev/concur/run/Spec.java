package dev.concur.run;

import dev.concur.workload.WorkloadParams;

/**
 * One benchmark to run: a model on a workload, with everything it runs with.
 *
 * @param model         model name
 * @param workload      workload name
 * @param params        the batch's size
 * @param threads       pool size for {@code platform}
 * @param cores         core count k to limit (and pin) the fork to, or {@code null} for no limit
 * @param profile       how much JMH measures
 * @param maxBatchNanos skip when the estimated batch time is above this
 * @param timeoutNanos  the watchdog's deadline for the whole benchmark, or {@code null} for the default
 * @param run           the suite run's description, or {@code null}
 */
public record Spec(String model, String workload, WorkloadParams params, int threads, Integer cores,
                   Profile profile, long maxBatchNanos, Long timeoutNanos, String run) {

    /** A plain spec: no core limit, the quick profile, 30 s max batch, no suite. */
    public static Spec of(String model, String workload, WorkloadParams params, int threads) {
        return new Spec(model, workload, params, threads, null, Profile.QUICK, 30_000_000_000L, null, null);
    }
}
