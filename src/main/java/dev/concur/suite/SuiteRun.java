package dev.concur.suite;

import java.util.List;

/**
 * One entry of a suite's {@code runs:} list: models × workloads × core counts with the values
 * they run with. {@code null} means "not set here": the command line or the defaults decide.
 *
 * @param description    one line saying what this run shows (required)
 * @param models         model names, {@code all} expanded (required)
 * @param workloads      workload names, {@code all} expanded (required)
 * @param tasks          tasks per batch
 * @param latencyNanos   simulated wait per task
 * @param work           CPU rounds per task
 * @param threads        platform pool size
 * @param cores          core counts to sweep
 * @param profile        {@code quick} or {@code precise}
 * @param forks          JMH forks
 * @param warmup         warm-up iterations
 * @param iterations     measured iterations
 * @param timeNanos      iteration length
 * @param maxBatchNanos  skip threshold
 * @param timeoutNanos   the watchdog's deadline per benchmark
 * @param line           the line of the file where this run starts
 */
public record SuiteRun(String description, List<String> models, List<String> workloads, Integer tasks,
                       Long latencyNanos, Long work, Integer threads, List<Integer> cores, String profile,
                       Integer forks, Integer warmup, Integer iterations, Long timeNanos, Long maxBatchNanos,
                       Long timeoutNanos, int line) {}
