package dev.concur.run;

import dev.concur.model.ConcurrencyModel;
import dev.concur.model.ModelRegistry;
import dev.concur.model.ModelSettings;
import dev.concur.workload.Batch;
import dev.concur.workload.Workload;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.util.Arrays;
import java.util.Locale;

/*
 * WHAT THIS MEASURES
 *   The per-task start costs the Estimator is declared with (ConcurrencyModel.taskStartNanos,
 *   Workload.taskStartNanos): what a batch takes beyond its ideal, per task, for a real model running
 *   a real workload's tasks, as (batch - latency) / tasks. Not a test (surefire runs *Test classes
 *   only) and not a reported figure: a rough number to size a safety margin with.
 *
 * THE TRAP IT AVOIDS
 *   Timing Thread.start() alone: the batch pays for starting AND joining every thread, with all N
 *   alive at once (their stacks mapped), so the probe times whole batches of the real model.
 *
 * HOW TO RUN IT (as a fork runs: -Xms1g -Xmx4g, G1)
 *   ./mvnw -o -q test-compile && flock /tmp/concur-jmh.lock java -Xms1g -Xmx4g -cp \
 *     target/classes:target/test-classes:$(cat target/cp.txt) dev.concur.run.StartCostProbe \
 *     platform-per-task io 10000 100 5
 *   (args: model workload tasks latencyMs batches; target/cp.txt from dependency:build-classpath)
 */
public final class StartCostProbe {
    private StartCostProbe() {}

    public static void main(String[] args) throws Exception {
        String model = args[0];
        String workload = args[1];
        int tasks = Integer.parseInt(args[2]);
        long latency = Long.parseLong(args[3]) * 1_000_000L;
        int batches = Integer.parseInt(args[4]);
        Workload w = WorkloadRegistry.get(workload);
        WorkloadParams p = w.effective(new WorkloadParams(tasks, latency, 0));
        double[] perTask = new double[batches];
        try (Workload.Prepared prepared = w.open(p); ConcurrencyModel m = ModelRegistry.create(model)) {
            m.open(new ModelSettings(200, Runtime.getRuntime().availableProcessors()));
            for (int i = 0; i < batches; i++) {
                prepared.beforeBatch().run();
                Batch b = new Batch(prepared.tasks().size());
                long t0 = System.nanoTime();
                m.run(prepared.tasks(), b);
                long took = System.nanoTime() - t0;
                b.throwIfFailed();
                perTask[i] = (double) (took - p.latencyNanos()) / tasks;
                System.out.printf(Locale.ROOT, "%s/%s n=%d batch %d: %.1f ms, %.2f us/task beyond the wait%n",
                        model, workload, tasks, i, took / 1e6, perTask[i] / 1e3);
            }
        }
        double[] sorted = perTask.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s/%s n=%d cpus=%d: median %.2f us/task, max %.2f us/task%n", model, workload,
                tasks, Runtime.getRuntime().availableProcessors(), sorted[batches / 2] / 1e3, sorted[batches - 1] / 1e3);
    }
}
