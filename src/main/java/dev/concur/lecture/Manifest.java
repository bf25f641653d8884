package dev.concur.lecture;

import java.util.List;

/**
 * {@code lecture.json}: what a lecture run measured and where its reports are, so that the deck can
 * be rendered again (in another language) without measuring.
 *
 * @param schemaVersion   this file's layout, {@value #SCHEMA}
 * @param concurVersion   the concur that measured
 * @param startedAt       when the run started (UTC, ISO-8601)
 * @param wallSeconds     how long the measuring took
 * @param quick           whether it was a {@code --quick} run
 * @param questions       the questions answered
 * @param experiments     what ran, each with its command and report file (relative to the folder)
 */
public record Manifest(int schemaVersion, String concurVersion, String startedAt, double wallSeconds, boolean quick,
                       List<String> questions, List<Entry> experiments) {
    public static final int SCHEMA = 1;
    public static final String FILE = "lecture.json";

    /**
     * @param id      the experiment
     * @param command how to repeat it
     * @param report  its JSON report, relative
     * @param kind    {@value #BENCH} (a concur bench report) or {@value #LOAD} (a concur load report); absent in older manifests: bench
     */
    public record Entry(String id, String command, String report, String kind) {
        public static final String BENCH = "bench";
        public static final String LOAD = "load";

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isLoad() {
            return LOAD.equals(kind);
        }
    }
}
