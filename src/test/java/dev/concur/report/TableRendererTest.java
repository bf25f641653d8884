package dev.concur.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.result.Params;
import dev.concur.result.Report;
import dev.concur.result.Result;
import dev.concur.result.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The footnotes of the terminal table and of the report formats. */
class TableRendererTest {

    @Test
    void everyNoteOfAResultIsShownNotOnlyTheFirst() throws Exception {
        Params p = new Params(1_000_000, 1000.0, null, 200, "quick", 1, 0, 0, 5, 200, null, null, null, null, null, null, null, null);
        double ms = 3300;
        Score s = new Score(ms, 1540.0, 46.7, 0.999, "ms", List.of(ms, ms, ms, ms, ms), 5, Score.STUDENT_T, ms, ms,
                List.of(List.of(ms, ms, ms, ms, ms)), "time cap");
        String precision = "precision target not reached: ±46.7% after 1 fork (time cap), target ±3%; the batch times of this model vary this much";
        String steady = "measured before steady state: the warm-up stopped at its cap (2500ms or 100 batches) with the last 3 "
                + "batches within ±62.6% of their median, not ±10%";
        Result r = Result.of("virtual", "io", null, p, 1).warnings(List.of(precision, steady)).ok(s, precision, null, null, null, null);
        Report report = new Report(Report.SCHEMA_VERSION, "test", "2026-01-01T00:00:00Z", "completed",
                dev.concur.cli.CliFixture.environment(), null, List.of(r), null, null);
        String table = TableRenderer.render(report);
        assertTrue(table.contains("ok [1, 2]"), table);
        assertTrue(table.contains("[1] virtual/io: precision target not reached"), table);
        assertTrue(table.contains("[2] virtual/io: measured before steady state"), table);

        ReportTables tables = new ReportTables(List.of(report));
        assertEquals(2, tables.notes().size(), "the report formats list both notes too");
        assertEquals("1, 2", tables.tables().get(0).rows().get(0).cells().get(0).note());
        String md = new String(ReportFormat.parse("md").render(tables, Messages.forLanguage("en")).get(0).bytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(md.contains("[1, 2]") && md.contains("measured before steady state"), md);
        String csv = new String(ReportFormat.parse("csv").render(tables, Messages.forLanguage("en")).get(0).bytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("vary this much; measured before steady state"), csv);
        String es = new String(ReportFormat.parse("md").render(tables, Messages.forLanguage("es")).get(0).bytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(es.contains("±46,7 % tras 1 fork(s)") && es.contains("a ±62,6 % de su mediana, no a ±10 %"),
                "percentages in a note are written the Spanish way: " + es);
    }
}
