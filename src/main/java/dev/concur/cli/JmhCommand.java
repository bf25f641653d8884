package dev.concur.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Raw JMH, for people who know it: {@code concur jmh BatchBenchmark -p model=virtual -lprof}. */
@Command(name = "jmh",
        description = {"Run JMH's own command line on concur's benchmarks (all arguments go to JMH).",
                "Nothing is validated or reported by concur here: prefer 'concur bench'."})
final class JmhCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "JMH_ARG", description = "arguments for org.openjdk.jmh.Main (try -h)")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
