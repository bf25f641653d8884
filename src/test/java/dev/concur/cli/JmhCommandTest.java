package dev.concur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** concur jmh hands every argument to JMH, dash options included (JMH prints to System.out). */
class JmhCommandTest {
    @ParameterizedTest(name = "concur jmh {0}")
    @CsvSource(delimiter = '|', value = {
            "-l     | dev.concur.fork.BatchBenchmark.batch",
            "-lp    | param \"model\" = {virtual}",
            "-h     | Usage: java -jar ... [regexp*] [options]",
            "--help | Usage: java -jar ... [regexp*] [options]"})
    void dashOptionsReachJmh(String arg, String expected) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            code = new CliFixture().run("jmh", arg);
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains(expected), out);
    }
}
