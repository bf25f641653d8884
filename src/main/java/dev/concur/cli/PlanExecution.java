package dev.concur.cli;

import dev.concur.files.AtomicFiles;
import dev.concur.result.Report;
import dev.concur.result.Result;
import dev.concur.run.BenchRun;
import dev.concur.run.Benchmark;
import dev.concur.run.BenchmarkRunner;
import dev.concur.run.Plan;
import dev.concur.run.RunnerContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Runs one resolved plan the way {@code concur bench} does, for every command that measures
 * ({@code bench}, {@code lecture}): JMH's output to a log beside the report (or stderr with
 * {@code --verbose}), a progress bar on stderr, the report rewritten atomically after every
 * benchmark, and Ctrl-C leaving an {@code interrupted} report behind.
 *
 * @param wiring     what runs the forks, estimates and probes the machine
 * @param stderr     where warnings and the progress bar go
 * @param progress   whether to draw the progress bar
 * @param verbose    JMH's own output on stderr instead of the log
 * @param traceTasks {@code --trace}: the traced batch's size, or {@code null}
 * @param jmhJson    {@code --jmh-json}, or {@code null}
 */
record PlanExecution(Wiring wiring, PrintWriter stderr, boolean progress, boolean verbose, Integer traceTasks, Path jmhJson) {

    /** The JMH log written beside {@code reportPath}. */
    static Path jmhLog(Path reportPath) {
        return reportPath.resolveSibling(AtomicFiles.stem(reportPath) + ".jmh.log");
    }

    Report execute(Plan plan, Path reportPath, Instant startedAt) throws Exception {
        try (PrintStream jmhOut = verbose ? new PrintStream(nonClosing(System.err), true, StandardCharsets.UTF_8)
                : new PrintStream(Files.newOutputStream(jmhLog(reportPath)), true, StandardCharsets.UTF_8)) {
            String runId = AtomicFiles.stem(reportPath) + "-" + ProcessHandle.current().pid();
            BenchmarkRunner runner = wiring.runner().apply(new RunnerContext(jmhOut, reportPath, runId, jmhJson, traceTasks));
            if (plan.limitsCores() && !runner.pinning().pinned()) {
                stderr.println("concur: cannot pin forks to CPUs (" + runner.pinning().why() + "); results record pinnedCpus: null");
            }
            return run(plan, runner, reportPath, startedAt);
        }
    }

    /** Runs the plan with a progress bar, writing every report through the interruption handler. */
    private Report run(Plan plan, BenchmarkRunner runner, Path reportPath, Instant startedAt) throws InterruptedException {
        BenchRun run = new BenchRun(runner, wiring.estimator().get(), wiring.nanoClock(), wiring.limits());
        Interruption interruption = new Interruption(reportPath, stderr);
        Runtime.getRuntime().addShutdownHook(interruption.hook());
        try (Progress bar = Progress.create(progress && !verbose)) {
            return run.run(plan.benchmarks(), wiring.environment().get(), plan.config(runner), startedAt, new BenchRun.Listener() {
                @Override
                public void planned(List<Benchmark> benchmarks, double seconds) {
                    bar.planned(benchmarks.size(), seconds);
                }

                @Override
                public void started(int index, Benchmark b, double seconds) {
                    bar.started(index, b.label(), seconds);
                }

                @Override
                public void finished(int index, Result r) {
                    bar.finished(index);
                }

                @Override
                public void reportUpdated(Report r) {
                    interruption.write(r);
                }
            });
        } finally {
            interruption.done();
        }
    }

    private static OutputStream nonClosing(OutputStream s) {
        return new java.io.FilterOutputStream(s) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
