package dev.concur.run;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a runner needs from the command that starts it.
 *
 * @param jmhOutput  where JMH's own console output goes
 * @param reportPath the JSON report; thread dumps are written beside it
 * @param runId      a token every fork carries as {@code -Dconcur.run=ID}, so a leftover fork
 *                   can be found with {@code pgrep -f concur.run=ID}
 * @param jmhJson    where to write JMH's own JSON for the run ({@code --jmh-json}), or {@code null}
 * @param traceTasks {@code --trace}: the size of the batch each benchmark's first fork traces after
 *                   measuring, or {@code null} for no trace
 */
public record RunnerContext(PrintStream jmhOutput, Path reportPath, String runId, Path jmhJson, Integer traceTasks) {

    public RunnerContext(PrintStream jmhOutput, Path reportPath, String runId, Path jmhJson) {
        this(jmhOutput, reportPath, runId, jmhJson, null);
    }
}
