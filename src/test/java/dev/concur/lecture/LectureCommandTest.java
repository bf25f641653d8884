package dev.concur.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.cli.CliFixture;
import dev.concur.result.LoadReport;
import dev.concur.result.ReportReader;
import dev.concur.run.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code concur lecture} end to end on the seeded fake runner: every experiment becomes a report, every
 * claim a verdict, the deck is written in one language and rendered in the other from the same
 * reports without measuring. The decks are sealed as golden files (regenerate with
 * {@code -Dconcur.updateGolden=true} and review the diff): the Spanish must read as a lecturer says it.
 */
class LectureCommandTest {
    @TempDir
    Path dir;

    private static String normalise(String deck) {
        return deck.replace("concur " + Version.get() + ",", "concur VERSION,");
    }

    private static void golden(String name, String actual) throws Exception {
        Path golden = Path.of("src/test/resources/lecture/" + name);
        if (Boolean.getBoolean("concur.updateGolden")) Files.writeString(golden, actual);
        assertEquals(Files.readString(golden), actual, golden.toString());
    }

    /** A finished concur load report, valid for the one reader of load reports, every result a measurement or a skip. */
    private static LoadReport loadReport(Path file) {
        LoadReport r = dev.concur.result.LoadReportReader.read(file);
        assertEquals(LoadReport.SCHEMA, r.schema(), file.toString());
        assertEquals("complete", r.termination(), file.toString());
        assertTrue(!r.results().isEmpty() && r.results().stream().allMatch(x -> List.of("ok", "degraded", "skipped").contains(x.status())),
                file.toString());
        return r;
    }

    @Test
    void measuresOnceAndRendersInBothLanguages() throws Exception {
        Path out = dir.resolve("lecture");
        CliFixture cli = new CliFixture();
        int code = cli.run("lecture", "--quick", "--lang", "es", "--no-progress", "--out", out.toString());
        assertEquals(0, code, cli.err);
        for (String q : List.of("1.1", "1.2", "1.3", "1.4", "1.5")) assertTrue(cli.out.contains("Pregunta " + q + ":"), cli.out);
        for (Claims.Claim c : Claims.ALL) {
            assertTrue(cli.out.contains(new Text("es").get("claim." + c.id() + ".title")), "claim " + c.id() + " printed");
        }
        assertTrue(cli.err.contains("experimento 1/"), cli.err);
        Manifest m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(out.resolve("lecture.json").toFile(), Manifest.class);
        assertTrue(m.quick());
        assertEquals(Catalog.forQuestions(Catalog.QUESTIONS, true).size(), m.experiments().size());
        for (Manifest.Entry e : m.experiments()) {
            if (e.isLoad()) loadReport(out.resolve(e.report()));
            else ReportReader.read(out.resolve(e.report())); // every report is a valid concur report
        }
        assertTrue(Files.readString(out.resolve("deck-es.html")).contains("<section id=\"1.2-race\""));
        // the server slides: their load experiments ran through the wiring's load runner, their charts are pages and files
        assertEquals(List.of("load-hold", "load-wait", "load-interleave", "load-rate"),
                m.experiments().stream().filter(Manifest.Entry::isLoad).map(Manifest.Entry::id).toList());
        assertEquals(4, cli.loads.plans.size());
        String html = Files.readString(out.resolve("deck-es.html"));
        for (String id : List.of("1.2-connections", "1.2-connections-memory", "1.2-connections-latency", "1.4-interleave",
                "1.5-threadconns-memory", "1.5-twisted-latency")) {
            assertTrue(html.contains("<section id=\"" + id + "\""), id);
        }
        assertTrue(Files.size(out.resolve("charts-es/1.2-connections-latency.png")) > 10_000, "the latency chart is a picture");

        int before = cli.runner.calls.size();
        CliFixture again = new CliFixture();
        assertEquals(0, again.run("lecture", "--from", out.toString(), "--lang", "en"), again.err);
        assertEquals(0, again.runner.calls.size(), "re-rendering measures nothing");
        assertTrue(again.out.contains("Question 1.1:"), again.out);
        assertTrue(Files.exists(out.resolve("deck-en.html")));
        assertTrue(before > 0);

        // the verdicts do not depend on the language
        Map<String, dev.concur.result.Report> reports = new LinkedHashMap<>();
        Map<String, LoadReport> loads = new LinkedHashMap<>();
        for (Manifest.Entry e : m.experiments()) {
            if (e.isLoad()) loads.put(e.id(), loadReport(out.resolve(e.report())));
            else reports.put(e.id(), ReportReader.read(out.resolve(e.report())));
        }
        var es = new Deck(m, new Evidence(reports, loads), "es").slides();
        var en = new Deck(m, new Evidence(reports, loads), "en").slides();
        assertEquals(es.stream().map(s -> s.verdict().outcome()).toList(), en.stream().map(s -> s.verdict().outcome()).toList());

        golden("deck-es.md", normalise(Files.readString(out.resolve("deck-es.md"))));
        golden("deck-en.md", normalise(Files.readString(out.resolve("deck-en.md"))));
    }

