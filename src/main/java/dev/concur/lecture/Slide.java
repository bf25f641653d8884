package dev.concur.lecture;

import dev.concur.result.Result;
import java.util.List;

/**
 * One slide of the deck: a claim of the course, the experiments that test it, the evidence and the verdict.
 *
 * @param question the course's question, {@code 1.1} to {@code 1.5}
 * @param id       the claim's id, e.g. {@code 1.1-parallel}
 * @param title    the slide's title
 * @param quote    the course's own words (in English decks, translated)
 * @param commands the commands that produced the evidence
 * @param table    the evidence, or {@code null}
 * @param timelines results whose traced batch is drawn as a timeline chart
 * @param verdict  what the data says
 * @param rule     the rule that gave the verdict, with its thresholds
 */
public record Slide(String question, String id, String title, String quote, List<String> commands, Table table,
                    List<Result> timelines, Verdict verdict, String rule) {

    /** A small table: headers and rows of already formatted cells. */
    public record Table(List<String> headers, List<List<String>> rows) {}
}
