package dev.concur.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Raw JMH, for people who know it: {@code concur jmh BatchBenchmark -p model=virtual -prof gc}.
 * Every argument after {@code jmh}, dash options included ({@code -l}, {@code -lp}, {@code -h},
 * {@code --help}), goes to JMH unchanged; {@link Concur#commandLine} configures this command to
 * treat unknown options as arguments and to define no options of its own.
 */
@Command(name = "jmh",
        description = {"Run JMH's own command line on concur's benchmarks (every argument goes to JMH; try -h).",
                "Nothing is validated or reported by concur here: prefer 'concur bench'."})
final class JmhCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "JMH_ARG", description = "arguments for org.openjdk.jmh.Main, e.g. -l, -lp, -h")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        // JMH's own parser knows -h but not --help; people type both
        org.openjdk.jmh.Main.main(args.stream().map(a -> a.equals("--help") ? "-h" : a).toArray(String[]::new));
        return ExitCodes.OK;
    }
}
