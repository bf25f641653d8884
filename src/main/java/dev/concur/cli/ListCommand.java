package dev.concur.cli;

import dev.concur.input.InputException;
import dev.concur.model.ModelRegistry;
import dev.concur.report.Messages;
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

    @picocli.CommandLine.Mixin
    LanguageOption lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Messages m = Messages.forLanguage(lang.resolve());
        out.println(m.get("list.models"));
        for (String name : ModelRegistry.names()) {
            out.printf("  %-18s %s%n", name, m.description("model", name, ModelRegistry.create(name).description()));
        }
        for (String name : ModelRegistry.optInNames()) {
            out.printf("  %-18s %s%n                     (%s)%n", name, m.description("model", name, ModelRegistry.create(name).description()),
                    m.get("list.optin"));
        }
        out.println();
        out.println(m.get("list.faults"));
        for (String name : ModelRegistry.faultNames()) {
            out.printf("  %-18s %s%n", name, m.description("model", name, ModelRegistry.create(name).description()));
        }
        out.println();
        out.println(m.get("list.peers"));
        dev.concur.run.peer.PeerRunner peers = new dev.concur.run.peer.PeerRunner(System.getenv());
        for (String name : dev.concur.peer.PeerModels.names()) {
            var pm = dev.concur.peer.PeerModels.find(name).orElseThrow();
            String why = peers.whyUnavailable(dev.concur.run.Benchmark.of(name, "io",
                    new WorkloadParams(1, 0, 0), 1, 1));
            out.printf("  %-22s %s%s%n", name, m.description("model", name, pm.description()),
                    why == null ? "" : System.lineSeparator() + "                         (" + m.get("list.unavailable", why) + ")");
        }
        out.println();
        out.println(m.get("list.workloads"));
        java.util.List<String> wls = new java.util.ArrayList<>(WorkloadRegistry.names());
        wls.addAll(WorkloadRegistry.optInNames());
        for (String name : wls) {
            var w = WorkloadRegistry.get(name);
            WorkloadParams d = w.defaults();
            StringBuilder params = new StringBuilder("--tasks " + d.tasks());
            if (w.usesLatency()) params.append(" --latency ").append(Durations.format(d.latencyNanos()));
            if (w.usesWork()) params.append(" --work ").append(d.work());
            out.printf("  %-13s %s%n                %s%n", name, m.description("workload.desc", name, w.description()), params);
        }
        out.println();
        out.println(m.get("list.servers"));
        for (String name : dev.concur.run.load.ServerCatalog.names()) {
            var e = dev.concur.run.load.ServerCatalog.get(name);
            out.printf("  %-24s %s%n", name, m.description("server", name, e.description()));
        }
        out.println();
        out.println(m.get("list.suites"));
        for (String name : Suites.names()) {
            try {
                Suite suite = Suites.load(name, Runtime.getRuntime().availableProcessors());
                out.printf("  %-8s %s%n", name, suite.description());
                for (SuiteRun run : suite.runs()) {
                    out.printf("           - %s%n             %s%n", run.description(), run.choices().asOptions());
                }
            } catch (InputException e) {
                out.printf("  %-8s (%s)%n", name, m.get("list.unreadable", e.getMessage()));
            }
        }
        out.println();
        out.println(m.get("list.profiles"));
        out.flush();
        return ExitCodes.OK;
    }
}
