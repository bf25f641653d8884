package dev.concur.cli;

import dev.concur.run.BenchmarkRunner;
import dev.concur.run.Estimator;
import dev.concur.run.EnvironmentProbe;
import dev.concur.run.Runners;
import dev.concur.run.jmh.JmhRunner;
import dev.concur.run.load.LoadRunner;
import dev.concur.run.peer.PeerRunner;
import dev.concur.run.ResourceLimits;
import dev.concur.run.RunnerContext;
import dev.concur.result.Environment;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@code concur bench} depends on from the outside world. The real wiring drives JMH; tests
 * substitute a seeded runner, a fixed clock and a fixed environment.
 *
 * @param runner      makes the runner, given where JMH's output and thread dumps go
 * @param estimator   calibrates the batch-time estimator
 * @param nanoClock   monotonic time for wall-time figures
 * @param now         the run's start timestamp
 * @param environment reads the host's environment
 * @param machineCores the processors this process may use: the upper limit of {@code --cores}
 * @param limits      reads the process limits that decide whether N platform threads fit
 * @param loads       drives the servers of the lecture's load experiments
 */
public record Wiring(Function<RunnerContext, BenchmarkRunner> runner, Supplier<Estimator> estimator,
                     LongSupplier nanoClock, Supplier<Instant> now, Supplier<Environment> environment,
                     int machineCores, Supplier<ResourceLimits> limits, LoadRunner loads) {

    public static Wiring real() {
        return new Wiring(context -> new Runners(new JmhRunner(context), new PeerRunner(System.getenv())), Estimator::calibrate, System::nanoTime, Instant::now, EnvironmentProbe::host,
                Runtime.getRuntime().availableProcessors(), ResourceLimits::read, LoadRunner.real());
    }
}
