package dev.concur.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The adaptive warm-up runs exactly what a measured batch runs, instrumentation included. When it
 * skipped the latency recording, the first measured batches compiled it: virtual threads on 10,000
 * waits read 170-200 ms for one or two batches after a steady 110 ms warm-up (docs/methodology.md).
 */
class WarmupRunsTheMeasuredCodeTest {

    @Test
    void everyWarmUpTaskIsRecordedLikeAMeasuredOne() throws Exception {
        BatchBenchmark b = new BatchBenchmark();
        b.model = "virtual";
        b.workload = "io";
        b.tasks = 50;
        b.latency = "1ms";
        b.work = 0;
        b.threads = 8;
        b.target = "";
        System.setProperty(ForkReport.WARMUP_MAX_MILLIS, "200");
        System.setProperty(ForkReport.WARMUP_MAX_BATCHES, "5");
        try {
            b.setup();
            assertTrue(b.warmupBatchesRun() >= 3, "the steady rule needs 3 batches: " + b.warmupBatchesRun());
            assertEquals(50L * b.warmupBatchesRun(), b.warmupLatencyRecords(),
                    "each warm-up task's latency went through the same recording as a measured one");
            assertEquals(0, b.measuredLatencyRecords(), "and none of it into the measured figures");
        } finally {
            System.clearProperty(ForkReport.WARMUP_MAX_MILLIS);
            System.clearProperty(ForkReport.WARMUP_MAX_BATCHES);
            b.tearDown();
        }
    }
}
