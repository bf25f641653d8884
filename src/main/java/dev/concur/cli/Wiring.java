package dev.concur.cli;

import dev.concur.harness.BenchmarkRunner;
import dev.concur.harness.Estimator;
import dev.concur.harness.EnvironmentProbe;
import dev.concur.harness.JmhRunner;
import dev.concur.result.Environment;
import java.io.PrintStream;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@code concur bench} depends on from the outside world. The real wiring drives JMH; tests
 * substitute a seeded runner, a fixed clock and a fixed environment.
 *
 * @param runner      makes the runner, given the stream JMH's own output should go to
 * @param estimator   calibrates the batch-time estimator
 * @param nanoClock   monotonic time for wall-time figures
 * @param now         the run's start timestamp
 * @param environment reads the host's environment
 * @param machineCores the processors this process may use: the upper limit of {@code --cores}
 */
public record Wiring(Function<PrintStream, BenchmarkRunner> runner, Supplier<Estimator> estimator,
                     LongSupplier nanoClock, Supplier<Instant> now, Supplier<Environment> environment,
                     int machineCores) {

    public static Wiring real() {
        return new Wiring(JmhRunner::new, Estimator::calibrate, System::nanoTime, Instant::now, EnvironmentProbe::host,
                Runtime.getRuntime().availableProcessors());
    }
}
