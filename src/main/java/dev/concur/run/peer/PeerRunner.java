package dev.concur.run.peer;

import dev.concur.fork.ForkReport;
import dev.concur.input.Profile;
import dev.concur.model.ModelUsage;
import dev.concur.peer.PeerModel;
import dev.concur.peer.PeerRuntime;
import dev.concur.result.ForkInfo;
import dev.concur.run.Affinity;
import dev.concur.run.Benchmark;
import dev.concur.run.BenchmarkRunner;
import dev.concur.run.RunOutcome;
import dev.concur.run.Watchdog;
import dev.concur.stats.Stats;
import dev.concur.workload.Reference;
import dev.concur.workload.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures a peer model: starts its program as a separate process (one process is one fork),
 * pinned with {@code taskset} for {@code --cores} and told the core count the way its runtime
 * wants it ({@code GOMAXPROCS}, pool and worker sizes), reads its line protocol, checks every
 * batch against the JVM's own reference (count and checksum: the same numbers in every language),
 * samples the resident memory and OS threads of its whole process tree from {@code /proc}, and
 * stops it at its deadline with the same {@link Watchdog} as JMH forks. Celery's Redis broker and
 * worker are started here, on loopback, and stopped when the benchmark ends, whatever happened.
 */
public final class PeerRunner implements BenchmarkRunner {
    private static final int STDERR_TAIL = 3;
    private static final byte[] GO = "go\n".getBytes(StandardCharsets.US_ASCII);
    private final PeerLocator locator;
    private final String taskset = Affinity.taskset();
    private final String setsid;
    private final String hostCpus = dev.concur.fork.ForkProbe.cpusAllowedList();
    private final Map<String, Reference> references = new ConcurrentHashMap<>();
    /** Updates each shared counter gets per batch, for workloads with counters (the races); absent otherwise. */
    private final Map<String, Long> raceUpdates = new ConcurrentHashMap<>();

    public PeerRunner(Map<String, String> env) {
        this.locator = new PeerLocator(PeerLocator.home(env), env);
        this.setsid = locator.which("setsid");
    }

    @Override
    public String whyUnavailable(Benchmark b) {
        return b.peer() == null ? null : locator.whyUnavailable(b.peer());
    }

    @Override
    public List<String> forkJvmArgs() {
        return List.of();
    }

    @Override
    public Pinning pinning() {
        return taskset == null || hostCpus == null ? Pinning.none("taskset not found (or not Linux)") : Pinning.TASKSET;
    }

    /** The JVM's reference for this workload and size: what every batch, in any language, must return. */
    private Reference reference(Benchmark b) throws Exception {
        String key = b.workloadName() + " " + b.params();
        Reference r = references.get(key);
        if (r != null) return r;
        try (Workload.Prepared p = b.workload().open(b.params())) {
            r = Reference.of(p.tasks());
            if (p.counters() != null) raceUpdates.put(key, p.counters().read().expected());
        }
        references.put(key, r);
        return r;
    }

