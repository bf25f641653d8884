package dev.concur.harness;

import dev.concur.workload.WorkloadParams;

/**
 * One benchmark to run: a model on a workload with its parameters.
 *
 * @param model    model name
 * @param workload workload name
 * @param params   the batch's size
 * @param threads  pool size for {@code platform}
 */
public record Spec(String model, String workload, WorkloadParams params, int threads) {}
