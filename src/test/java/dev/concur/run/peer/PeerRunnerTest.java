package dev.concur.run.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.input.Profile;
import dev.concur.run.Benchmark;
import dev.concur.run.RunOutcome;
import dev.concur.run.Watchdog;
import dev.concur.workload.WorkloadParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How concur treats a peer program that misbehaves: a fake "Python peer" (a shell-free Python
 * script standing in for src/peers/python/concur_peer.py under a CONCUR_HOME of its own) returns a
 * wrong value, drops a task, hangs, prints garbage or dies; and a missing runtime is a skip.
 */
class PeerRunnerTest {
    @TempDir
    Path home;

    private static final WorkloadParams IO = new WorkloadParams(10, 1_000_000, 0);
    private static final Profile FAST = Profile.QUICK.with(1, 0, 2, Duration.ofMillis(20), null);

    private Benchmark benchmark() {
        return Benchmark.resolve("python-asyncio", "io", IO, 200, null, 2, FAST, 30_000_000_000L, null, null, null);
    }

    /** A fake peer whose batch lines say {@code count} tasks with checksum {@code sum}, after {@code body}. */
    private PeerRunner fake(String body) throws Exception {
        Path dir = Files.createDirectories(home.resolve("src/peers/python"));
        Files.writeString(dir.resolve("concur_peer.py"), String.join("\n",
                "import json, os, sys, time",
                "def emit(**f):",
                "    print(json.dumps(f), flush=True)",
                "emit(t='hello', runtime='Python fake', pid=os.getpid(), cores=2)",
                body,
                ""));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CONCUR_HOME", home.toString());
        return new PeerRunner(env);
    }

    /** The JVM's own checksum of 10 io tasks (what every correct peer returns). */
    private static long reference() throws Exception {
        try (var p = dev.concur.workload.WorkloadRegistry.get("io").open(IO)) {
            return dev.concur.workload.Reference.of(p.tasks()).checksum();
        }
    }

    private static String batches(long count, long sum) {
        return String.join("\n",
                "for it in range(2):",
                "    emit(t='begin', it=it)",
                "    emit(t='batch', phase='measure', it=it, ns=1000000, count=" + count + ", sum=" + sum + ")",
                "emit(t='done')");
    }

    private RunOutcome run(PeerRunner r, long graceMillis) throws Exception {
        return r.run(benchmark(), 0, 2, new Watchdog.Deadline(null, 1_000_000, graceMillis * 1_000_000));
    }

    @Test
    void aCorrectPeerIsMeasured() throws Exception {
        RunOutcome o = run(fake(batches(10, reference())), 20_000);
        assertNull(o.failure(), o.failure());
        assertEquals(List.of(1.0, 1.0), o.samples(), "two iterations of one 1 ms batch");
        assertEquals(2, o.forks().get(0).validBatches());
        assertEquals("Python fake", o.forks().get(0).fork().runtime());
    }

    @Test
    void thePeerStartsOnlyWhenConcurSaysGoAfterReadingTheIdleBaseline() throws Exception {
        RunOutcome o = run(fake(String.join("\n",
                "line = sys.stdin.readline()",
                "if line != 'go\\n':",
                "    emit(t='error', message='heard ' + repr(line))",
                "    sys.exit(1)",
                batches(10, reference()))), 20_000);
        assertNull(o.failure(), o.failure());
        assertEquals(2, o.forks().get(0).validBatches());
    }

    @Test
    void thePeakAliveAndTheRuntimesMedianFiguresReachTheForkReport() throws Exception {
        long ref = reference();
        RunOutcome o = run(fake(String.join("\n",
                "emit(t='batch', phase='warmup', it=0, ns=1000000, count=10, sum=" + ref + ", alive=99, rt={'tasks': 99})",
                "for it, (alive, tasks) in enumerate([(7, 8), (10, 11)]):",
                "    emit(t='begin', it=it)",
                "    emit(t='batch', phase='measure', it=it, ns=1000000, count=10, sum=" + ref + ", alive=alive, rt={'tasks': tasks})",
                "emit(t='done')")), 20_000);
        assertNull(o.failure(), o.failure());
        var fork = o.forks().get(0);
        assertEquals(10L, fork.peakAlive(), "the most over measured batches; the warm-up's is not measured");
        assertEquals(Map.of("tasks", 9.5), fork.runtimeMemory(), "the median over measured batches");
    }

