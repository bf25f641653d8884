package dev.concur.cli;

import dev.concur.model.ModelRegistry;
import dev.concur.suite.Suite;
import dev.concur.suite.SuiteException;
import dev.concur.suite.SuiteRun;
import dev.concur.suite.Suites;
import dev.concur.input.Durations;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code concur list}: the models and workloads, with what they do and their defaults. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the models, workloads and suites.")
final class ListCommand implements Callable<Integer> {

    /** A suite run's values, as options. */
    static String describe(SuiteRun r) {
        StringBuilder sb = new StringBuilder();
        sb.append("--model=").append(String.join(",", r.models()));
        sb.append(" --workload=").append(String.join(",", r.workloads()));
        if (r.tasks() != null) sb.append(" --tasks ").append(r.tasks());
        if (r.latencyNanos() != null) sb.append(" --latency ").append(Durations.format(r.latencyNanos()));
        if (r.work() != null) sb.append(" --work ").append(r.work());
        if (r.threads() != null) sb.append(" --threads ").append(r.threads());
        if (r.cores() != null) sb.append(" --cores ").append(r.cores().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        if (r.profile() != null) sb.append(" --profile ").append(r.profile());
        if (r.forks() != null) sb.append(" --forks ").append(r.forks());
        if (r.warmup() != null) sb.append(" --warmup ").append(r.warmup());
        if (r.iterations() != null) sb.append(" --iterations ").append(r.iterations());
        if (r.timeNanos() != null) sb.append(" --time ").append(Durations.format(r.timeNanos()));
        if (r.maxBatchNanos() != null) sb.append(" --max-batch ").append(Durations.format(r.maxBatchNanos()));
        return sb.toString();
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Models (--model):");
        for (String name : ModelRegistry.names()) {
            out.printf("  %-18s %s%n", name, ModelRegistry.create(name).description());
        }
        out.println();
        out.println("Fault models (by name only, never in 'all'; they exist to test concur's own fault handling):");
        for (String name : ModelRegistry.faultNames()) {
            out.printf("  %-18s %s%n", name, ModelRegistry.create(name).description());
        }
        out.println();
        out.println("Workloads (--workload), with their defaults; all = io, cpu, mixed, and http and file run when named:");
        java.util.List<String> wls = new java.util.ArrayList<>(WorkloadRegistry.names());
        wls.addAll(WorkloadRegistry.optInNames());
        for (String name : wls) {
            var w = WorkloadRegistry.get(name);
            WorkloadParams d = w.defaults();
            StringBuilder params = new StringBuilder("--tasks " + d.tasks());
            if (w.usesLatency()) params.append(" --latency ").append(Durations.format(d.latencyNanos()));
            if (w.usesWork()) params.append(" --work ").append(d.work());
            out.printf("  %-8s %s%n           %s%n", name, w.description(), params);
        }
        out.println();
        out.println("Suites (--suite NAME), from benchmarks/NAME.yaml:");
        for (String name : Suites.names()) {
            try {
                Suite suite = Suites.load(name, Runtime.getRuntime().availableProcessors());
                out.printf("  %-8s %s%n", name, suite.description());
                for (SuiteRun run : suite.runs()) {
                    out.printf("           - %s%n             %s%n", run.description(), describe(run));
                }
            } catch (SuiteException e) {
                out.printf("  %-8s (unreadable: %s)%n", name, e.getMessage());
            }
        }
        out.println();
        out.println("Profiles (--profile): quick (default), precise");
        out.flush();
        return ExitCodes.OK;
    }
}
