package dev.concur.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hard deadline for one benchmark's forks. JMH's own {@code -to} only interrupts the benchmark
 * thread, which a spin loop ignores and a deadlock cannot act on; so when the deadline passes the
 * watchdog saves a thread dump of every fork ({@code jcmd PID Thread.print}, or SIGQUIT into the
 * JMH log where no jcmd exists), then kills every process this JVM started, forks and their
 * children alike. JMH then sees its fork die and returns, and concur records {@code timeout}.
 */
public final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "concur-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Path dumpFile;
    private final ScheduledFuture<?> alarm;
    private volatile boolean fired;
    private volatile String dumped;

    public Watchdog(long deadlineNanos, Path dumpFile) {
        this.dumpFile = dumpFile;
        this.alarm = TIMER.schedule(this::fire, deadlineNanos, TimeUnit.NANOSECONDS);
    }

    public boolean fired() {
        return fired;
    }

    /** Where the thread dump went, or {@code null}. */
    public String dump() {
        return dumped;
    }

    private synchronized void fire() {
        fired = true;
        List<ProcessHandle> javas = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("java.exe")).orElse(false))
                .toList();
        dumped = dumpThreads(javas);
        killDescendants();
    }

    private String dumpThreads(List<ProcessHandle> javas) {
        if (dumpFile == null || javas.isEmpty()) return null;
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Files.createDirectories(dumpFile.toAbsolutePath().getParent());
            Files.writeString(dumpFile, "concur watchdog: thread dump at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            for (ProcessHandle p : javas) {
                Files.writeString(dumpFile, "\n=== fork pid " + p.pid() + " ===\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                if (Files.isExecutable(jcmd)) {
                    Process dumpProc = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(dumpFile.toFile())).start();
                    if (!dumpProc.waitFor(15, TimeUnit.SECONDS)) dumpProc.destroyForcibly();
                } else {
                    new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
                    Files.writeString(dumpFile, "(no jcmd in " + System.getProperty("java.home")
                            + ": SIGQUIT sent, the dump is in the JMH log)\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    Thread.sleep(500);
                }
            }
            return dumpFile.toString();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return dumpFile.toString();
        }
    }

    /** Kills every process this JVM started, deepest first, and waits for them to go. */
    public static void killDescendants() {
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        for (int i = all.size() - 1; i >= 0; i--) all.get(i).destroyForcibly();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // still going after 10 s: nothing more a JVM can do than SIGKILL
            }
        }
    }

    @Override
    public void close() {
        alarm.cancel(false);
        synchronized (this) {
            // if the alarm already went off, this waits until the dump and the kill are done
        }
    }

    /**
     * The default deadline: start-up, plus warm-up and measurement at the longer of the iteration
     * time and the estimated batch, times a margin of 3, per fork; at least 30 s.
     */
    static long defaultDeadlineNanos(Benchmark b, double estBatchMs) {
        dev.concur.input.Profile p = b.profile();
        double batch = estBatchMs * 1e6;
        double perFork = 20e9 + 3 * (p.warmupIterations() * Math.max(p.warmupTime().toNanos(), batch)
                + p.iterations() * Math.max(p.iterationTime().toNanos(), batch));
        return (long) Math.max(30e9, p.forks() * perFork);
    }
}
