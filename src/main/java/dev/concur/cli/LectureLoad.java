package dev.concur.cli;

import dev.concur.files.AtomicFiles;
import dev.concur.lecture.Experiment;
import dev.concur.report.ReportFiles;
import dev.concur.result.LoadReport;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.LoadReportReader;
import dev.concur.run.Version;
import dev.concur.run.load.Experiments;
import dev.concur.run.load.LoadRun;
import dev.concur.run.load.LoadRunner;
import dev.concur.run.load.LoadSetup;
import dev.concur.run.load.ServerLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A lecture experiment of kind load: the {@code concur load} run its command names, against servers
 * the wiring's {@link LoadRunner} starts, with every setting {@code concur load} would use by default,
 * its report rewritten atomically as {@code json/ID.json} after every server process, so a lecture
 * stopped half-way keeps what it measured. The machine is split while it runs and given back after.
 */
final class LectureLoad {
    /** concur load's defaults for what the lecture does not set: the platform pool, the backlog, no connection limit. */
    static final int THREADS = 200;
    static final int BACKLOG = 4096;
    static final long TIMEOUT_NANOS = 10_000_000_000L;
    static final long CPU_MICROS = 1000;

    private LectureLoad() {}

    /** Runs {@code e} (a load experiment) and writes its report to {@code report}. */
    static void run(Experiment e, Wiring wiring, Path report, PrintWriter stderr, boolean progress) throws Exception {
        Experiment.Load l = e.load();
        LoadRunner runner = wiring.loads();
        try (LoadSetup setup = runner.setUp()) {
            double nanosPerRound = wiring.estimator().get().nanosPerRound();
            Experiments.Settings settings = new Experiments.Settings(THREADS, setup.serverCores(), l.warmupNanos(), l.durationNanos(),
                    TIMEOUT_NANOS, nanosPerRound, 42);
            LoadRun.Plan plan = new LoadRun.Plan(List.of(l.experiment()), l.models(), l.connections(), l.connections(), l.waitMicros(),
                    CPU_MICROS, l.rate(), l.processes(), new ServerLauncher.Options(THREADS, BACKLOG, 0), settings,
                    Path.of(report.toAbsolutePath() + ".logs"), null);
            Map<String, Object> env = setup.environment();
            env.put("nanosPerRound", nanosPerRound);
            Map<String, Object> config = LoadRun.config(plan, setup.sharing());
            String started = wiring.now().get().toString();
            List<LoadResult> results = runner.run(plan, setup, line -> {
                if (!progress) return;
                stderr.println("  " + line);
                stderr.flush();
            }, rs -> write(report, LoadRun.report(Version.get(), started, "running", env, config, rs)));
            boolean stopped = Thread.currentThread().isInterrupted();
            write(report, LoadRun.report(Version.get(), started, stopped ? "interrupted" : "complete", env, config, results));
        }
    }

    /** A result that is neither a measurement nor a skip: {@code failed} or {@code invalid}. */
    static boolean failed(LoadResult r) {
        return r.status().equals("failed") || r.status().equals("invalid");
    }

    /** A load report the lecture wrote, for {@code --from}: checked by the one reader of load reports. */
    static LoadReport read(Path file) {
        return LoadReportReader.read(file);
    }

    private static void write(Path report, LoadReport r) {
        try {
            AtomicFiles.write(report, ReportFiles.json().writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
