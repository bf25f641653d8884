package dev.concur.cli;

import dev.concur.compare.CompareOutcome;
import dev.concur.compare.CompareRenderer;
import dev.concur.compare.Gate;
import dev.concur.compare.ResultFile;
import dev.concur.compare.ResultReader;
import dev.concur.compare.Verdict;
import dev.concur.files.AtomicFiles;
import dev.concur.input.InputException;
import dev.concur.report.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code concur compare BASELINE CURRENT}: the CI regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two runs and fail the build on a real regression.",
                "A regression needs both: a Mann-Whitney U test on the raw samples that rejects after Holm's",
                "correction over all benchmarks, and a change beyond --threshold in the bad direction.",
                "Reads concur reports and JMH's own JSON (-rf json). Several files per side: a,b (merged).",
                "Two load reports (concur load): each server configuration's throughput, p50 and p99, the server process as the unit."},
        footer = {"", "Exit codes:",
                "  0  no regression",
                "  1  a regression",
                "  2  bad input: an unreadable or invalid result file, a bad option",
                "  3  inconclusive: too few forks, NaN or missing scores, a unit mismatch, a baseline",
                "     benchmark missing or failed now, nothing to compare (--strict: other environments)"})
final class CompareCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "1", paramLabel = "BASELINE", split = ",", description = "baseline result file(s)")
    List<Path> baseline;

    @Parameters(index = "1", arity = "1", paramLabel = "CURRENT", split = ",", description = "current result file(s)")
    List<Path> current;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05",
            description = "significance level, before Holm's correction (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5",
            description = "smallest change in the bad direction that counts as a regression, in percent (default: ${DEFAULT-VALUE})")
    double thresholdPct;

    @Option(names = "--allow-missing", description = "a benchmark missing or failed in the current run does not make the result inconclusive")
    boolean allowMissing;

    @Option(names = "--allow-inconclusive", description = "inconclusive pairs do not fail (exit 0 unless a regression)")
    boolean allowInconclusive;

    @Option(names = "--strict", description = "differing environments (CPU, cores, JDK, JVM flags) make the comparison inconclusive (exit 3)")
    boolean strict;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "fork",
            description = "what one observation of the test is: fork (each fork's median iteration; iterations of one "
                    + "fork are not independent) or iteration (every iteration, as if independent) (default: ${DEFAULT-VALUE})")
    String unit;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "compare a JMH secondary metric instead of the primary score, e.g. gc.alloc.rate.norm "
                    + "(from -prof gc)")
    String metric;

    @Option(names = "--summary", paramLabel = "FILE", description = "write a Markdown summary (e.g. >> $GITHUB_STEP_SUMMARY via a file)")
    Path summary;

    @Option(names = "--json", paramLabel = "FILE", description = "write the verdicts as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (!(alpha > 0 && alpha < 1)) throw new InputException("--alpha must be between 0 and 1, not " + alpha);
        if (!(thresholdPct >= 0 && thresholdPct < 1000)) throw new InputException("--threshold must be a percentage >= 0, not " + thresholdPct);
        for (Path out : new Path[] {summary, json}) {
            if (out == null) continue;
            try {
                AtomicFiles.checkWritable(out);
            } catch (IOException e) {
                throw new InputException("cannot write " + out + ": " + e.getMessage());
            }
        }
        Gate.Unit u;
        try {
            u = Gate.Unit.parse(unit);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        List<ResultFile> base = read(baseline, metric);
        List<ResultFile> cur = read(current, metric);
        ResultReader.requireOneKind(base, cur);
        List<Verdict> verdicts = new Gate(alpha, thresholdPct / 100, u).compare(base, cur);
        List<String> warnings = new ArrayList<>(Gate.environmentDifferences(base, cur));
        int code = CompareOutcome.exitCode(verdicts, !warnings.isEmpty(), strict, allowMissing, allowInconclusive);
        CompareOutcome outcome = new CompareOutcome(baseline.stream().map(Path::toString).toList(),
                current.stream().map(Path::toString).toList(), alpha, thresholdPct / 100, verdicts, warnings, code);

        PrintWriter out = spec.commandLine().getOut();
        out.print(CompareRenderer.table(verdicts));
        out.println();
        for (String w : warnings) out.println("warning: " + w + (strict ? " (--strict: inconclusive)" : ""));
        if (verdicts.stream().allMatch(v -> v.verdict().equals(Verdict.NEW))) {
            out.println("nothing to compare: the baseline has no benchmark (inconclusive)");
        }
        if (u == Gate.Unit.ITERATION) {
            out.println("note: --unit iteration treats the iterations of one fork as independent; they are not");
        }
        out.printf("%d regression, %d improvement, %d no change, %d inconclusive, %d new -> exit %d%n",
                outcome.count(Verdict.REGRESSION), outcome.count(Verdict.IMPROVEMENT), outcome.count(Verdict.NO_CHANGE),
                outcome.count(Verdict.INCONCLUSIVE), outcome.count(Verdict.NEW), code);
        for (Verdict v : verdicts) {
            if (v.verdict().equals(Verdict.REGRESSION)) {
                out.printf("REGRESSION: %s is %s %s (95%% CI %s to %s, p %s after Holm)%n", v.benchmark(),
                        String.format(java.util.Locale.ROOT, "%.1f%%", 100 * (v.lowerIsBetter() ? v.change() : -v.change())),
                        !v.lowerIsBetter() ? "less throughput" : v.unit().equals("ms/op") ? "slower" : "higher",
                        String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * v.ciLow()),
                        String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * v.ciHigh()),
                        v.pHolm() < 1e-4 ? "<0.0001" : String.format(java.util.Locale.ROOT, "%.4f", v.pHolm()));
            }
        }
        out.flush();
        if (summary != null) AtomicFiles.write(summary, CompareRenderer.markdown(outcome));
        if (json != null) AtomicFiles.write(json, ReportFiles.json().writeValueAsString(outcome) + "\n");
        return code;
    }

    private static List<ResultFile> read(List<Path> paths, String metric) {
        List<ResultFile> files = new ArrayList<>();
        for (Path p : paths) files.add(ResultReader.read(p, metric));
        return files;
    }
}
