package dev.concur.cli;

import dev.concur.input.InputException;
import dev.concur.model.ModelRegistry;
import dev.concur.suite.Suite;
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
        out.println("Workloads (--workload), with their defaults; all = io, cpu, mixed; http, file and pipeline run when named:");
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
                    out.printf("           - %s%n             %s%n", run.description(), run.choices().asOptions());
                }
            } catch (InputException e) {
                out.printf("  %-8s (unreadable: %s)%n", name, e.getMessage());
            }
        }
        out.println();
        out.println("Profiles (--profile): quick (default), precise");
        out.flush();
        return ExitCodes.OK;
    }
}
