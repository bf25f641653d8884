package dev.concur.result;

/**
 * The values one benchmark really ran with (after suite values, command-line overrides and
 * defaults): what makes two results comparable.
 *
 * @param tasks                 tasks per batch
 * @param latencyMs             simulated wait per task, {@code null} when the workload has none
 * @param work                  CPU rounds per task, {@code null} when the workload has none
 * @param threads               pool size of {@code platform}
 * @param profile               profile name
 * @param forks                 JMH forks run (the fork is the unit: concur adds forks until the target precision)
 * @param warmupIterations      fixed JMH warm-up iterations per fork (0 with the adaptive warm-up)
 * @param warmupMillis          length of each fixed warm-up iteration
 * @param measurementIterations measured iterations per fork
 * @param iterationMillis       length of each
 * @param pinned                with a core limit: whether the fork was pinned to CPUs (false where
 *                              taskset is missing or the OS is not Linux); {@code null} without a limit
 * @param pinnedCpus            the CPU list the fork was pinned to, {@code null} when not pinned
 * @param timeoutMillis         the watchdog deadline given with {@code --timeout}, {@code null} for the default
 * @param run                   the suite run this came from (its description), {@code null} outside suites
 * @param maxForks              the most forks concur would have run (equal to {@code forks} when fixed)
 * @param warmupCapMillis       the adaptive warm-up's time cap per fork, {@code null} with a fixed warm-up
 * @param targetCiPct           the precision target: CI half-width in per cent of the mean
 * @param target                the server the http workload's tasks called ({@code --target}), {@code null}
 *                              for the embedded loopback server (and for every other workload)
 */
public record Params(int tasks, Double latencyMs, Long work, int threads, String profile, int forks,
                     int warmupIterations, long warmupMillis, int measurementIterations, long iterationMillis,
                     Boolean pinned, String pinnedCpus, Long timeoutMillis, String run, Integer maxForks,
                     Long warmupCapMillis, Double targetCiPct, String target) {

    /** The same workload size, suite run and server: the results are directly comparable. */
    public boolean sameSizeAs(Params o) {
        return tasks == o.tasks && java.util.Objects.equals(latencyMs, o.latencyMs)
                && java.util.Objects.equals(work, o.work) && java.util.Objects.equals(run, o.run)
                && java.util.Objects.equals(target, o.target);
    }
}
