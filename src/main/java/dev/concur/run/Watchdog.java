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
import dev.concur.input.Durations;

/**
 * The deadline of one measuring process, from what it is seen to do. JMH's own {@code -to} only
 * interrupts the benchmark thread, which a spin loop ignores and a deadlock cannot act on; so the
 * watchdog watches the fork's progress (batches completed, the longest batch so far, which the fork
 * rewrites every 250 ms) and kills it only when it has stalled: no batch completed for three times
 * the longest batch seen (or the estimate, before any) plus {@value #GRACE_SECONDS} s for start-up.
 * A long but progressing run therefore finishes, however long its batches turn out to be. With
 * {@code --timeout} the deadline is also absolute.
 *
 * <p>When it fires it saves a thread dump of every fork ({@code jcmd PID Thread.print}, or SIGQUIT
 * into the JMH log where no jcmd exists), then kills every process this JVM started. JMH then sees
 * its fork die and returns, and concur records {@code timeout}.
 */
public final class Watchdog implements AutoCloseable {
    /** Start-up, set-up and teardown allowance on top of the batch-based window. */
    public static final long GRACE_SECONDS = 20;
    /** A batch may take this many times the longest one seen before the fork counts as stalled. */
    public static final int STALL_FACTOR = 3;
    private static final long POLL_MILLIS = 250;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "concur-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** What the measured processes have done so far. */
    public record Progress(long batches, long longestBatchNanos) {
        public static final Progress NONE = new Progress(0, 0);
    }

    /**
     * @param hardNanos          an absolute deadline from now ({@code --timeout}, what is left of it), or {@code null}
     * @param expectedBatchNanos the estimate of one batch, used until a batch has been seen
     * @param graceNanos         start-up allowance on top of the batch-based window
     */
    public record Deadline(Long hardNanos, double expectedBatchNanos, long graceNanos) {
        public Deadline(Long hardNanos, double expectedBatchNanos) {
            this(hardNanos, expectedBatchNanos, GRACE_SECONDS * 1_000_000_000L);
        }
    }

    private final Deadline deadline;
    private final Path dumpFile;
    private final java.util.function.Supplier<Progress> progress;
    private final long started = System.nanoTime();
    private final ScheduledFuture<?> poll;
    private long lastBatches;
    private long lastChange = started;
    private volatile boolean fired;
    private volatile String why;
    private volatile String dumped;

    public Watchdog(Deadline deadline, Path dumpFile, java.util.function.Supplier<Progress> progress) {
        this.deadline = deadline;
        this.dumpFile = dumpFile;
        this.progress = progress;
        this.poll = TIMER.scheduleWithFixedDelay(this::check, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The window a process may go without completing a batch. */
    static long stallWindowNanos(double expectedBatchNanos, long longestSeenNanos, long graceNanos) {
        return (long) (STALL_FACTOR * Math.max(expectedBatchNanos, longestSeenNanos)) + graceNanos;
    }

    private synchronized void check() {
        if (fired) return;
        long now = System.nanoTime();
        Progress p = progress.get();
        if (p.batches() != lastBatches) {
            lastBatches = p.batches();
            lastChange = now;
        }
        if (deadline.hardNanos() != null && now - started > deadline.hardNanos()) {
            fire("no result within " + Durations.format(roundToMillis(deadline.hardNanos())));
            return;
        }
        long window = stallWindowNanos(deadline.expectedBatchNanos(), p.longestBatchNanos(), deadline.graceNanos());
        if (now - lastChange > window) {
            String basis = p.longestBatchNanos() > 0 ? "the longest batch, " + Durations.format(roundToMillis(p.longestBatchNanos()))
                    : "the estimated batch, " + Durations.format(roundToMillis((long) deadline.expectedBatchNanos()));
            fire("no batch completed for " + Durations.format(roundToMillis(window)) + " (" + STALL_FACTOR + " x "
                    + basis + ", + " + Durations.format(roundToMillis(deadline.graceNanos())) + ")");
        }
    }

    private static long roundToMillis(long nanos) {
        return Math.max(1, Math.round(nanos / 1e6)) * 1_000_000L;
    }

    public boolean fired() {
        return fired;
    }

    /** Why it fired, e.g. {@code no result within 10s}; {@code null} if it did not. */
    public String why() {
        return why;
    }

    /** Where the thread dump went, or {@code null}. */
    public String dump() {
        return dumped;
    }

    private void fire(String reason) {
        fired = true;
        why = reason;
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
        poll.cancel(false);
        synchronized (this) {
            // if the alarm already went off, this waits until the dump and the kill are done
        }
    }
}