    @Test
    void aPeerThatCountsNothingHasNoPeakAlive() throws Exception {
        RunOutcome o = run(fake(batches(10, reference())), 20_000);
        assertNull(o.forks().get(0).peakAlive());
        assertEquals(Map.of(), o.forks().get(0).runtimeMemory());
    }

    @Test
    void garbageInAliveIsAFailureQuotingTheLine() throws Exception {
        RunOutcome o = run(fake("emit(t='batch', phase='warmup', it=0, ns=1, count=10, sum=1, alive='all')"), 20_000);
        assertTrue(o.failure().startsWith("peer protocol: line 2: 'alive' is missing or not a whole number >= 0: {"), o.failure());
    }

    @Test
    void aPinnedPeerReportsTheCpusItReallyRanOn() throws Exception {
        PeerRunner r = fake(batches(10, reference()));
        org.junit.jupiter.api.Assumptions.assumeTrue(r.pinning().pinned(), "taskset is needed to pin");
        Benchmark oneCore = Benchmark.resolve("python-asyncio", "io", IO, 200, 1, 2, FAST, 30_000_000_000L, null, null, null);
        RunOutcome o = r.run(oneCore, 0, 2, new Watchdog.Deadline(null, 1_000_000, 20_000_000_000L));
        assertNull(o.failure(), o.failure());
        assertEquals(o.pinnedCpus(), o.forks().get(0).fork().cpusAllowed(),
                "read after the runtime started, not while setsid/taskset were still starting it");
    }

    @Test
    void aWrongValueOrADroppedTaskIsInvalidNotFast() throws Exception {
        long ref = reference();
        RunOutcome wrong = run(fake(batches(10, (ref + 1) & 0xFFFFFFFFL)), 20_000);
        assertEquals(0, wrong.forks().get(0).validBatches());
        assertTrue(wrong.forks().get(0).firstMismatch().contains("10 of 10 tasks completed, checksum"), wrong.forks().get(0).firstMismatch());
        RunOutcome dropped = run(fake(batches(9, ref)), 20_000);
        assertTrue(dropped.forks().get(0).firstMismatch().startsWith("batch 1: 9 of 10 tasks completed"),
                dropped.forks().get(0).firstMismatch());
    }

