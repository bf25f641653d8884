package dev.concur.report;

import dev.concur.cli.CliFixture;
import dev.concur.result.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A seeded report to render: all models × io and cpu, cpu swept over 1 and 2 cores, one failure, one invalid. */
final class ReportFixture {
    private ReportFixture() {}

    static List<Report> reports(Path dir) throws Exception {
        CliFixture cli = new CliFixture();
        cli.runner.failing("platform-per-task").invalid("forkjoin");
        Path a = dir.resolve("io.json");
        Path b = dir.resolve("cpu.json");
        cli.run("bench", "--workload=io", "--out", a.toString());
        CliFixture cli2 = new CliFixture();
        cli2.run("bench", "--workload=cpu", "--cores", "1,2", "--out", b.toString());
        if (!Files.exists(a) || !Files.exists(b)) throw new IllegalStateException(cli.err + cli2.err);
        return List.of(dev.concur.result.ReportReader.read(a), dev.concur.result.ReportReader.read(b));
    }
}
