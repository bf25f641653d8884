package dev.concur.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The watchdog kills a measuring process that stalled, never one that progresses, however long
 * its batches: a real child process ({@code sleep}) stands for the fork.
 */
class WatchdogTest {
    private static final long MS = 1_000_000L;

    @Test
    void aProgressingProcessIsNeverKilledAStalledOneIs() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        AtomicLong batches = new AtomicLong();
        // window = 3 x 100 ms + 200 ms grace = 500 ms without a batch
        try (Watchdog w = new Watchdog(new Watchdog.Deadline(null, 100 * MS, 200 * MS), null,
                () -> new Watchdog.Progress(batches.get(), 100 * MS))) {
            for (int i = 0; i < 8; i++) { // 2 s of progress, a batch every 250 ms
                Thread.sleep(250);
                batches.incrementAndGet();
            }
            assertFalse(w.fired(), "batches kept completing");
            assertTrue(child.isAlive());
            Thread.sleep(1_500); // then nothing
            assertTrue(w.fired(), "stalled past its window");
            assertTrue(w.why().startsWith("no batch completed for 500ms (3 x the longest batch, 100ms, + 200ms)"), w.why());
        }
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the process was killed");
    }

    @Test
    void theWindowGrowsWithTheLongestBatchSeen() {
        assertEquals(3 * 100 * MS + 20_000 * MS, Watchdog.stallWindowNanos(100 * MS, 0, 20_000 * MS), "the estimate before any batch");
        assertEquals(3 * 4_700 * MS + 20_000 * MS, Watchdog.stallWindowNanos(1_000 * MS, 4_700 * MS, 20_000 * MS),
                "a million tasks: 4.7 s batches, not the 1 s estimate");
    }

    @Test
    void aHardDeadlineFiresEvenWhileProgressing() throws Exception {
        AtomicLong batches = new AtomicLong();
        try (Watchdog w = new Watchdog(new Watchdog.Deadline(600 * MS, 10 * MS, 60_000 * MS), null,
                () -> new Watchdog.Progress(batches.incrementAndGet(), 10 * MS))) {
            Thread.sleep(1_500);
            assertTrue(w.fired());
            assertEquals("no result within 600ms", w.why());
        }
    }
}
