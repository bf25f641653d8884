package dev.concur.result;

/**
 * The race workload's measurement: how many updates of the shared counters were lost per batch
 * (measured batches only). Lost updates of the unsynchronised counter are the lesson, not an error;
 * the synchronised counter must lose none, or the batch is invalid.
 *
 * @param updatesPerBatch   updates each counter should receive per batch (tasks × increments)
 * @param batches           batches counted
 * @param lostMin           fewest unsynchronised updates lost in one batch
 * @param lostMax           most unsynchronised updates lost in one batch
 * @param lostMean          mean unsynchronised updates lost per batch
 * @param synchronisedLost  most synchronised updates lost in one batch (0 when the atomic counter works)
 */
public record Race(long updatesPerBatch, long batches, long lostMin, long lostMax, double lostMean, long synchronisedLost) {

    /** Mean lost updates as a share of the updates made, per cent. */
    public double lostPct() {
        return updatesPerBatch == 0 ? 0 : 100.0 * lostMean / updatesPerBatch;
    }

    /** Several forks' counts as one. */
    public static Race merge(java.util.List<Race> forks) {
        Race m = null;
        for (Race r : forks) {
            if (r == null || r.batches() == 0) continue;
            if (m == null) {
                m = r;
                continue;
            }
            long n = m.batches + r.batches;
            m = new Race(m.updatesPerBatch, n, Math.min(m.lostMin, r.lostMin), Math.max(m.lostMax, r.lostMax),
                    (m.lostMean * m.batches + r.lostMean * r.batches) / n, Math.max(m.synchronisedLost, r.synchronisedLost));
        }
        return m;
    }
}
