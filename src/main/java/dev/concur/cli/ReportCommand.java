package dev.concur.cli;

import dev.concur.report.Messages;
import dev.concur.report.ReportFiles;
import dev.concur.report.ReportFormat;
import dev.concur.report.ReportLoader;
import dev.concur.report.ReportWriter;
import dev.concur.result.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code concur report}: tables and charts from result files, in Spanish or English. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render one or more concur reports as tables and charts for slides and documents.",
                "Several files are merged; results from different machines or JDKs keep separate rows."},
        footer = {"", "Example: concur report results/run.json --format md,png,html --lang es"})
final class ReportCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "concur report files")
    List<Path> files;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FMT", defaultValue = "md",
            description = "md, csv, latex, html, png, svg; comma-separated (default: ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "directory for the files (default: <first file without .json>-report/ beside it)")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", description = "es or en (default: from your locale)")
    String lang;

    @Override
    public Integer call() throws Exception {
        String language = resolveLanguage(lang);
        List<ReportFormat> fmts = resolveFormats(formats);
        List<Report> reports = new ArrayList<>();
        for (Path f : files) {
            try {
                reports.add(ReportLoader.load(f));
            } catch (ReportLoader.ReportInputException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Path dir = out != null ? out : defaultDir(files.get(0));
        try {
            dev.concur.files.AtomicFiles.checkWritable(dir.resolve("probe"));
        } catch (IOException e) {
            throw new UsageException("cannot write to " + dir + ": " + e.getMessage());
        }
        List<Path> written = ReportWriter.write(reports, fmts, language, dir);
        PrintWriter o = spec.commandLine().getOut();
        for (Path p : written) o.println(p);
        o.flush();
        return ExitCodes.OK;
    }

    static Path defaultDir(Path firstFile) {
        String name = firstFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path parent = firstFile.getParent();
        return parent == null ? Path.of(stem + "-report") : parent.resolve(stem + "-report");
    }

    static String resolveLanguage(String lang) {
        if (lang == null) return Messages.defaultLanguage();
        if (!lang.equals("es") && !lang.equals("en")) throw new UsageException("unknown language '" + lang + "'. Valid: es, en");
        return lang;
    }

    static List<ReportFormat> resolveFormats(List<String> names) {
        LinkedHashSet<ReportFormat> out = new LinkedHashSet<>();
        for (String n : names) {
            try {
                out.add(ReportFormat.parse(n));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
