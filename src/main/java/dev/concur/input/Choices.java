package dev.concur.input;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a user chose for a run, from the command line or from one run of a suite file: every value
 * already checked, {@code null} where not given. The planner lays the command line over a suite
 * run over the defaults ({@link #over}); nothing else reads raw option text.
 *
 * @param models        model names, {@code all} expanded
 * @param workloads     workload names, {@code all} expanded
 * @param tasks         tasks per batch
 * @param latencyNanos  simulated wait per task
 * @param work          CPU rounds per task
 * @param threads       pool size of {@code platform}
 * @param cores         core counts to sweep
 * @param profile       {@code quick} or {@code precise}
 * @param forks         JMH forks per benchmark
 * @param warmup        warm-up iterations per fork
 * @param iterations    measured iterations per fork
 * @param timeNanos     length of each iteration
 * @param maxBatchNanos skip a model whose estimated batch is longer
 * @param timeoutNanos  the watchdog's deadline per benchmark
 * @param precisionPct  the target 99.9 % CI half-width, per cent of the mean
 * @param gc            the garbage collector every JMH fork runs with
 */
public record Choices(List<String> models, List<String> workloads, Integer tasks, Long latencyNanos, Long work,
                      Integer threads, List<Integer> cores, String profile, Integer forks, Integer warmup,
                      Integer iterations, Long timeNanos, Long maxBatchNanos, Long timeoutNanos, Double precisionPct,
                      Gc gc) {

    /** Choices without a collector (the default one runs): the signature before {@code --gc}. */
    public Choices(List<String> models, List<String> workloads, Integer tasks, Long latencyNanos, Long work,
                   Integer threads, List<Integer> cores, String profile, Integer forks, Integer warmup,
                   Integer iterations, Long timeNanos, Long maxBatchNanos, Long timeoutNanos, Double precisionPct) {
        this(models, workloads, tasks, latencyNanos, work, threads, cores, profile, forks, warmup, iterations, timeNanos,
                maxBatchNanos, timeoutNanos, precisionPct, null);
    }

    /** Nothing chosen. */
    public static final Choices NONE = new Choices(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** The option each field comes from, in field order. */
    private static final List<String> OPTIONS = List.of("--model", "--workload", "--tasks", "--latency", "--work",
            "--threads", "--cores", "--profile", "--forks", "--warmup", "--iterations", "--time", "--max-batch",
            "--timeout", "--precision", "--gc");

    private List<Object> values() {
        return java.util.Arrays.asList(models, workloads, tasks, latencyNanos, work, threads, cores, profile, forks,
                warmup, iterations, timeNanos, maxBatchNanos, timeoutNanos, precisionPct, gc);
    }

    /** These choices, with {@code lower}'s value wherever this one has none. */
    public Choices over(Choices lower) {
        return new Choices(first(models, lower.models), first(workloads, lower.workloads), first(tasks, lower.tasks),
                first(latencyNanos, lower.latencyNanos), first(work, lower.work), first(threads, lower.threads),
                first(cores, lower.cores), first(profile, lower.profile), first(forks, lower.forks),
                first(warmup, lower.warmup), first(iterations, lower.iterations), first(timeNanos, lower.timeNanos),
                first(maxBatchNanos, lower.maxBatchNanos), first(timeoutNanos, lower.timeoutNanos),
                first(precisionPct, lower.precisionPct), first(gc, lower.gc));
    }

    /** The options given, for the report's {@code config.overrides}. */
    public List<String> given() {
        List<String> g = new ArrayList<>();
        List<Object> v = values();
        for (int i = 0; i < OPTIONS.size(); i++) if (v.get(i) != null) g.add(OPTIONS.get(i));
        return g;
    }

    /** The choices as the options that would give them: {@code --model=a,b --workload=io --tasks 10000}. */
    public String asOptions() {
        StringBuilder sb = new StringBuilder();
        if (models != null) sb.append(" --model=").append(String.join(",", models));
        if (workloads != null) sb.append(" --workload=").append(String.join(",", workloads));
        if (tasks != null) sb.append(" --tasks ").append(tasks);
        if (latencyNanos != null) sb.append(" --latency ").append(Durations.format(latencyNanos));
        if (work != null) sb.append(" --work ").append(work);
        if (threads != null) sb.append(" --threads ").append(threads);
        if (cores != null) sb.append(" --cores ").append(cores.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (profile != null) sb.append(" --profile ").append(profile);
        if (forks != null) sb.append(" --forks ").append(forks);
        if (warmup != null) sb.append(" --warmup ").append(warmup);
        if (iterations != null) sb.append(" --iterations ").append(iterations);
        if (timeNanos != null) sb.append(" --time ").append(Durations.format(timeNanos));
        if (maxBatchNanos != null) sb.append(" --max-batch ").append(Durations.format(maxBatchNanos));
        if (timeoutNanos != null) sb.append(" --timeout ").append(Durations.format(timeoutNanos));
        if (precisionPct != null) sb.append(" --precision ").append(Values.formatPercent(precisionPct));
        if (gc != null) sb.append(" --gc ").append(gc.name());
        return sb.toString().strip();
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
