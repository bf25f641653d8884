package dev.concur.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.result.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads concur reports back for {@code concur report}; an unusable file is one line and exit 2. */
public final class ReportLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportLoader() {}

    public static Report load(Path path) throws ReportInputException {
        String name = path.toString();
        if (Files.isDirectory(path)) throw new ReportInputException(name + ": is a directory, not a report");
        if (!Files.isRegularFile(path)) throw new ReportInputException(name + ": no such file");
        try {
            if (Files.size(path) == 0) throw new ReportInputException(name + ": the file is empty");
            JsonNode root = JSON.readTree(path.toFile());
            if (root == null || !root.isObject() || !root.has("schemaVersion")) {
                throw new ReportInputException(name + ": not a concur report (no schemaVersion)");
            }
            int v = root.get("schemaVersion").asInt(-1);
            if (v != Report.SCHEMA_VERSION) {
                throw new ReportInputException(name + ": unknown schemaVersion " + root.get("schemaVersion")
                        + " (this concur reads " + Report.SCHEMA_VERSION + ")");
            }
            Report r = JSON.treeToValue(root, Report.class);
            if (r.results() == null) throw new ReportInputException(name + ": 'results' is missing");
            return r;
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage().startsWith("Unexpected end-of-input") ? "truncated JSON" : "not a valid report";
            throw new ReportInputException(name + ": " + what + " (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new ReportInputException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** A report file that cannot be rendered. */
    public static final class ReportInputException extends Exception {
        public ReportInputException(String message) {
            super(message);
        }
    }
}
