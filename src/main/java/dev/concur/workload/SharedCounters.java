package dev.concur.workload;

/**
 * Shared state a batch updates, read after the batch (the race workload's counters): what the
 * batch should have added, and what the unsynchronised and synchronised counters really hold.
 */
public interface SharedCounters {

    Count read();

    /**
     * @param expected        updates the batch made to each counter (tasks × increments)
     * @param unsynchronised  what the counter updated with a plain read-then-write holds
     * @param synchronised    what the atomically updated counter holds
     */
    record Count(long expected, long unsynchronised, long synchronised) {
        public long lostUnsynchronised() {
            return expected - unsynchronised;
        }

        public long lostSynchronised() {
            return expected - synchronised;
        }
    }
}
