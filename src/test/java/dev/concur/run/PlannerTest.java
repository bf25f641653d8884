package dev.concur.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.concur.input.Choices;
import dev.concur.suite.Suite;
import dev.concur.suite.SuiteRun;
import dev.concur.workload.WorkloadRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner resolves every benchmark once: later stages never look a name up again. */
class PlannerTest {
    private static Choices models(List<String> m, List<String> w) {
        return new Choices(m, w, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void defaultsGiveTheMatrixInRegistryOrder() {
        Plan plan = Planner.plan(Choices.NONE, null, 2, null);
        assertEquals(18, plan.benchmarks().size(), "6 models x io, cpu, mixed (reactive and peers run when named)");
        Benchmark first = plan.benchmarks().get(0);
        assertEquals("sequential", first.model());
        assertSame(WorkloadRegistry.get("io"), first.workload(), "the workload object, not its name");
        assertEquals(2000, first.params().tasks());
        assertEquals(2, first.processors(), "no --cores: the machine's count");
        assertNull(first.cores());
        assertEquals(List.of(), plan.overrides(), "no suite, nothing overridden");
    }

    @Test
    void unusedValuesAreZeroAndCapsAreAtTheForksCoreCount() {
        Choices c = new Choices(List.of("forkjoin"), List.of("cpu", "io"), 1000, 50_000_000L, 1000L, null, List.of(1, 2),
                null, null, null, null, null, null, null, null);
        List<Benchmark> b = Planner.plan(c, null, 2, null).benchmarks();
        assertEquals(4, b.size());
        Benchmark cpu1 = b.get(0);
        assertEquals(0, cpu1.params().latencyNanos(), "cpu does not wait: --latency is not part of it");
        assertNull(cpu1.latencyMs());
        assertEquals(1000L, cpu1.work());
        assertEquals(1 + 256, cpu1.caps().waiting(), "forkjoin at 1 core: parallelism 1 + 256 spares");
        assertEquals(2 + 256, b.get(1).caps().waiting(), "and at 2 cores");
        Benchmark io = b.get(2);
        assertEquals(0, io.params().work(), "io does no CPU work: --work is not part of it");
        assertEquals(50.0, io.latencyMs());
    }

    @Test
    void commandLineOverSuiteOverDefaultsAndTheOverridesAreNamed() {
        Choices run = new Choices(List.of("virtual"), List.of("io"), 500, 20_000_000L, null, 64, null, "precise", null,
                null, 4, null, null, null, 2.0);
        Suite suite = new Suite("t", "t.yaml", "a suite", List.of(new SuiteRun("one run", run, 3)));
        Choices cli = new Choices(null, null, 700, null, null, null, null, null, null, 0, null, null, null, null, null);
        Plan plan = Planner.plan(cli, suite, 2, null);
        Benchmark b = plan.benchmarks().get(0);
        assertEquals(700, b.params().tasks(), "the command line wins");
        assertEquals(20_000_000L, b.params().latencyNanos(), "then the suite");
        assertEquals(64, b.threads());
        assertEquals("precise", b.profile().name());
        assertEquals(0, b.profile().warmupIterations(), "--warmup 0 overrides the profile");
        assertEquals(4, b.profile().iterations(), "the suite's iterations override the profile");
        assertEquals("one run", b.run());
        assertEquals(List.of("--tasks", "--warmup"), plan.overrides());
        assertEquals("t.yaml", plan.suite());
    }

    @Test
    void targetBelongsToHttpOnly() {
        List<Benchmark> b = Planner.plan(models(List.of("virtual"), List.of("http", "io")), null, 2, "http://h:1").benchmarks();
        assertEquals("http://h:1", b.get(0).target());
        assertNull(b.get(1).target());
        assertEquals("http://h:1", b.get(0).resultParams(null, 1).target());
    }

    @Test
    void pipelinePartsAreTheTasksTheModelHolds() {
        Benchmark seq = Planner.plan(models(List.of("sequential", "platform-per-task"), List.of("pipeline")), null, 2, null)
                .benchmarks().get(1);
        assertEquals(5, seq.caps().osThreads(), "a pipeline starts 5 parts, not 20,000 threads");
    }
}
