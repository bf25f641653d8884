package dev.concur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad input to {@code concur load} is one line and exit code 2, with the valid choices; nothing starts. */
class LoadCommandTest {
    @Test
    void anUnknownExperimentListsTheValidOnes() {
        CliFixture cli = new CliFixture();
        assertEquals(2, cli.run("load", "--experiment", "holdd"), cli.err);
        assertTrue(cli.err.contains("hold") && cli.err.contains("hostile") && cli.err.contains("wrk"), cli.err);
        assertEquals(1, cli.err.strip().lines().count(), cli.err);
    }

    @Test
    void anUnknownModelListsTheServersAndSuggestsTheNearest() {
        CliFixture cli = new CliFixture();
        assertEquals(2, cli.run("load", "--models", "virtul"), cli.err);
        assertTrue(cli.err.contains("virtual") && cli.err.contains("go-http") && cli.err.contains("python-twisted"), cli.err);
    }

    @Test
    void connectionsMustBePositiveAndTheGeneratorKeepsACpu() {
        CliFixture cli = new CliFixture();
        assertEquals(2, cli.run("load", "--connections", "0"), cli.err);
        assertTrue(cli.err.contains("--connections"), cli.err);
        int cpus = Runtime.getRuntime().availableProcessors();
        assertEquals(2, cli.run("load", "--server-cpus", Integer.toString(cpus), "-o", "target/load-test-never.json"), cli.err);
        assertTrue(cli.err.contains("--server-cpus"), cli.err);
    }

    @Test
    void aTargetMustBeAnHttpAddressAndDrivesOneServer() {
        CliFixture cli = new CliFixture();
        assertEquals(2, cli.run("load", "--target", "localhost:80"), cli.err);
        assertTrue(cli.err.contains("http://HOST:PORT"), cli.err);
        assertEquals(2, cli.run("load", "--target", "http://127.0.0.1:9", "-m", "virtual,eventloop"), cli.err);
        assertTrue(cli.err.contains("one"), cli.err);
    }
}