    /**
     * Every slide fits its 1280×720 frame in both languages, measured by a real browser: a copy of the
     * deck gets a script that logs each section whose content is taller or wider than the section.
     */
    @Test
    void everySlideFitsItsFrameInARealBrowser() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (System.getenv("CI") != null) assertTrue(Files.isExecutable(chromium), ".ci/run installs Debian's chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium), "chromium not installed here (CI installs it)");
        Path out = dir.resolve("fit");
        CliFixture cli = new CliFixture();
        assertEquals(0, cli.run("lecture", "--quick", "--lang", "es", "--no-progress", "--out", out.toString()), cli.err);
        assertEquals(0, new CliFixture().run("lecture", "--from", out.toString(), "--lang", "en"));
        for (String lang : List.of("es", "en")) {
            String html = Files.readString(out.resolve("deck-" + lang + ".html"));
            assertTrue(!html.contains("<script"), "the deck itself has no script");
            String probe = "<script>let n=0;for(const s of document.querySelectorAll('section')){n++;"
                    + "if(s.scrollHeight>s.clientHeight+1||s.scrollWidth>s.clientWidth+1)"
                    + "console.log('OVERFLOW '+(s.id||'untitled')+' '+s.scrollHeight+'x'+s.scrollWidth);}"
                    + "console.log('CHECKED '+n);</script></body>";
            Path page = Files.writeString(dir.resolve("probe-" + lang + ".html"), html.replace("</body>", probe));
            Path log = dir.resolve("chromium-" + lang + ".log");
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-"), "--enable-logging=stderr", "--v=0",
                    "--window-size=1400,900", "--screenshot=" + dir.resolve("deck-" + lang + ".png"), page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "chromium finished");
            List<String> console = Files.readAllLines(log).stream().filter(l -> l.contains(":CONSOLE")).toList();
            assertTrue(console.stream().anyMatch(l -> l.contains("CHECKED ")), "the probe ran: " + console);
            assertEquals(List.of(), console.stream().filter(l -> l.contains("OVERFLOW")).toList(), lang + ": slides that overflow");
        }
    }

    @Test
    void oneQuestionRunsOnlyItsExperiments() {
        CliFixture cli = new CliFixture();
        assertEquals(0, cli.run("lecture", "--quick", "--question", "1.2", "--lang", "en", "--no-progress",
                "--out", dir.resolve("q").toString()), cli.err);
        assertTrue(cli.out.contains("Question 1.2:"));
        assertTrue(!cli.out.contains("Question 1.1:"));
        assertTrue(cli.runner.calls.stream().noneMatch(b -> b.model().equals("python-celery")), "1.2 needs no Python frameworks");
        assertTrue(cli.runner.calls.stream().anyMatch(b -> b.workloadName().equals("race")), "1.2 measures the race");
        // the servers of 1.2.2: hold, wait and rate; not 1.4.3's blocking loop
        assertEquals(List.of("hold", "wait", "rate"), cli.loads.plans.stream().map(p -> p.experiments().get(0)).toList());
        assertTrue(cli.loads.plans.stream().noneMatch(p -> p.models().contains("eventloop-blocking")));
    }

    @Test
    void aServerThatCannotRunHereLeavesItsSlideNotAvailableAndTheRunOk() throws Exception {
        CliFixture cli = new CliFixture();
        cli.loads.missing("python-twisted");
        Path out = dir.resolve("no-twisted");
        assertEquals(0, cli.run("lecture", "--quick", "--question", "1.5", "--lang", "en", "--no-progress", "--out", out.toString()),
                "a skipped server is not a failure: " + cli.err);
        String twisted = cli.out.substring(cli.out.indexOf(new Text("en").get("claim.1.5-twisted.title")));
        assertTrue(twisted.contains("NOT AVAILABLE") && twisted.contains("python-twisted (skipped: "), twisted);
        // its row in the table of the threading slide says why, and that slide is still judged
        String threading = cli.out.substring(cli.out.indexOf(new Text("en").get("claim.1.5-threadconns.title")));
        assertTrue(threading.contains("TRUE, WITH A CORRECTION"), threading);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliFixture cli = new CliFixture();
        assertEquals(2, cli.run("lecture", "--question", "1.7", "--out", dir.resolve("x").toString()));
        assertEquals("concur lecture: unknown question '1.7'. Valid: 1.1, 1.2, 1.3, 1.4, 1.5, all", cli.err.strip());
        assertEquals(2, cli.run("lecture", "--from", dir.resolve("nothing").toString()));
        assertEquals(1, cli.err.strip().lines().count(), cli.err);
        assertEquals(2, cli.run("lecture", "--from", dir.toString(), "--quick"));
        assertTrue(cli.err.contains("--from renders what was measured"), cli.err);
        assertEquals(0, cli.runner.calls.size(), "nothing ran");
    }
}
