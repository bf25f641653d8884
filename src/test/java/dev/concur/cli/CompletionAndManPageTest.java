package dev.concur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conventions of a command-line tool: bash/zsh completion and a man page, both generated from
 * the same picocli annotations as --help, so they cannot drift from the options.
 */
class CompletionAndManPageTest {
    @TempDir
    Path dir;

    private final CliFixture cli = new CliFixture();

    /** What bash offers after {@code line}, using the generated script in a real bash. */
    private String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String program = "source " + script + "; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_concur 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void bashCompletesCommandsOptionsAndModelNames() throws Exception {
        assertEquals(0, cli.run("generate-completion"));
        Path script = Files.writeString(dir.resolve("concur.bash"), cli.out);
        assertEquals("bench", complete(script, "concur", "be"));
        assertEquals("--model", complete(script, "concur", "bench", "--mo"));
        assertEquals("virtual", complete(script, "concur", "bench", "--model", "virt"));
        assertTrue(complete(script, "concur", "bench", "--workload", "").contains("pipeline"));
        assertTrue(complete(script, "concur", "").contains("compare"));
    }

    @Test
    void manPageSourceHasEveryCommandAndOption() throws Exception {
        assertEquals(0, cli.run("gen-manpage", "--outdir=" + dir));
        String main = Files.readString(dir.resolve("concur.adoc"));
        assertTrue(main.contains(":doctype: manpage"), main);
        for (String sub : new String[] {"bench", "report", "compare", "serve", "list", "jmh"}) {
            assertTrue(Files.exists(dir.resolve("concur-" + sub + ".adoc")), sub);
        }
        String bench = Files.readString(dir.resolve("concur-bench.adoc"));
        for (String option : new String[] {"--model", "--workload", "--cores", "--iterations", "--max-batch", "--jmh-json", "--lang"}) {
            assertTrue(bench.contains(option), option);
        }
        assertTrue(bench.contains("What to run"), "the help's sections carry over");
    }
}
