package dev.concur.run;

import dev.concur.fork.ForkProbe;
import dev.concur.input.CoreCounts;
import dev.concur.input.Profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.result.ForkInfo;
import dev.concur.workload.WorkloadParams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --cores parsing, CPU lists, and the check that a fork really ran on the cores it was given. */
class CoresAndAffinityTest {

    @Test
    void parsesListsRangesAndAll() {
        assertEquals(List.of(1, 2, 4), CoreCounts.parse("1,2,4", 16));
        assertEquals(List.of(1, 2, 3, 4), CoreCounts.parse("1-4", 16));
        assertEquals(List.of(1, 2, 4, 8, 16), CoreCounts.parse("all", 16));
        assertEquals(List.of(1, 2, 4, 6), CoreCounts.parse("all", 6));
        assertEquals(List.of(1), CoreCounts.parse("all", 1));
        assertEquals(List.of(1, 2), CoreCounts.parse(" 2 , 1,2 ", 2));
    }

    @Test
    void rejectsWhatTheMachineCannotDo() {
        var e = assertThrows(IllegalArgumentException.class, () -> CoreCounts.parse("64", 2));
        assertEquals("--cores 64: this machine has 2 cores (use 1-2 or all)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoreCounts.parse("0", 2));
        assertThrows(IllegalArgumentException.class, () -> CoreCounts.parse("two", 2));
        assertThrows(IllegalArgumentException.class, () -> CoreCounts.parse("2-1", 2));
        assertThrows(IllegalArgumentException.class, () -> CoreCounts.parse("1,,2", 2));
    }

    @Test
    void cpuListsRoundTrip() {
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), Affinity.parseList("0-3,8,10-11"));
        assertEquals("0-3,8,10-11", Affinity.format(Affinity.parseList("0-3,8,10-11")));
        assertEquals("0-3", Affinity.firstCpus("0-15", 4));
        assertEquals("2,5", Affinity.firstCpus("2,5-7", 2));
        assertThrows(IllegalArgumentException.class, () -> Affinity.firstCpus("0-1", 4));
    }

    @Test
    void thisProcessAffinityIsReadOnLinux() {
        String allowed = ForkProbe.cpusAllowedList();
        if (System.getProperty("os.name").toLowerCase().contains("linux")) {
            assertTrue(Affinity.parseList(allowed).size() >= Runtime.getRuntime().availableProcessors(), allowed);
        } else {
            assertNull(allowed);
        }
    }

    @Test
    void mismatchIsCaught() {
        Benchmark one = Benchmark.resolve("virtual", "cpu", new WorkloadParams(10, 0, 10), 200, 1, 2, Profile.QUICK, Long.MAX_VALUE, null, null, null);
        ForkInfo good = new ForkInfo(1, List.of(), "25", "Java 25", 1, "0");
        ForkInfo twoProcs = new ForkInfo(2, List.of(), "25", "Java 25", 2, "0");
        ForkInfo wrongCpu = new ForkInfo(3, List.of(), "25", "Java 25", 1, "1");
        assertNull(BenchRun.coreMismatch(one, "0", List.of(good)));
        assertEquals("fork 2 saw 2 processors, asked for 1", BenchRun.coreMismatch(one, "0", List.of(twoProcs)));
        assertEquals("fork 3 ran on CPUs 1, asked for 0", BenchRun.coreMismatch(one, "0", List.of(wrongCpu)));
        assertNull(BenchRun.coreMismatch(one, null, List.of(wrongCpu)), "unpinned: only the processor count is checked");
    }

    @Test
    void aForkThatRanAnotherCollectorIsCaught() {
        Benchmark g1 = Benchmark.resolve("virtual", "cpu", new WorkloadParams(10, 0, 10), 200, 1, 2, Profile.QUICK, Long.MAX_VALUE,
                null, null, null, dev.concur.input.Gc.G1);
        ForkInfo ranG1 = new ForkInfo(1, List.of(), "25", "Java 25", 1, "0", "G1", null, null);
        ForkInfo ranSerial = new ForkInfo(2, List.of(), "25", "Java 25", 1, "0", "Serial", null, null);
        ForkInfo unsaid = new ForkInfo(3, List.of(), "25", "Java 25", 1, "0");
        assertNull(BenchRun.gcMismatch(g1, List.of(ranG1, unsaid)));
        assertEquals("fork 2 ran the Serial collector, asked for G1", BenchRun.gcMismatch(g1, List.of(ranG1, ranSerial)));
        Benchmark peer = Benchmark.resolve("go-goroutine", "cpu", new WorkloadParams(10, 0, 10), 200, 1, 2, Profile.QUICK,
                Long.MAX_VALUE, null, null, null, dev.concur.input.Gc.G1);
        assertNull(BenchRun.gcMismatch(peer, List.of(ranSerial)), "a peer program has no JVM collector to check");
    }

    @Test
    void theCollectorIsReadFromTheBeansNames() {
        assertEquals(dev.concur.input.Gc.G1, dev.concur.input.Gc.fromBeanNames(List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation")));
        assertEquals(dev.concur.input.Gc.Serial, dev.concur.input.Gc.fromBeanNames(List.of("Copy", "MarkSweepCompact")));
        assertEquals(dev.concur.input.Gc.Parallel, dev.concur.input.Gc.fromBeanNames(List.of("PS Scavenge", "PS MarkSweep")));
        assertEquals(dev.concur.input.Gc.Z, dev.concur.input.Gc.fromBeanNames(List.of("ZGC Cycles", "ZGC Pauses")));
        assertNull(dev.concur.input.Gc.fromBeanNames(List.of("Shenandoah Cycles", "Shenandoah Pauses")));
        String self = ForkProbe.collector();
        assertTrue(self != null && !self.isBlank(), "this JVM names its collector: " + self);
    }

    @Test
    void coreFlagsSizeEverythingFromK() {
        assertEquals(List.of("-XX:ActiveProcessorCount=4", "-XX:ParallelGCThreads=4", "-XX:ConcGCThreads=1",
                "-Djdk.virtualThreadScheduler.parallelism=4"), BenchmarkRunner.coreFlags(4));
    }
}
