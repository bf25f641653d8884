package dev.concur.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.files.AtomicFiles;
import dev.concur.input.InputException;
import dev.concur.input.InputFiles;
import dev.concur.report.ReportFormat;
import dev.concur.report.ReportWriter;
import dev.concur.result.LoadReport;
import dev.concur.result.LoadReportReader;
import dev.concur.result.Report;
import dev.concur.result.ReportReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code concur report}: tables and charts from result files, in Spanish or English. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render one or more concur reports as tables and charts for slides and documents.",
                "Several files are merged; results from different machines or JDKs keep separate rows.",
                "Load reports (concur load) render as one table per experiment, in files named load.*; their charts come from concur lecture."},
        footer = {"", "Example: concur report results/run.json --format md,png,html --lang es"})
final class ReportCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "concur report files: all from concur bench, or all from concur load")
    List<Path> files;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FMT", defaultValue = "md",
            description = "md, csv, latex, html, png, svg; comma-separated (default: ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "directory for the files (default: <first file without .json>-report/ beside it)")
    Path out;

    @Mixin
    LanguageOption lang;

    @Override
    public Integer call() throws Exception {
        String language = lang.resolve();
        List<ReportFormat> fmts = ReportFormat.parseAll(formats);
        List<Report> reports = new ArrayList<>();
        List<LoadReport> loads = new ArrayList<>();
        for (Path f : files) {
            JsonNode root = InputFiles.readJson(f, "a report");
            boolean load = LoadReportReader.looksLikeLoadReport(root);
            if (load) loads.add(LoadReportReader.fromTree(f.toString(), root));
            else if (ReportReader.looksLikeReport(root)) reports.add(ReportReader.fromTree(f.toString(), root));
            else throw new InputException(f + ": not a concur report (no schemaVersion, nor the schema of a load report)");
            if (!loads.isEmpty() && !reports.isEmpty()) {
                throw new InputException(f + " is a " + (load ? "load" : "bench") + " report and " + files.get(0) + " a "
                        + (load ? "bench" : "load") + " report: render concur load's and concur bench's reports in separate calls");
            }
        }
        Path dir = out != null ? out : defaultDir(files.get(0));
        try {
            AtomicFiles.checkWritable(dir.resolve("probe"));
        } catch (IOException e) {
            throw new InputException("cannot write to " + dir + ": " + e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        List<Path> written = loads.isEmpty() ? ReportWriter.write(reports, fmts, language, dir)
                : ReportWriter.writeLoad(loads, fmts, language, dir);
        for (Path p : written) o.println(p);
        o.flush();
        return ExitCodes.OK;
    }

    /** {@code results/run.json} → {@code results/run-report/}. */
    static Path defaultDir(Path firstFile) {
        String stem = AtomicFiles.stem(firstFile);
        Path parent = firstFile.getParent();
        return parent == null ? Path.of(stem + "-report") : parent.resolve(stem + "-report");
    }
}