    @Override
    public RunOutcome run(Benchmark b, int index, int iterations, Watchdog.Deadline deadline) throws InterruptedException {
        PeerModel model = b.peer();
        Reference ref;
        try {
            ref = reference(b);
        } catch (Exception e) {
            return RunOutcome.failed("cannot compute the reference: " + e, List.of(), null);
        }
        String pinned = b.cores() != null && pinning().pinned() ? Affinity.firstCpus(hostCpus, b.cores()) : null;
        try (Services services = Services.start(model, b, locator)) {
            List<String> cmd = new ArrayList<>();
            // a session of its own: killing its process group also kills children it left behind
            if (setsid != null) cmd.add(setsid);
            if (pinned != null) cmd.addAll(List.of(taskset, "-c", pinned));
            cmd.addAll(locator.command(model.runtime()));
            cmd.addAll(arguments(b, iterations, services));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (model.runtime() == PeerRuntime.GO) pb.environment().put("GOMAXPROCS", Integer.toString(b.processors()));
            pb.environment().put("PYTHONUNBUFFERED", "1");
            Path stderr = Files.createTempFile("concur-peer-", ".err");
            pb.redirectError(stderr.toFile());
            HostCpu host = HostCpu.now();
            Process proc = pb.start();
            try {
                return measure(b, ref, proc, stderr, pinned, String.join(" ", cmd), deadline, host);
            } finally {
                killTree(proc);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            return RunOutcome.failed("cannot start " + model.name() + ": " + e.getMessage(), List.of(), pinned);
        }
    }

    /** The program's arguments: the benchmark, the measurement rules, the sizes (docs/peers.md). */
    static List<String> arguments(Benchmark b, int iterations, Services services) {
        Profile p = b.profile();
        List<String> a = new ArrayList<>(List.of("--model", b.model(), "--workload", b.workloadName(),
                "--tasks", Integer.toString(b.params().tasks()), "--latency-ns", Long.toString(b.params().latencyNanos()),
                "--work", Long.toString(b.params().work()), "--threads", Integer.toString(b.threads()),
                "--cores", Integer.toString(b.processors()), "--iterations", Integer.toString(iterations),
                "--iteration-ms", Long.toString(p.iterationTime().toMillis())));
        if (p.adaptiveWarmup()) {
            a.addAll(List.of("--warmup", "auto", "--warmup-cap-ms", Long.toString(p.warmupCap().toMillis()),
                    "--warmup-cap-batches", Integer.toString(p.warmupCapBatches())));
        } else {
            a.addAll(List.of("--warmup", Integer.toString(p.warmupIterations()),
                    "--warmup-iteration-ms", Long.toString(p.warmupTime().toMillis())));
        }
        a.addAll(services.arguments());
        return a;
    }

    private RunOutcome measure(Benchmark b, Reference ref, Process proc, Path stderr, String pinned, String command,
                               Watchdog.Deadline deadline, HostCpu host) throws IOException, InterruptedException {
        AtomicLong batches = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        TreeSampler sampler = new TreeSampler(proc.toHandle());
        sampler.start();
        Watchdog watchdog = new Watchdog(deadline, null, () -> new Watchdog.Progress(batches.get(), longest.get()));
        PeerProtocol.Hello hello = null;
        PeerProtocol.WarmupDone warm = null;
        Map<Integer, long[]> iterations = new TreeMap<>(); // iteration -> {nanos, batches}
        long checked = 0, valid = 0, measured = 0;
        String mismatch = null, failure = null;
        boolean done = false;
        List<Double> rssPerTask = new ArrayList<>();
        long cpuTicks = 0, cpuTasks = 0; // over the measured batches: ticks are 10 ms, too coarse for one batch
        Long peakAlive = null;
        boolean aliveCounted = true;
        Map<String, List<Double>> runtimeSaid = new TreeMap<>();
        List<Double> submitMs = new ArrayList<>(), completeMs = new ArrayList<>(); // measured batches that timed their hand-over
        boolean submitTimed = true;
        Long updates = raceUpdates.get(b.workloadName() + " " + b.params());
        RaceTally race = new RaceTally();
        org.HdrHistogram.Histogram lag = dev.concur.result.Histograms.create();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                PeerProtocol.Event e;
                try {
                    e = PeerProtocol.parse(n, line);
                } catch (PeerProtocol.ProtocolException bad) {
                    failure = bad.getMessage();
                    break;
                }
                if (hello == null && !(e instanceof PeerProtocol.Hello)) {
                    failure = "peer protocol: line " + n + ": the first line must be hello: " + PeerProtocol.quote(line);
                    break;
                }
                switch (e) {
                    case PeerProtocol.Hello h -> {
                        hello = h;
                        sampler.readAffinity(); // now the runtime runs: setsid and taskset have exec'd into it
                        sampler.markIdle();     // and has run no batch: the baseline of RSS per task
                        go(proc);               // the baseline is read: now it may start
                    }
                    case PeerProtocol.Begin begin -> {
                        sampler.begin();
                        host.batchBegins();
                    }
                    case PeerProtocol.BatchDone d -> {
                        checked++;
                        String shared = RaceTally.check(d.race(), updates);
                        if (d.count() == ref.tasks() && d.sum() == ref.checksum() && shared == null) {
                            valid++;
                        } else if (mismatch == null) {
                            mismatch = shared != null ? "batch " + checked + ": " + shared
                                    : "batch " + checked + ": " + d.count() + " of " + ref.tasks() + " tasks completed, checksum "
                                    + d.sum() + " (expected " + ref.checksum() + ")";
                        }
                        if (d.measured()) {
                            race.add(d.race());
                            for (long micros : d.lagMicros()) lag.recordValue(micros * 1_000);
                        }
                        batches.incrementAndGet();
                        longest.accumulateAndGet(d.nanos(), Math::max);
                        if (d.measured()) {
                            measured++;
                            long[] it = iterations.computeIfAbsent(d.iteration(), k -> new long[2]);
                            it[0] += d.nanos();
                            it[1]++;
                            if (d.alive() == null) {
                                aliveCounted = false;
                            } else if (peakAlive == null || d.alive() > peakAlive) {
                                peakAlive = d.alive();
                            }
                            d.runtime().forEach((k, v) -> runtimeSaid.computeIfAbsent(k, x -> new ArrayList<>()).add((double) v));
                            if (d.submitNanos() == null) {
                                submitTimed = false;
                            } else {
                                submitMs.add(d.submitNanos() / 1e6);
                                completeMs.add(d.nanos() / 1e6);
                            }
                            long ticks = sampler.batchCpuTicks();
                            if (ticks >= 0) {
                                cpuTicks += ticks;
                                cpuTasks += b.params().tasks();
                            }
                            long grown = sampler.end();
                            host.batchEnds();
                            if (grown >= 0 && b.workload().taskCount(b.params()) == b.params().tasks()) {
                                rssPerTask.add((double) grown / b.params().tasks());
                            }
                        }
                    }
                    case PeerProtocol.WarmupDone w -> warm = w;
                    case PeerProtocol.Failure f -> failure = "failed in " + b.model() + ": " + f.message();
                    case PeerProtocol.Done d -> done = true;
                }
                if (failure != null || done) break;
            }
        } finally {
            if (!done) killTree(proc);
            proc.waitFor(10, TimeUnit.SECONDS);
            watchdog.close();
            sampler.stop();
        }
        int cores = hello == null ? b.processors() : hello.cores();
        String runtime = hello != null ? hello.runtime() : locator.version(b.peer().runtime());
        // medians over the same batches, and only when every measured batch timed its hand-over (as alive)
        ForkInfo.Dispatch dispatch = submitTimed && !submitMs.isEmpty()
                ? new ForkInfo.Dispatch(submitMs.size(), Stats.median(submitMs), Stats.median(completeMs)) : null;
        ForkInfo info = new ForkInfo(proc.pid(), List.of(command), null, runtime, cores, sampler.cpusAllowed(), null,
                hello == null ? null : hello.settings(), host.since(), dispatch);
        Long alive = aliveCounted ? peakAlive : null; // a peak over some batches only is no peak
        Map<String, Double> runtimeMemory = new TreeMap<>();
        runtimeSaid.forEach((k, v) -> runtimeMemory.put(k, Stats.median(v)));
        ForkReport report = new ForkReport(info, checked, valid, ref.tasks(), ref.checksum(), mismatch, 0,
                new ModelUsage(null, sampler.peakThreads(), (int) sampler.peakThreads()), failure, List.of(), null,
                dev.concur.result.Histograms.encode(lag), null,
                warm == null ? 0 : warm.batches(), warm == null ? 0 : warm.nanos(), warm == null ? null : warm.steady(),
                warm == null ? null : warm.spreadPct(), Stats.median(rssPerTask), race.race(), null, alive, Map.copyOf(runtimeMemory),
                cpuTasks == 0 ? null : cpuTicks * (1e9 / TreeSampler.CLOCK_TICKS_PER_SECOND) / cpuTasks);
        if (watchdog.fired()) {
            return RunOutcome.timedOut("timeout: " + watchdog.why() + "; the peer was killed", List.of(report), pinned, null);
        }
        if (failure == null && !done) {
            failure = b.model() + " exited with code " + exitCode(proc) + " before it finished" + stderrTail(stderr);
        }
        if (failure != null) {
            return RunOutcome.failed(failure, List.of(new ForkReport(info, checked, valid, ref.tasks(), ref.checksum(),
                    mismatch, 0, report.usage(), failure, List.of(), null, report.loopLag(), null, report.warmupBatches(),
                    report.warmupNanos(), report.steady(), report.spreadPct(), report.rssPerTaskBytes(), report.race(), null,
                    report.peakAlive(), report.runtimeMemory(), report.cpuPerTaskNanos())), pinned);
        }
        List<Double> samples = new ArrayList<>();
        for (long[] it : iterations.values()) samples.add(it[0] / 1e6 / it[1]);
        if (samples.isEmpty()) return RunOutcome.failed(b.model() + " measured nothing", List.of(report), pinned);
        return RunOutcome.measured(List.of(samples), measured, List.of(report), pinned);
    }

    /**
     * The handshake's second half (docs/peers.md): after hello the program waits for the line {@code go} on
     * its stdin, so the idle baseline is read from a program that has run nothing. A program that already
     * exited cannot hear it; reading its stdout then says what happened.
     */
    private static void go(Process proc) {
        try (var toPeer = proc.getOutputStream()) {
            toPeer.write(GO);
            toPeer.flush();
        } catch (IOException gone) {
            // it exited: the end of its stdout (or its error line) is the failure to report
        }
    }

    /**
     * concur's own CPU time (every thread of this process: the sampler, the line reader, the
     * watchdog) from a start, and summed over the peer's measured batches, for {@link ForkInfo.MeasurerCpu}.
     * A batch's window opens when its {@code begin} line is read and closes when its {@code batch} line
     * is: concur's work at those two moments (the sampler's reads) falls inside it.
     */
    private static final class HostCpu {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private final long cpuNanos = OS.getProcessCpuTime();
        private final long wallNanos = System.nanoTime();
        private long batchCpu, batchWall, openCpu = -1, openWall;
        private boolean unreadable = cpuNanos < 0;

        static HostCpu now() {
            return new HostCpu();
        }

        void batchBegins() {
            openCpu = OS.getProcessCpuTime();
            openWall = System.nanoTime();
        }

        void batchEnds() {
            if (openCpu < 0) return; // a measured batch line without its begin line: nothing to attribute
            long cpu = OS.getProcessCpuTime();
            if (cpu < 0) unreadable = true;
            batchCpu += cpu - openCpu;
            batchWall += System.nanoTime() - openWall;
            openCpu = -1;
        }

        /** The CPU and wall time from this start to now; {@code null} where the JVM cannot read its CPU time. */
        ForkInfo.MeasurerCpu since() {
            long cpu = OS.getProcessCpuTime();
            if (unreadable || cpu < 0) return null;
            return new ForkInfo.MeasurerCpu((cpu - cpuNanos) / 1e9, (System.nanoTime() - wallNanos) / 1e9,
                    batchWall > 0 ? batchCpu / 1e9 : null, batchWall > 0 ? batchWall / 1e9 : null);
        }
    }

    private static String exitCode(Process p) {
        return p.isAlive() ? "(still running)" : Integer.toString(p.exitValue());
    }

    /** The last lines the program wrote on stderr, for the failure note. */
    private static String stderrTail(Path stderr) {
        try {
            List<String> lines = Files.readAllLines(stderr).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) return "";
            List<String> tail = lines.subList(Math.max(0, lines.size() - STDERR_TAIL), lines.size());
            return ": " + PeerProtocol.quote(String.join(" | ", tail));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Kills a process and everything it started, deepest first, and waits for them; a process started
     * with setsid leads its own process group, and the group is killed too, so children whose parent
     * already exited (and were re-parented away from it) go as well.
     */
    static void killTree(Process p) {
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the descendants below are still killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> all = new ArrayList<>(p.toHandle().descendants().toList());
        for (int i = all.size() - 1; i >= 0; i--) all.get(i).destroyForcibly();
        p.destroyForcibly();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more to do than SIGKILL
            }
        }
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
