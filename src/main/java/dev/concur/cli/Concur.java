package dev.concur.cli;

import dev.concur.input.InputException;
import dev.concur.run.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The {@code concur} command: subcommands do the work; this maps every error to one line and an exit code. */
@Command(name = "concur",
        resourceBundle = "dev.concur.cli.Help",
        mixinStandardHelpOptions = true,
        versionProvider = Concur.VersionProvider.class,
        description = "Compare JVM concurrency models on the same workloads, measured with JMH.",
        subcommands = {BenchCommand.class, ReportCommand.class, CompareCommand.class, LectureCommand.class, ServeCommand.class, LoadCommand.class,
                ListCommand.class, JmhCommand.class, CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class,
                ManPageGenerator.class},
        footer = {"", "Exit codes:",
                "  0    ok",
                "  1    a benchmark failed, timed out or was invalid; compare: a regression",
                "  2    bad input (nothing ran, nothing was written)",
                "  3    compare: inconclusive",
                "  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)"})
public final class Concur implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
        helpLanguage(args, System.getenv("CONCUR_LANG"));
        System.exit(commandLine(Wiring.real()).execute(args));
    }

    /**
     * Help follows the JVM's default locale; {@code --lang es} (or {@code CONCUR_LANG=es}) sets it
     * first, so that {@code concur --help --lang es} and {@code concur bench --lang es --help} are Spanish.
     */
    static void helpLanguage(String[] args, String env) {
        String lang = env;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) lang = args[i + 1];
            else if (args[i].startsWith("--lang=")) lang = args[i].substring("--lang=".length());
        }
        if ("es".equals(lang)) java.util.Locale.setDefault(java.util.Locale.forLanguageTag("es-ES"));
        else if ("en".equals(lang)) java.util.Locale.setDefault(java.util.Locale.forLanguageTag("en-US"));
    }

    /** The configured command line; tests pass a {@link Wiring} with a fake runner. */
    public static CommandLine commandLine(Wiring wiring) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == BenchCommand.class) return cls.cast(new BenchCommand(wiring));
                if (cls == LectureCommand.class) return cls.cast(new LectureCommand(wiring));
                return CommandLine.defaultFactory().create(cls);
            }
        };
        CommandLine cl = new CommandLine(new Concur(), factory);
        cl.setParameterExceptionHandler(Concur::onBadArguments);
        cl.setExecutionExceptionHandler(Concur::onFailure);
        // concur jmh -l, -lp, -h, --help: everything after "jmh" is JMH's
        CommandLine jmh = cl.getSubcommands().get("jmh");
        jmh.setUnmatchedOptionsArePositionalParams(true);
        jmh.setUnmatchedArgumentsAllowed(false);
        // picocli hides generate-completion by default; concur lists it, as hyperfine and ripgrep do theirs
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        ServeCommand.describeModels(cl.getSubcommands().get("serve"));
        // the man page is generated at build time ('./mvnw verify' writes target/man/concur.1), not by users
        cl.getSubcommands().get("gen-manpage").getCommandSpec().usageMessage().hidden(true);
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** picocli's parse errors: one line, with where to look for the valid input. */
    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String msg = ex.getMessage().lines().findFirst().orElse("bad arguments");
        err.println(cmd.getCommandName().equals("concur") ? "concur: " + msg
                : "concur " + cmd.getCommandName() + ": " + msg + " (see 'concur " + cmd.getCommandName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Errors thrown while running: usage errors exit 2, anything else 1; a stack trace only with --verbose. */
    private static int onFailure(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String prefix = "concur " + cmd.getCommandName() + ": ";
        if (ex instanceof InputException) {
            err.println(prefix + ex.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        err.println(prefix + "error: " + msg.lines().findFirst().orElse(msg));
        if (parsed.hasMatchedOption("--verbose")) ex.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILURE;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"concur " + Version.get(),
                    "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
