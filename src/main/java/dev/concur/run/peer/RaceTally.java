package dev.concur.run.peer;

import dev.concur.result.Race;

/**
 * A peer's race counts over its measured batches, the figures a JVM fork keeps for the race
 * workloads ({@link dev.concur.fork.BatchBenchmark}): lost updates of the unsynchronised counter per
 * batch (min, max, mean) and the most the synchronised one lost. Also checks one batch's counts: a
 * race workload's batch must say what its counters lost, for the updates the workload makes, and the
 * synchronised counter must lose none; otherwise the batch is invalid, as on the JVM.
 */
final class RaceTally {
    private long batches;
    private long updates;
    private long lostSum;
    private long lostMin = Long.MAX_VALUE;
    private long lostMax;
    private long syncLost;

    /**
     * Why a batch's race counts make it invalid, or {@code null} when they are right.
     *
     * @param count    what the peer reported, {@code null} if nothing
     * @param expected updates per counter per batch for a race workload, {@code null} for other workloads
     */
    static String check(PeerProtocol.RaceCount count, Long expected) {
        if (expected == null) return count == null ? null : "counters reported for a workload that has none";
        if (count == null) return "no race counts reported (the race workloads must report their counters)";
        if (count.updates() != expected) {
            return "the counters got " + count.updates() + " updates, the workload makes " + expected;
        }
        return count.syncLost() == 0 ? null
                : "the synchronised counter lost " + count.syncLost() + " of " + count.updates() + " updates";
    }

    /** Counts one measured batch (nothing when it reported no counters). */
    void add(PeerProtocol.RaceCount c) {
        if (c == null) return;
        batches++;
        updates = c.updates();
        lostSum += c.lost();
        lostMin = Math.min(lostMin, c.lost());
        lostMax = Math.max(lostMax, c.lost());
        syncLost = Math.max(syncLost, c.syncLost());
    }

    /** The counts as a result's {@code race}, or {@code null} when no batch reported any. */
    Race race() {
        return batches == 0 ? null : new Race(updates, batches, lostMin, lostMax, (double) lostSum / batches, syncLost);
    }
}
