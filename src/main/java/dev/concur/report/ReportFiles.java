package dev.concur.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concur.result.Report;
import java.io.IOException;

/** The report as JSON: the one mapper and layout every writer of a concur report uses. */
public final class ReportFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {}

    public static ObjectMapper json() {
        return JSON;
    }

    /** The report as pretty-printed JSON with a final newline. */
    public static String toJson(Report report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise report", e);
        }
    }
}
