package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.fork.ForkReport;
import dev.concur.input.Profile;
import dev.concur.run.Benchmark;
import dev.concur.run.RunOutcome;
import dev.concur.run.Watchdog;
import dev.concur.workload.WorkloadParams;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * CPU time per task of a real peer program, from its process tree's {@code /proc/PID/stat} (clock
 * ticks of 10 ms, summed over the measured batches). Bounds only, generous ones: one Python thread
 * computing uses about its batch's wall time in CPU; Python waiting uses a small fraction of the wait.
 * Skipped where Python is missing, unless {@code CONCUR_REQUIRE_PEERS} is set.
 */
class PeerCpuPerTaskTest {
    /** 1 process, 1 warm-up and 4 measured iterations of 250 ms: about a second of batches, 100 ticks. */
    private static final Profile PROFILE = Profile.QUICK.with(1, 1, 4, Duration.ofMillis(250), null);
    private static final PeerRunner RUNNER = new PeerRunner(System.getenv());

    private static RunOutcome run(String model, String workload, WorkloadParams size) throws Exception {
        Benchmark b = Benchmark.resolve(model, workload, size, 16, null, 2, PROFILE, 60_000_000_000L, null, null, null);
        String why = RUNNER.whyUnavailable(b);
        if (why != null && System.getenv("CONCUR_REQUIRE_PEERS") == null) Assumptions.abort(why);
        assertNull(why, "CONCUR_REQUIRE_PEERS is set: " + why);
        RunOutcome o = RUNNER.run(b, 0, 4, new Watchdog.Deadline(null, 1e9));
        assertNull(o.failure(), o.failure());
        ForkReport fork = o.forks().get(0);
        assertEquals(fork.batches(), fork.validBatches(), "every batch valid: " + fork.firstMismatch());
        assertNotNull(fork.cpuPerTaskNanos(), "measured");
        return o;
    }

    private static double wallPerTaskNanos(RunOutcome o, int tasks) {
        return o.samples().stream().mapToDouble(Double::doubleValue).average().orElseThrow() * 1e6 / tasks;
    }

    @Test
    void oneComputingThreadUsesAboutItsWallTimeInCpu() throws Exception {
        // python-sequential: one thread, no waits; 10 tasks of 20,000 CPython rounds
        RunOutcome o = run("python-sequential", "cpu", new WorkloadParams(10, 0, 20_000));
        double cpu = o.forks().get(0).cpuPerTaskNanos();
        double wall = wallPerTaskNanos(o, 10);
        // above: only the runtime's own threads could add; below: a shared machine may deschedule it
        assertTrue(cpu > 0.4 * wall && cpu < 2 * wall, "CPU per task " + cpu / 1000 + " µs, wall per task " + wall / 1000 + " µs");
    }

    @Test
    void waitingTasksUseAFractionOfTheirWaitInCpu() throws Exception {
        // python-asyncio: 200 tasks that each wait 20 ms
        RunOutcome o = run("python-asyncio", "io", new WorkloadParams(200, 20_000_000, 0));
        double cpu = o.forks().get(0).cpuPerTaskNanos();
        assertTrue(cpu >= 0, "never negative: " + cpu);
        assertTrue(cpu < 20_000_000 / 10.0, "a waiting task costs far less CPU than its 20 ms wait: " + cpu / 1000 + " µs");
    }
}
