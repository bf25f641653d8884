package dev.concur.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.result.Report;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts are real pictures with every model's series; the HTML page loads cleanly in a real Chromium. */
class ChartsAndHtmlTest {
    @TempDir
    static Path dir;

    static List<Report> reports;

    @BeforeAll
    static void render() throws Exception {
        System.setProperty("java.awt.headless", "true");
        reports = ReportFixture.reports(dir);
    }

    static boolean hasColor(BufferedImage img, Color c) {
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                Color p = new Color(img.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) < 6 && Math.abs(p.getGreen() - c.getGreen()) < 6
                        && Math.abs(p.getBlue() - c.getBlue()) < 6) return true;
            }
        }
        return false;
    }

    static int distinctColors(BufferedImage img) {
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colors.add(img.getRGB(x, y));
        return colors.size();
    }

    @Test
    void pngChartsHaveEverySeriesAndAreNotBlank() throws Exception {
        List<ReportFormat.Output> pngs = ReportFormat.PNG.render(new ReportTables(reports), Messages.forLanguage("en"));
        assertEquals(List.of("io-batch-time.en.png", "cpu-batch-time.en.png", "cpu-throughput.en.png", "cpu-speedup.en.png"),
                pngs.stream().map(ReportFormat.Output::name).toList());
        for (ReportFormat.Output o : pngs) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(o.bytes()));
            assertEquals(Charts.WIDTH, img.getWidth(), o.name());
            assertEquals(Charts.HEIGHT, img.getHeight(), o.name());
            assertTrue(distinctColors(img) > 20, o.name() + " is not blank");
        }
        // io at all cores: platform-per-task failed (absent); the rest present in their own colours
        BufferedImage io = ImageIO.read(new ByteArrayInputStream(pngs.get(0).bytes()));
        for (String m : List.of("platform", "virtual", "eventloop")) assertTrue(hasColor(io, Charts.color(m)), "io bar of " + m);
        BufferedImage speedup = ImageIO.read(new ByteArrayInputStream(pngs.get(3).bytes()));
        for (String m : List.of("sequential", "platform", "virtual", "eventloop")) {
            assertTrue(hasColor(speedup, Charts.color(m)), "speedup line of " + m);
        }
        var named = Charts.all(new ReportTables(reports), Messages.forLanguage("en"));
        assertFalse(named.get(0).models().contains("platform-per-task"), "a failed model is never drawn");
    }

    @Test
    void htmlPutsEachTablesChartsUnderItOnly() throws Exception {
        dev.concur.cli.CliFixture cli = new dev.concur.cli.CliFixture();
        Path out = dir.resolve("two-sizes.json");
        cli.run("bench", "--model=virtual,eventloop", "--suite", "scale", "--out", out.toString());
        ReportTables t = new ReportTables(List.of(dev.concur.result.ReportReader.read(out)));
        assertEquals(3, t.tables().size(), "one io table per size");
        String html = new String(ReportFormat.HTML.render(t, Messages.forLanguage("en")).get(0).bytes(), StandardCharsets.UTF_8);
        assertEquals(3, html.split("<figure class=\"chart\">", -1).length - 1, "one batch-time chart per table, not three each");
    }

    @Test
    void svgChartsDrawEveryModelInItsColour() throws Exception {
        List<ReportFormat.Output> svgs = ReportFormat.SVG.render(new ReportTables(reports), Messages.forLanguage("es"));
        assertEquals("cpu-speedup.es.svg", svgs.get(3).name());
        String speedup = new String(svgs.get(3).bytes(), StandardCharsets.UTF_8);
        assertTrue(speedup.startsWith("<?xml") && speedup.contains("<svg"), "an SVG document");
        for (String m : List.of("sequential", "platform", "virtual", "eventloop")) {
            Color c = Charts.color(m);
            String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            assertTrue(speedup.contains(rgb), "series of " + m + " drawn in " + rgb);
        }
    }

    // ---- a real browser -------------------------------------------------------------------------

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Runs headless Chromium on a page: returns the console messages it logged; writes a screenshot. */
    static List<String> chromium(Path page, Path screenshot) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-");
        Path log = dir.resolve("chromium-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1400,2000",
                "--screenshot=" + screenshot, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        return Files.readAllLines(log).stream().filter(l -> l.contains(":CONSOLE")).toList();
    }

    static void requireChromium() {
        if (System.getenv("CI") != null) assertTrue(Files.isExecutable(CHROMIUM), ".ci/run installs Debian's chromium");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed here (CI installs it)");
    }

    @Test
    void theConsoleCheckCatchesAnError() throws Exception {
        requireChromium();
        Path bad = Files.writeString(dir.resolve("bad.html"), "<html><body><script>console.error('boom'); undefinedCall();</script></body></html>");
        List<String> console = chromium(bad, dir.resolve("bad.png"));
        assertTrue(console.stream().anyMatch(l -> l.contains("boom")), "the check sees console errors: " + console);
    }

    @Test
    void htmlLoadsCleanlyAndShowsTablesAndCharts() throws Exception {
        requireChromium();
        Path out = dir.resolve("html");
        List<Path> written = ReportWriter.write(reports, List.of(ReportFormat.HTML), "es", out);
        String html = Files.readString(written.get(0));
        assertFalse(html.contains("http://") && html.contains("src=\"http"), "nothing fetched at view time");
        assertFalse(html.contains("<script"), "no script");
        Path shot = dir.resolve("page.png");
        List<String> console = chromium(written.get(0), shot);
        assertEquals(List.of(), console, "no console messages");
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1400, img.getWidth());
        assertTrue(distinctColors(img) > 50, "not blank");
        assertTrue(hasColor(img, new Color(0xe8, 0xf4, 0xea)), "a table with a highlighted best cell is visible");
        for (String m : List.of("platform", "virtual", "eventloop")) assertTrue(hasColor(img, Charts.color(m)), "chart colour of " + m);
        System.out.println("report: HTML rendered in headless " + CHROMIUM + " with no console messages; screenshot " + shot);
    }
}
