package dev.concur.cli;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with an ETA on stderr, in estimated milliseconds of work, so that a 10-second
 * benchmark moves the bar ten times as far as a 1-second one. Shown only on a terminal, never
 * when {@code CI} is set or {@code CONCUR_PROGRESS=off}.
 */
abstract class Progress implements AutoCloseable {

    abstract void planned(int benchmarks, double estimatedSeconds);

    abstract void started(int index, String label, double estimatedSeconds);

    abstract void finished(int index);

    @Override
    public abstract void close();

    static Progress create(boolean allowed) {
        return allowed && enabled() ? new Bar() : new Silent();
    }

    /** On a terminal and not in CI; {@code CONCUR_PROGRESS=on|off} overrides. */
    static boolean enabled() {
        String forced = System.getenv("CONCUR_PROGRESS");
        if ("off".equalsIgnoreCase(forced)) return false;
        if ("on".equalsIgnoreCase(forced)) return true;
        if (System.getenv("CI") != null) return false;
        String tty = System.getenv("CONCUR_STDERR_TTY"); // set by scripts/concur from `[ -t 2 ]`
        if (tty != null) return tty.equals("1");
        return consoleIsTerminal();
    }

    private static boolean consoleIsTerminal() {
        var console = System.console();
        if (console == null) return false;
        try { // Console.isTerminal() exists from JDK 22; on 21 a non-null console means a terminal
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static final class Silent extends Progress {
        @Override
        void planned(int benchmarks, double estimatedSeconds) {}

        @Override
        void started(int index, String label, double estimatedSeconds) {}

        @Override
        void finished(int index) {}

        @Override
        public void close() {}
    }

    private static final class Bar extends Progress {
        private ProgressBar bar;
        private Thread ticker;
        private volatile long doneMs;      // estimated ms of finished benchmarks
        private volatile long currentMs;   // estimated ms of the running one
        private volatile long currentStart;
        private int total;
        private volatile String currentLabel = "";

        @Override
        void planned(int benchmarks, double estimatedSeconds) {
            total = benchmarks;
            bar = new ProgressBarBuilder()
                    .setTaskName("concur")
                    .setInitialMax(Math.max(1, Math.round(estimatedSeconds * 1000)))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" s", 1000)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .hideEta()
                    .build();
            ticker = Thread.ofPlatform().daemon(true).name("concur-progress").start(this::tick);
        }

        private void tick() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    long inCurrent = Math.min(currentMs, (System.nanoTime() - currentStart) / 1_000_000);
                    long at = doneMs + Math.max(0, inCurrent);
                    bar.stepTo(Math.min(at, bar.getMax()));
                    long left = Math.max(0, bar.getMax() - at);
                    bar.setExtraMessage(String.format(Locale.ROOT, " %s  ETA %s", currentLabel, eta(Duration.ofMillis(left))));
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String eta(Duration d) {
            long s = d.toSeconds();
            return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
        }

        @Override
        void started(int index, String label, double estimatedSeconds) {
            currentMs = Math.round(estimatedSeconds * 1000);
            currentStart = System.nanoTime();
            currentLabel = String.format(Locale.ROOT, "%d/%d %s", index + 1, total, label);
        }

        @Override
        void finished(int index) {
            doneMs += currentMs;
            currentMs = 0;
        }

        @Override
        public void close() {
            if (ticker != null) ticker.interrupt();
            if (bar != null) {
                bar.stepTo(bar.getMax());
                bar.close();
            }
        }
    }
}
