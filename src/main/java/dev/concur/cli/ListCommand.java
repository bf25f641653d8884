package dev.concur.cli;

import dev.concur.model.ModelRegistry;
import dev.concur.workload.Durations;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code concur list}: the models and workloads, with what they do and their defaults. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the models and workloads.")
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
        out.println("Workloads (--workload), with their defaults:");
        for (String name : WorkloadRegistry.names()) {
            var w = WorkloadRegistry.get(name);
            WorkloadParams d = w.defaults();
            StringBuilder params = new StringBuilder("--tasks " + d.tasks());
            if (w.usesLatency()) params.append(" --latency ").append(Durations.format(d.latencyNanos()));
            if (w.usesWork()) params.append(" --work ").append(d.work());
            out.printf("  %-8s %s%n           %s%n", name, w.description(), params);
        }
        out.println();
        out.println("Profiles (--profile): quick (default), precise");
        out.flush();
        return ExitCodes.OK;
    }
}
