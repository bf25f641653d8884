package dev.concur.cli;

import dev.concur.run.Estimator;
import dev.concur.run.FakeRunner;
import dev.concur.result.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;

/** Runs the real command line against a seeded fake runner and captures out, err and exit code. */
public final class CliFixture {
    public static final Instant START = Instant.parse("2026-01-15T10:00:00Z");
    public static final Estimator ESTIMATOR = new Estimator(2.5);

    public final FakeRunner runner = new FakeRunner(ESTIMATOR, 7);
    /** The servers of the lecture's load experiments: seeded figures, no server started, nothing pinned. */
    public final dev.concur.run.load.FakeLoadRunner loads = new dev.concur.run.load.FakeLoadRunner(7);
    /** The process limits the fake run sees: none, unless a test sets some. */
    public dev.concur.run.ResourceLimits limits = new dev.concur.run.ResourceLimits(null, null, null, null, null, null, null);
    public String out;
    public String err;

    public static Environment environment() {
        return new Environment("Eclipse Adoptium", "25.0.3+9-LTS", "OpenJDK 64-Bit Server VM",
                "/usr/lib/jvm/temurin-25", List.of(), "Linux", "6.1.0", "amd64", "Test CPU @ 3.0GHz", 2,
                "0-1", 25_000_000_000L, 6_000_000_000L, "testhost", "0123456789abcdef0123456789abcdef01234567", false,
                "100 (default)", "madvise");
    }

    public Wiring wiring() {
        AtomicLong clock = new AtomicLong();
        return new Wiring(ignored -> runner, () -> ESTIMATOR,
                () -> clock.addAndGet(1_500_000_000L), () -> START, CliFixture::environment, 2, () -> limits, loads);
    }

    public int run(String... args) {
        CommandLine cl = Concur.commandLine(wiring());
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }
}
