package dev.concur.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concur.model.Caps;
import org.junit.jupiter.api.Test;

/** The physical-limit formula on cases whose answer is known by hand. */
class IdealTest {
    private static final double MS = 1e6;

    @Test
    void ioIsWavesOfLatency() {
        // JEP 444's picture: 10 000 sleeping tasks, a pool of 200 -> 50 waves of 100 ms = 5 s
        assertEquals(5000 * MS, Ideal.batchNanos(10_000, 100 * MS, 0, new Caps(200, 2, 200, "")), 1);
        // unbounded waiting (virtual, eventloop): one wave
        assertEquals(100 * MS, Ideal.batchNanos(10_000, 100 * MS, 0, new Caps(10_000, 1, 10_000, "")), 1);
        // sequential: N × latency
        assertEquals(2000 * 100 * MS, Ideal.batchNanos(2000, 100 * MS, 0, new Caps(1, 1, 1, "")), 1);
    }

    @Test
    void cpuIsSequentialTimeOverUsableCores() {
        assertEquals(100 * MS, Ideal.batchNanos(200, 0, 1 * MS, new Caps(200, 2, 200, "")), 1);
        assertEquals(200 * MS, Ideal.batchNanos(200, 0, 1 * MS, new Caps(200, 1, 200, "")), 1);
    }

    @Test
    void mixedTakesTheLargerBound() {
        // event loop: everyone waits together, then N·t on one thread
        assertEquals(50 * MS + 100 * MS, Ideal.batchNanos(1000, 50 * MS, 0.1 * MS, new Caps(1000, 1, 1000, "")), 1);
        // pool of 200 on 2 cores: 5 waves of (50 + 0.1) ms beat 50 + 1000 × 0.1 / 2 ms
        assertEquals(5 * 50.1 * MS, Ideal.batchNanos(1000, 50 * MS, 0.1 * MS, new Caps(200, 2, 200, "")), 1);
    }

    @Test
    void estimatorUsesTheModelsCaps() {
        Estimator e = new Estimator(2.5);
        var io = new dev.concur.workload.WorkloadParams(10_000, 100_000_000, 0);
        assertEquals(5000, e.batchMillis(Benchmark.of("platform", "io", io, 200, 2)), 1);
        assertEquals(100, e.batchMillis(Benchmark.of("virtual", "io", io, 200, 2)), 1);
        assertEquals(1_000_000, e.batchMillis(Benchmark.of("sequential", "io", io, 200, 2)), 1);
        // hold: every task parked at the gate until the last starts; waking 10,000 OS threads costs far more than
        // 10,000 virtual ones (a pool of 10,000 measured 2.5 s a batch where 360 ms was estimated)
        assertEquals(100 + 10_000 * 0.026, e.batchMillis(Benchmark.of("virtual", "hold", io, 200, 2)), 1);
        assertEquals(100 + 10_000 * 0.240, e.batchMillis(Benchmark.of("platform", "hold", io, 10_000, 2)), 1);
        var cpu = new dev.concur.workload.WorkloadParams(200, 0, 400_000);
        assertEquals(200, e.batchMillis(Benchmark.of("eventloop", "cpu", cpu, 200, 2)), 1);     // 200 × 1 ms on one thread
        assertEquals(100, e.batchMillis(Benchmark.of("forkjoin", "cpu", cpu, 200, 2)), 1);      // on 2 cores
        // the pipeline works on every item in each of its 3 stages: 20,000 x 3 x 2,000 rounds on one
        // thread (the estimate once counted one stage and read 90 ms for a 588 ms batch)
        var pipe = new dev.concur.workload.WorkloadParams(20_000, 0, 2_000);
        assertEquals(300, e.batchMillis(Benchmark.of("eventloop", "pipeline", pipe, 200, 2)), 1);
    }
}
