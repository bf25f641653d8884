package dev.concur.compare;

import java.util.List;

/**
 * Everything {@code concur compare} decided, as written by {@code --json}.
 *
 * @param baseline   the baseline files
 * @param current    the current files
 * @param alpha      significance level before Holm's correction
 * @param threshold  smallest relative change in the bad direction that counts as a regression
 * @param verdicts   one per benchmark
 * @param warnings   environment differences, and anything else worth a look
 * @param exitCode   0 no regression, 1 regression, 3 inconclusive
 */
public record CompareOutcome(List<String> baseline, List<String> current, double alpha, double threshold,
                             List<Verdict> verdicts, List<String> warnings, int exitCode) {

    public long count(String verdict) {
        return verdicts.stream().filter(v -> v.verdict().equals(verdict)).count();
    }

    /**
     * The exit code: any regression is 1; otherwise comparing nothing (no baseline benchmark),
     * inconclusive pairs (unless allowed) or, with {@code strict}, differing environments are 3;
     * otherwise 0.
     */
    public static int exitCode(List<Verdict> verdicts, boolean envDiffers, boolean strict, boolean allowMissing,
                               boolean allowInconclusive) {
        if (verdicts.stream().anyMatch(v -> v.verdict().equals(Verdict.REGRESSION))) return 1;
        if (verdicts.stream().allMatch(v -> v.verdict().equals(Verdict.NEW))) return 3; // nothing was compared
        if (strict && envDiffers) return 3;
        boolean blocking = verdicts.stream().anyMatch(v -> v.verdict().equals(Verdict.INCONCLUSIVE)
                && !allowInconclusive && !(allowMissing && v.missing()));
        return blocking ? 3 : 0;
    }
}
