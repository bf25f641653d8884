package dev.concur.fork;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CPU time per task, as a fork records it: the process's CPU time over its measured batches, over their
 * tasks. Bounds only, generous ones (the machine is shared, the JVM's own threads count, the process
 * clock ticks every 10 ms): a batch that computes records about its work per task, one that waits
 * records a small fraction of its wait.
 */
class CpuPerTaskTest {
    @TempDir
    Path reports;

    /** Runs {@code batches} measured batches (no warm-up) and returns the fork report's figure and the wall time per task. */
    private double[] measure(String model, String workload, int tasks, String latency, long work, int batches) throws Exception {
        BatchBenchmark b = new BatchBenchmark();
        b.model = model;
        b.workload = workload;
        b.tasks = tasks;
        b.latency = latency;
        b.work = work;
        b.threads = 8;
        b.target = "";
        System.setProperty(ForkReport.DIR_PROPERTY, reports.toString());
        try {
            b.setup();
            assertNull(b.cpuPerTaskNanos(), "nothing before a measured batch (the warm-up does not count)");
            b.beforeIteration(new org.openjdk.jmh.infra.IterationParams(IterationType.MEASUREMENT, batches,
                    TimeValue.milliseconds(100), 1));
            long t0 = System.nanoTime();
            for (int i = 0; i < batches; i++) b.batch();
            double wallPerTask = (double) (System.nanoTime() - t0) / batches / tasks;
            b.afterIteration();
            JsonNode report = new ObjectMapper().readTree(
                    Files.readString(reports.resolve("fork-" + ProcessHandle.current().pid() + ".json")));
            JsonNode cpu = report.get("cpuPerTaskNanos");
            assertNotNull(cpu, "the fork report carries it: " + report);
            assertTrue(cpu.isNumber(), "measured: " + cpu);
            return new double[] {cpu.asDouble(), wallPerTask, b.referenceCpuNanosPerTask()};
        } finally {
            System.clearProperty(ForkReport.DIR_PROPERTY);
            b.tearDown();
        }
    }

    @Test
    void aComputingBatchRecordsAboutItsWorkPerTask() throws Exception {
        // one thread computing: 20 tasks of ~5 ms, 10 batches = ~1 s of CPU, 100 ticks of the process clock
        double[] m = measure("sequential", "cpu", 20, "0ms", 2_000_000L, 10);
        double cpu = m[0], work = m[2];
        assertTrue(work > 0, "the reference timed the work: " + work);
        assertTrue(cpu > 0.5 * work && cpu < 3 * work,
                "CPU per task " + cpu / 1000 + " µs, the task's work " + work / 1000 + " µs (wall " + m[1] / 1000 + " µs)");
    }

    @Test
    void aWaitingBatchRecordsFarLessThanItsWaitPerTask() throws Exception {
        // 500 tasks waiting 50 ms each on virtual threads: the wall time per task is ~0.1 ms, its wait 50 ms
        double[] m = measure("virtual", "io", 500, "50ms", 0, 10);
        double cpu = m[0];
        assertTrue(cpu >= 0, "never negative: " + cpu);
        assertTrue(cpu < 50_000_000 / 10.0, "a waiting task costs far less CPU than its 50 ms wait: " + cpu / 1000 + " µs");
    }
}
