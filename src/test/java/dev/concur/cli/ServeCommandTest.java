package dev.concur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concur.server.ServerModels;
import dev.concur.workload.CpuWork;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code concur serve --model}: bad input is one line and exit 2, and a real server process keeps the
 * contract's start (two lines, flushed), serves, and ends with its parent's pipe or on SIGTERM.
 */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("^concur serve: listening on (http://127\\.0\\.0\\.1:\\d+)$");

    private final CliFixture cli = new CliFixture();

    @Test
    void anUnknownModelIsExit2AndListsTheValidOnes() {
        assertEquals(2, cli.run("serve", "--model", "bogus"));
        assertTrue(cli.err.startsWith("concur serve: unknown model 'bogus'"), cli.err);
        for (String name : ServerModels.names()) assertTrue(cli.err.contains(name), name + " in: " + cli.err);
        assertEquals(1, cli.err.strip().lines().count(), "one line");
        assertEquals(2, cli.run("serve", "--model", "virtaul"));
        assertTrue(cli.err.contains("did you mean 'virtual'?"), cli.err);
    }

    @Test
    void optionsThatNeedAModelOrNoModelAreExit2() {
        assertEquals(2, cli.run("serve", "--threads", "4"));
        assertTrue(cli.err.contains("need --model"), cli.err);
        assertEquals(2, cli.run("serve", "--model", "virtual", "--latency", "10ms"));
        assertTrue(cli.err.contains("--latency"), cli.err);
        assertEquals(2, cli.run("serve", "--model", "platform", "--threads", "0"));
        assertEquals(2, cli.run("serve", "--model", "eventloop", "--port", "70000"));
    }

    @Test
    void helpListsEveryModelWithWhatItDoes() {
        assertEquals(0, cli.run("serve", "--help"));
        for (ServerModels.Entry e : ServerModels.all()) assertTrue(cli.out.contains(e.name()), e.name() + " in: " + cli.out);
        assertTrue(cli.out.contains("--parent-watch") && cli.out.contains("--max-connections"), cli.out);
    }

    @Test
    void aServerWithParentWatchEndsWhenItsStandardInputCloses() throws Exception {
        Process p = serve("--model", "eventloop", "--port", "0", "--parent-watch");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String base = started(out, "eventloop");
            assertEquals(Long.toString(CpuWork.compute(12, 100)), get(base + "/task/12?wait=1000&work=100"));
            p.getOutputStream().close();
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "exits within 5 s of its standard input's end");
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigtermStopsAServerAsleepInARequestWithinSeconds() throws Exception {
        Process p = serve("--model", "sequential", "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String base = started(out, "sequential");
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(base + "/task/1?wait=30000000")).build(),
                    HttpResponse.BodyHandlers.ofString()); // the server's one thread sleeps 30 s in it
            Thread.sleep(300);
            long start = System.nanoTime();
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "stops on SIGTERM");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 3_000, "stopped in " + ms + " ms");
        } finally {
            p.destroyForcibly();
        }
    }

    private static Process serve(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.concur.cli.Concur", "serve"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the contract's two first lines and returns the URL the server listens on. */
    private static String started(BufferedReader out, String model) throws Exception {
        String settings = line(out);
        assertTrue(settings.startsWith("concur serve: settings {"), settings);
        JsonNode json = new ObjectMapper().readTree(settings.substring("concur serve: settings ".length()));
        assertEquals(model, json.get("model").asText());
        assertEquals("java " + Runtime.version().feature(), json.get("runtime").asText());
        assertEquals(4096, json.get("backlog").asInt());
        assertEquals(0, json.get("idleTimeoutSeconds").asInt());
        assertTrue(json.get("jvmArgs").isArray() && json.get("notes").isArray(), settings);
        Matcher m = LISTENING.matcher(line(out));
        assertTrue(m.matches(), "the listening line");
        return m.group(1);
    }

    private static String line(BufferedReader out) throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(line != null, "the server wrote its line before ending");
        return line;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }
}
