package dev.concur.report;

import dev.concur.result.LoadReport;
import dev.concur.result.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders reports in the asked formats and language into a directory; the only writer of report files. */
public final class ReportWriter {
    private ReportWriter() {}

    public static List<Path> write(List<Report> reports, List<ReportFormat> formats, String lang, Path dir) throws IOException {
        ReportTables tables = new ReportTables(reports);
        Messages m = Messages.forLanguage(lang);
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : formats) {
            for (ReportFormat.Output o : f.render(tables, m)) {
                Path p = dir.resolve(o.name());
                dev.concur.files.AtomicFiles.write(p, o.bytes());
                written.add(p);
            }
        }
        return written;
    }

    /** Renders load reports ({@code concur load}) the same way; png and svg write nothing yet (see {@link LoadFormats}). */
    public static List<Path> writeLoad(List<LoadReport> reports, List<ReportFormat> formats, String lang, Path dir) throws IOException {
        Messages m = Messages.forLanguage(lang);
        List<Path> written = new ArrayList<>();
        for (ReportFormat f : formats) {
            for (ReportFormat.Output o : LoadFormats.render(f, reports, m)) {
                Path p = dir.resolve(o.name());
                dev.concur.files.AtomicFiles.write(p, o.bytes());
                written.add(p);
            }
        }
        return written;
    }
}
