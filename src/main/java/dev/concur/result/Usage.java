package dev.concur.result;

/**
 * Threads the model used, summed over forks (started) or maxed (peak).
 *
 * @param poolSize        fixed pool size, or {@code null}
 * @param threadsStarted  threads the model created in all forks, setup included
 * @param threadsPerBatch threadsStarted spread over the batches run (pools start theirs once)
 * @param peakLiveThreads most threads running task code at once
 */
public record Usage(Integer poolSize, long threadsStarted, double threadsPerBatch, int peakLiveThreads) {}
