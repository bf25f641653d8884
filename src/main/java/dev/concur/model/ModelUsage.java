package dev.concur.model;

/**
 * The threads a model really used during one trial (one JMH fork, all its batches).
 *
 * @param poolSize        threads of a fixed pool, or {@code null} when the model has none
 * @param threadsStarted  threads the model created, setup included
 * @param peakLiveThreads most threads alive at once that run task code (the caller counts for
 *                        {@code sequential})
 */
public record ModelUsage(Integer poolSize, long threadsStarted, int peakLiveThreads) {}
