package dev.concur.input;

import java.time.Duration;

/**
 * How much JMH measures each benchmark. {@code quick} is tuned so the whole default matrix runs
 * in about a minute and a half on 2 cores with a median 99.9 % CI half-width under 5 %;
 * {@code precise} trades time for tighter intervals and a second fork (which exposes
 * run-to-run variance that one fork cannot see).
 *
 * @param name              {@code quick} or {@code precise} (overrides keep the name; the report lists them)
 * @param forks             JVM forks per benchmark
 * @param warmupIterations  warm-up iterations per fork (results discarded)
 * @param warmupTime        length of each warm-up iteration
 * @param iterations        measured iterations per fork
 * @param iterationTime     length of each measured iteration; a batch longer than this still
 *                          runs once, so one iteration is at least one batch
 */
public record Profile(String name, int forks, int warmupIterations, Duration warmupTime,
                      int iterations, Duration iterationTime) {

    public static final Profile QUICK = new Profile("quick", 1, 3, Duration.ofMillis(200), 10, Duration.ofMillis(250));
    public static final Profile PRECISE = new Profile("precise", 2, 5, Duration.ofSeconds(1), 10, Duration.ofSeconds(1));

    /** The profile names users can type. */
    public static final java.util.List<String> NAMES = java.util.List.of("quick", "precise");

    /** The profile {@code name}; throws {@link IllegalArgumentException} listing the valid names. */
    public static Profile named(String name) {
        return switch (Values.profile(name)) {
            case "quick" -> QUICK;
            default -> PRECISE;
        };
    }

    /** This profile with any of the given overrides ({@code null} keeps the value). */
    public Profile with(Integer forks, Integer warmupIterations, Integer iterations, Duration time) {
        if (forks == null && warmupIterations == null && iterations == null && time == null) return this;
        return new Profile(name,
                forks != null ? forks : this.forks,
                warmupIterations != null ? warmupIterations : this.warmupIterations,
                time != null ? time : warmupTime,
                iterations != null ? iterations : this.iterations,
                time != null ? time : iterationTime);
    }
}
