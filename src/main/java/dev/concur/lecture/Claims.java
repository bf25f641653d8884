package dev.concur.lecture;

import dev.concur.lecture.Verdict.Outcome;
import dev.concur.result.Result;
import java.util.List;

/**
 * The course's claims, each with the experiments that test it and the rule that turns their
 * results into a verdict. The rules live in one file per question ({@link Q11} to {@link Q15});
 * their statistics in {@link Judge}; what they share (stand-ins, missing results, cells) in
 * {@link Rules}. A rule reads only measurements, every number in its sentence comes from the
 * reports, every threshold it uses is a named constant printed on the slide ({@code rule.ID} in
 * lecture.properties), and it can give at least two outcomes, one of them not "supported":
 * {@code ClaimsTest} drives each one there.
 */
public final class Claims {
    private Claims() {}

    /** What a rule produces for a slide: its table, the timelines and other charts drawn on pages of their own, its verdict. */
    public record Body(Slide.Table table, List<Result> timelines, List<Slide.Figure> figures, Verdict verdict) {
        public Body(Slide.Table table, List<Result> timelines, Verdict verdict) {
            this(table, timelines, List.of(), verdict);
        }
    }

    /** A rule: from the evidence, in a language, to a slide's body. */
    @FunctionalInterface
    public interface Rule {
        Body apply(Evidence e, Text t);
    }

    /**
     * @param question    1.1 to 1.5
     * @param id          the claim's id (its title, quote and rule are {@code claim.ID.*} and {@code rule.ID})
     * @param experiments the experiments it reads
     * @param rule        how the verdict is computed
     */
    public record Claim(String question, String id, List<String> experiments, Rule rule) {}

    public static final List<Claim> ALL = List.of(
            new Claim("1.1", "1.1-weight", List.of("weight", "weight-1m"), Q11::weight),
            new Claim("1.1", "1.1-io", List.of("io"), Q11::io),
            new Claim("1.1", "1.1-threads", List.of("io"), Q11::threads),
            new Claim("1.1", "1.1-parallel", List.of("cpu-cores", "cpu-cores-py"), Q11::parallel),
            new Claim("1.1", "1.1-block", List.of("lag", "lag-go", "lag-py", "lag-node"), Q11::block),
            new Claim("1.1", "1.1-channels", List.of("pipeline"), Q11::channels),
            new Claim("1.2", "1.2-onethread", List.of("cpu-cores"), Q12::oneThread),
            new Claim("1.2", "1.2-threads", List.of("cpu-cores"), Q12::threadsParallel),
            new Claim("1.2", "1.2-iocpu", List.of("io", "cpu-cores", "io-hold"), Q12::ioCpu),
            new Claim("1.2", "1.2-cost", List.of("io"), Q12::cost),
            new Claim("1.2", "1.2-race", List.of("race", "race-py", "race-go"), Q12::race),
            new Claim("1.2", "1.2-connections", List.of("load-hold", "load-wait", "load-rate"), Q12::connections),
            new Claim("1.3", "1.3-emitter", List.of("io", "emit"), Q13::emitter),
            new Claim("1.3", "1.3-rx", List.of("pipeline"), Q13::rx),
            new Claim("1.3", "1.3-reactive", List.of("io"), Q13::reactive),
            new Claim("1.3", "1.3-kafka", List.of(), (e, t) -> text(t, "v.kafka")),
            new Claim("1.3", "1.3-lambda", List.of(), (e, t) -> text(t, "v.lambda")),
            new Claim("1.3", "1.3-redis", List.of(), (e, t) -> text(t, "v.redis")),
            new Claim("1.4", "1.4-sequential", List.of("seqpar-cpu"), Q14::sequential),
            new Claim("1.4", "1.4-parallel", List.of("seqpar-cpu"), Q14::parallel),
            new Claim("1.4", "1.4-concurrent", List.of("seqpar-io"), Q14::concurrent),
            new Claim("1.4", "1.4-timeline", List.of("seqpar-cpu", "seqpar-io"), Q14::timeline),
            new Claim("1.4", "1.4-pertask", List.of("pertask"), Q14::perTask),
            new Claim("1.4", "1.4-interleave", List.of("load-interleave"), Q14::interleave),
            new Claim("1.5", "1.5-table", List.of("python-io", "python-cpu"), Q15::pythonTable),
            new Claim("1.5", "1.5-threading", List.of("python-io", "python-cpu"), Q15::threading),
            new Claim("1.5", "1.5-processes", List.of("python-cpu"), Q15::processes),
            new Claim("1.5", "1.5-celery", List.of("python-io", "roundtrip"), Q15::celery),
            new Claim("1.5", "1.5-threadconns", List.of("load-hold", "load-wait"), Q15::threadConnections),
            new Claim("1.5", "1.5-twisted", List.of("load-wait", "load-hold", "load-rate"), Q15::twisted));

    private static Body text(Text t, String key) {
        return new Body(null, List.of(), new Verdict(Outcome.NOT_MEASURED, t.get(key), List.of()));
    }
}
