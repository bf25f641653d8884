package dev.concur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.workload.Batch;
import dev.concur.workload.Reference;
import dev.concur.workload.Task;
import dev.concur.workload.WorkloadParams;
import dev.concur.workload.WorkloadRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model × workload does exactly the sequential reference's work, batch after batch. */
class ModelsProduceReferenceTest {

    static Stream<Arguments> matrix() {
        List<String> workloads = new java.util.ArrayList<>(WorkloadRegistry.names());
        workloads.addAll(WorkloadRegistry.optInNames());
        // a model that cannot hold a workload's parts at once (sequential on the pipeline) would deadlock:
        // concur skips that pair with the reason (SweepAndSuiteCommandTest), so it is not run here
        List<String> models = new java.util.ArrayList<>(ModelRegistry.names());
        models.addAll(ModelRegistry.optInNames());
        return models.stream().flatMap(m -> workloads.stream()
                .filter(w -> canRun(m, w)).map(w -> Arguments.of(m, w)));
    }

    static boolean canRun(String model, String workload) {
        var w = WorkloadRegistry.get(workload);
        int need = w.needsAllAtOnce() ? w.taskCount(new WorkloadParams(300, 2_000_000, 2_000)) : 1;
        return ModelRegistry.create(model).caps(new ModelSettings(16, 2), need).waiting() >= need;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matrix")
    void sameCountAndChecksumAsSequential(String model, String workload) throws Exception {
        var wl = WorkloadRegistry.get(workload);
        WorkloadParams params = new WorkloadParams(300, 2_000_000, 2_000);
        var prepared = wl.open(params);
        List<Task> tasks = prepared.tasks();
        Reference ref = Reference.of(tasks);
        ConcurrencyModel m = ModelRegistry.create(model);
        m.open(new ModelSettings(16, 2));
        try (prepared) {
            for (int round = 0; round < 3; round++) { // pools are reused across batches
                prepared.beforeBatch().run();
                Batch b = new Batch(tasks.size());
                m.run(tasks, b);
                assertEquals(tasks.size(), b.completed(), "task count, batch " + round);
                assertEquals(ref.checksum(), b.checksum(), "checksum, batch " + round);
                assertTrue(ref.matches(b));
            }
            ModelUsage u = m.usage();
            assertTrue(u.peakLiveThreads() >= 1, "some thread ran the tasks");
            if (model.equals("sequential") || model.equals("eventloop")) {
                assertEquals(1, u.peakLiveThreads(), "one thread runs every task");
            }
            if (model.equals("reactive")) {
                assertEquals(2, u.poolSize(), "a scheduler thread per core");
                assertTrue(u.peakLiveThreads() <= 2, "no thread beyond the scheduler's: " + u.peakLiveThreads());
            }
            if (model.equals("platform")) {
                assertEquals(16, u.poolSize());
                assertEquals(16, u.threadsStarted(), "the pool's threads are started once");
            }
            if (model.equals("platform-per-task") || model.equals("virtual")) {
                assertEquals(3L * tasks.size(), u.threadsStarted(), "one new thread per task, 3 batches");
            }
        } finally {
            m.close();
        }
    }
}
