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
        /** The interval does not decide: it straddles the threshold, is too wide, or there is none. */
        INCONCLUSIVE,
        /**
         * Shown, not judged: a definition that no data could contradict, or a JVM stand-in measured in
         * place of the runtime the course names. The text says what was really measured.
         */
        ILLUSTRATION,
        /** A needed result is missing (a runtime not installed, a benchmark that failed), or the measurement is
         *  itself suspect (a concur bug, an anomaly): never passed off as a finding about the claim. */
        UNAVAILABLE,
        /** Not something one machine can measure (distributed infrastructure): presented as text. */
        NOT_MEASURED;

        public String key() {
            return "outcome." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