    @Test
    void aHangingPeerIsKilledAtItsDeadline() throws Exception {
        long start = System.nanoTime();
        RunOutcome o = run(fake("time.sleep(3600)"), 1_000);
        assertTrue(o.timedOut(), String.valueOf(o.failure()));
        assertTrue(o.failure().startsWith("timeout: no batch completed for"), o.failure());
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "killed within its window");
    }

    @Test
    void garbageOnStdoutIsAFailureQuotingTheLine() throws Exception {
        RunOutcome o = run(fake("print('hello from a print statement', flush=True)\ntime.sleep(5)"), 20_000);
        assertEquals("peer protocol: line 2: not JSON: hello from a print statement", o.failure());
        RunOutcome noType = run(fake("print('{\"count\": 3}', flush=True)"), 20_000);
        assertTrue(noType.failure().startsWith("peer protocol: line 2: no type 't'"), noType.failure());
    }

    @Test
    void aPeerThatDiesSaysWhatItPrinted() throws Exception {
        RunOutcome o = run(fake("sys.stderr.write('Traceback: something broke\\n'); sys.exit(3)"), 20_000);
        assertEquals("python-asyncio exited with code 3 before it finished: Traceback: something broke", o.failure());
    }

    @Test
    void aMissingRuntimeIsASkipWithTheInstallCommand() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", home.toString()); // no go, no node, no python3 on this PATH
        env.put("CONCUR_HOME", Path.of("").toAbsolutePath().toString());
        PeerRunner r = new PeerRunner(env);
        Benchmark go = Benchmark.resolve("go-goroutine", "io", IO, 200, null, 2, FAST, 30_000_000_000L, null, null, null);
        assertEquals("go not found on PATH: apt-get install golang-go", r.whyUnavailable(go));
        Benchmark node = Benchmark.resolve("node-eventloop", "io", IO, 200, null, 2, FAST, 30_000_000_000L, null, null, null);
        assertEquals("node not found on PATH: apt-get install nodejs", r.whyUnavailable(node));
    }

    @Test
    void theRuntimeSettingsOfTheHelloAndTheMeasurersOwnCpuAreRecorded() throws Exception {
        Path dir = Files.createDirectories(home.resolve("src/peers/python"));
        PeerRunner r = fake(batches(10, reference()));
        Files.writeString(dir.resolve("concur_peer.py"), Files.readString(dir.resolve("concur_peer.py")).replace(
                "cores=2)", "cores=2, settings={'GOGC': '100', 'GOMAXPROCS': 2})"));
        RunOutcome o = run(r, 20_000);
        assertNull(o.failure(), o.failure());
        var fork = o.forks().get(0).fork();
        assertEquals(Map.of("GOGC", "100", "GOMAXPROCS", "2"), fork.settings());
        assertNull(fork.gc(), "a peer program has no JVM collector");
        var m = fork.measurer();
        assertTrue(m != null && m.wallSeconds() > 0 && m.cpuSeconds() >= 0, String.valueOf(m));
        assertTrue(m.cpuSeconds() < m.wallSeconds() * Runtime.getRuntime().availableProcessors() + 1,
                "no more CPU than the host's cores could give in that time: " + m);
    }

    @Test
    void settingsThatAreNotAnObjectAreAProtocolError() throws Exception {
        Path dir = Files.createDirectories(home.resolve("src/peers/python"));
        PeerRunner r = fake(batches(10, reference()));
        Files.writeString(dir.resolve("concur_peer.py"), Files.readString(dir.resolve("concur_peer.py")).replace(
                "cores=2)", "cores=2, settings=[1, 2])"));
        RunOutcome o = run(r, 20_000);
        assertTrue(String.valueOf(o.failure()).contains("'settings' is not an object"), o.failure());
    }

    private static final WorkloadParams RACE = new WorkloadParams(10, 0, 100);

    private RunOutcome runRace(PeerRunner r) throws Exception {
        Benchmark b = Benchmark.resolve("python-asyncio", "race-await", RACE, 200, null, 2, FAST, 30_000_000_000L, null, null, null);
        return r.run(b, 0, 2, new Watchdog.Deadline(null, 1_000_000, 20_000_000_000L));
    }

    /** Two measured race batches whose lines carry {@code race} (with these lost counts) and {@code lag} fields. */
    private static String raceBatches(String lostA, String lostB, String syncLost, boolean withRace) throws Exception {
        long sum;
        try (var p = dev.concur.workload.WorkloadRegistry.get("race-await").open(RACE)) {
            sum = dev.concur.workload.Reference.of(p.tasks()).checksum();
        }
        String race = "race={'updates': 1000, 'lost': %s, 'syncLost': " + syncLost + "}, ";
        return String.join("\n",
                "for it, lost in enumerate([" + lostA + ", " + lostB + "]):",
                "    emit(t='begin', it=it)",
                "    emit(t='batch', phase='measure', it=it, ns=1000000, count=10, sum=" + sum + ", "
                        + (withRace ? race.formatted("lost") : "") + "lag=[100 * (it + 1), 2000 * (it + 1)])",
                "emit(t='done')");
    }

    @Test
    void aPeersRaceCountsAndLagSamplesBecomeTheForksRaceAndLoopLag() throws Exception {
        RunOutcome o = runRace(fake(raceBatches("990", "995", "0", true)));
        assertNull(o.failure(), o.failure());
        var fork = o.forks().get(0);
        assertEquals(2, fork.validBatches(), String.valueOf(fork.firstMismatch()));
        assertEquals(new dev.concur.result.Race(1000, 2, 990, 995, 992.5, 0), fork.race());
        var lag = dev.concur.result.Histograms.merge(List.of(fork.loopLag()));
        assertEquals(4, lag.count(), "every sample of both batches, in one histogram");
        assertEquals(4.0, lag.max(), 0.01, "microseconds became milliseconds: 4,000 us is 4 ms");
    }

    @Test
    void aSynchronisedCounterThatLostUpdatesMakesTheBatchInvalid() throws Exception {
        var fork = runRace(fake(raceBatches("990", "995", "1", true))).forks().get(0);
        assertEquals(0, fork.validBatches());
        assertEquals("batch 1: the synchronised counter lost 1 of 1000 updates", fork.firstMismatch());
    }

    @Test
    void aRaceBatchThatDoesNotSayWhatItsCountersLostIsInvalid() throws Exception {
        var fork = runRace(fake(raceBatches("0", "0", "0", false))).forks().get(0);
        assertEquals(0, fork.validBatches());
        assertTrue(fork.firstMismatch().contains("no race counts reported"), fork.firstMismatch());
        assertNull(fork.race());
    }
}
