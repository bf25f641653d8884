package dev.concur.cli;

import dev.concur.files.AtomicFiles;
import dev.concur.report.ReportFiles;
import dev.concur.result.Report;
import dev.concur.run.Watchdog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What happens on Ctrl-C (SIGINT) or SIGTERM during {@code concur bench}: the JVM runs this
 * shutdown hook, which kills the running fork (and anything else this process started), rewrites
 * the report with {@code "termination": "interrupted"} and every result measured so far, and
 * lets the JVM exit with 130 or 143 (128 + the signal, the JVM's own convention).
 *
 * <p>All report writes go through {@link #write}, under one lock, so the main thread cannot
 * overwrite the interrupted report after the hook has written it.
 */
final class Interruption {
    private final Path reportPath;
    private final PrintWriter err;
    private final Object lock = new Object();
    private final Thread hook = new Thread(this::onSignal, "concur-shutdown");
    private Report latest;
    private boolean stopped;
    private boolean done;

    Interruption(Path reportPath, PrintWriter err) {
        this.reportPath = reportPath;
        this.err = err;
    }

    Thread hook() {
        return hook;
    }

    /** Writes {@code r} atomically, unless the run was interrupted meanwhile. */
    void write(Report r) {
        synchronized (lock) {
            if (stopped) return;
            latest = r;
            try {
                AtomicFiles.write(reportPath, ReportFiles.toJson(r));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + reportPath + ": " + e.getMessage(), e);
            }
        }
    }

    /** The run ended normally: the hook is no longer needed. */
    void done() {
        synchronized (lock) {
            done = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; the hook will see done = true
        }
    }

    private void onSignal() {
        synchronized (lock) {
            if (done) return;
            stopped = true;
        }
        Watchdog.killDescendants(); // JMH forks, taskset wrappers, jcmd
        synchronized (lock) {
            if (latest == null) return;
            Report r = latest;
            Report partial = new Report(r.schemaVersion(), r.concurVersion(), r.timestamp(), "interrupted",
                    r.environment(), r.config(), r.results(), r.scaling(), r.summary());
            try {
                AtomicFiles.write(reportPath, ReportFiles.toJson(partial));
                err.println();
                err.println("concur: interrupted; " + r.results().size() + " result(s) kept in " + reportPath);
            } catch (IOException e) {
                err.println("concur: interrupted; could not write " + reportPath + ": " + e.getMessage());
            }
            err.flush();
        }
    }
}
