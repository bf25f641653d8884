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
 * @param figures  other charts, each on a page of its own after the slide
 * @param verdict  what the data says
 * @param rule     the rule that gave the verdict, with its thresholds
 */
public record Slide(String question, String id, String title, String quote, List<String> commands, Table table,
                    List<Result> timelines, List<Figure> figures, Verdict verdict, String rule) {

    /** A small table: headers and rows of already formatted cells. */
    public record Table(List<String> headers, List<List<String>> rows) {}

    /**
     * A chart drawn in the deck's language.
     *
     * @param name its file name's and section's suffix, e.g. {@code latency}
     * @param alt  what it shows, in words
     * @param png  draws it (1280×720)
     */
    public record Figure(String name, String alt, java.util.function.Supplier<byte[]> png) {}
}
