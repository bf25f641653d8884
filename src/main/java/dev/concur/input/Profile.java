package dev.concur.input;

import java.time.Duration;

/**
 * How much concur measures each benchmark, and when it stops. Three rules, each documented in
 * docs/methodology.md:
 *
 * <ul>
 *   <li><b>Warm-up until steady.</b> Each fork runs batches until the last three are within ±10 % of
 *       their median ({@code dev.concur.stats.SteadyState}), or until {@code warmupCap} (time) or
 *       {@code warmupCapBatches} is reached; then JMH measures. A fixed {@code --warmup N} replaces
 *       this with N JMH warm-up iterations of {@code warmupTime}.</li>
 *   <li><b>Measure to a target precision.</b> Each fork measures {@code iterations} iterations of
 *       {@code iterationTime}; concur adds forks until the 99.9 % confidence interval's half-width is
 *       at most {@code targetCiPct} of the mean (and there are at least {@code minForks}), or until
 *       {@code maxForks}, or until the benchmark has measured for {@code measureCap}. Each added fork
 *       measures as many iterations as the variance seen so far says the target needs (5 to
 *       {@code iterations}), so a nearly precise result is not given a whole fork more.</li>
 *   <li><b>The fork is the unit.</b> More forks, not more iterations, is how a noisy result gets
 *       more data: iterations of one fork share its JIT decisions and code layout.</li>
 * </ul>
 *
 * @param name             {@code quick} or {@code precise} (overrides keep the name; results list them)
 * @param minForks         forks always run
 * @param maxForks         forks at most (equal to minForks: a fixed number)
 * @param warmupIterations JMH warm-up iterations per fork; {@code null} for the adaptive warm-up
 * @param warmupTime       length of each fixed warm-up iteration
 * @param warmupCap        the adaptive warm-up's time cap per fork
 * @param warmupCapBatches the adaptive warm-up's cap in batches
 * @param iterations       measured iterations per fork
 * @param iterationTime    length of each measured iteration; a batch longer than this still runs
 *                         once, so one iteration is at least one batch
 * @param targetCiPct      stop adding forks when the CI half-width is at most this per cent of the mean
 * @param measureCap       no further fork is started once the benchmark has run this long
 */
public record Profile(String name, int minForks, int maxForks, Integer warmupIterations, Duration warmupTime,
                      Duration warmupCap, int warmupCapBatches, int iterations, Duration iterationTime,
                      double targetCiPct, Duration measureCap) {

    public static final Profile QUICK = new Profile("quick", 1, 2, null, Duration.ofMillis(200),
            Duration.ofMillis(2500), 100, 10, Duration.ofMillis(200), 3.0, Duration.ofSeconds(5));
    public static final Profile PRECISE = new Profile("precise", 2, 10, null, Duration.ofSeconds(1),
            Duration.ofSeconds(10), 300, 10, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(120));

    /** The profile names users can type. */
    public static final java.util.List<String> NAMES = java.util.List.of("quick", "precise");

    /** The profile {@code name}; throws {@link IllegalArgumentException} listing the valid names. */
    public static Profile named(String name) {
        return switch (Values.profile(name)) {
            case "quick" -> QUICK;
            default -> PRECISE;
        };
    }

    /** Whether the warm-up is the adaptive one (no fixed {@code --warmup N}). */
    public boolean adaptiveWarmup() {
        return warmupIterations == null;
    }

    /** Whether concur adds forks until the target precision (no fixed {@code --forks N}). */
    public boolean adaptiveForks() {
        return minForks < maxForks;
    }

    /**
     * This profile with what the user chose ({@code null} keeps the value): {@code forks} fixes the
     * number of forks; {@code warmup} fixes JMH warm-up iterations (and turns the adaptive warm-up off);
     * {@code time} sets both iteration lengths; {@code targetCiPct} the precision target.
     */
    public Profile with(Integer forks, Integer warmup, Integer iterations, Duration time, Double targetCiPct) {
        return new Profile(name,
                forks != null ? forks : minForks,
                forks != null ? forks : maxForks,
                warmup != null ? warmup : warmupIterations,
                time != null ? time : warmupTime,
                warmupCap, warmupCapBatches,
                iterations != null ? iterations : this.iterations,
                time != null ? time : iterationTime,
                targetCiPct != null ? targetCiPct : this.targetCiPct,
                measureCap);
    }
}
