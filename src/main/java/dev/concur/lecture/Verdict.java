package dev.concur.lecture;

import java.util.List;

/**
 * What the data says about one claim of the course, by a stated rule.
 *
 * @param outcome what kind of answer it is
 * @param text    the answer, with the figures it rests on, in the deck's language
 * @param caveats what limits it (the machine, the sizes, a stand-in model)
 */
public record Verdict(Outcome outcome, String text, List<String> caveats) {

    public enum Outcome {
        /** The measurements agree with the claim. */
        SUPPORTED,
        /** Right in what it predicts, wrong or incomplete in why, or only in part. */
        NUANCED,
        /** The measurements disagree with the claim. */
        CONTRADICTED,
        /** The difference is within the noise: twice the combined CI half-widths or less. */
        INCONCLUSIVE,
        /** A needed result is missing (a runtime not installed, a benchmark that failed). */
        UNAVAILABLE,
        /** Not something one machine can measure (distributed infrastructure): presented as text. */
        NOT_MEASURED;

        public String key() {
            return "outcome." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
