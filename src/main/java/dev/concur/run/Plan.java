package dev.concur.run;

import dev.concur.result.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything a run will do, decided before anything runs.
 *
 * @param benchmarks what to run, in order
 * @param suite      the suite file it came from, or {@code null}
 * @param overrides  command-line options that overrode suite values
 */
public record Plan(List<Benchmark> benchmarks, String suite, List<String> overrides) {

    /** Whether any benchmark limits its fork to a core count. */
    public boolean limitsCores() {
        return benchmarks.stream().anyMatch(b -> b.cores() != null);
    }

    /** The report's {@code config}: the settings, as the first benchmark ran them, and what the runner adds. */
    public RunConfig config(BenchmarkRunner runner) {
        LinkedHashSet<String> models = new LinkedHashSet<>();
        LinkedHashSet<String> workloads = new LinkedHashSet<>();
        LinkedHashSet<Integer> cores = new LinkedHashSet<>();
        LinkedHashSet<RunConfig.WorkloadConfig> sizes = new LinkedHashSet<>();
        for (Benchmark b : benchmarks) {
            models.add(b.model());
            workloads.add(b.workloadName());
            if (b.cores() != null) cores.add(b.cores());
            sizes.add(new RunConfig.WorkloadConfig(b.workloadName(), b.params().tasks(), b.latencyMs(), b.work()));
        }
        Benchmark first = benchmarks.isEmpty() ? null : benchmarks.get(0);
        var prof = first == null ? dev.concur.input.Profile.QUICK : first.profile();
        int threads = first == null ? Planner.DEFAULT_THREADS : first.threads();
        long maxBatch = first == null ? Planner.DEFAULT_MAX_BATCH.toNanos() : first.maxBatchNanos();
        boolean anyCores = limitsCores();
        return new RunConfig(List.copyOf(models), List.copyOf(workloads), new ArrayList<>(sizes), threads, prof.name(),
                "avgt", prof.minForks(), prof.adaptiveWarmup() ? 0 : prof.warmupIterations(), prof.warmupTime().toMillis(),
                prof.iterations(), prof.iterationTime().toMillis(), maxBatch / 1_000_000, runner.forkJvmArgs(), suite,
                anyCores ? List.copyOf(cores) : null, anyCores ? runner.pinning().describe() : null, overrides,
                prof.maxForks(), prof.adaptiveWarmup() ? prof.warmupCap().toMillis() : null, prof.targetCiPct(),
                dev.concur.workload.CpuWork.VERSION);
    }
}
