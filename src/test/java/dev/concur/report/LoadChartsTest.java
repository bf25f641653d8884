package dev.concur.report;

import static dev.concur.report.ChartsAndHtmlTest.distinctColors;
import static dev.concur.report.ChartsAndHtmlTest.hasColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concur.result.LoadReport.LoadResult;
import dev.concur.run.load.LoadResults;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The load charts are real pictures, with each model in its colour, on the axes their javadoc promises. */
class LoadChartsTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static List<LoadResult> rates() {
        List<LoadResult> rs = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            rs.add(LoadResults.rate("eventloop", p, 1000, 100_000, 1000, "ok", 100_300 + p, 100_900, 102_000, 108_000, 130_000));
            rs.add(LoadResults.rate("python-threading", p, 1000, 100_000, 1000, "degraded", 101_000, 104_000, 125_000, 400_000,
                    900_000));
        }
        rs.add(LoadResults.failed("rate", "python-twisted", 1, 1000, "invalid", "12 requests timed out"));
        rs.add(LoadResults.hold("eventloop", 1, 1000, 2000, 20));   // not a rate result: ignored
        return rs;
    }

    private static BufferedImage png(XYChart chart) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Charts.png(chart)));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        assertTrue(distinctColors(img) > 20, "not blank");
        return img;
    }

    @Test
    void latencyIsDrawnOnHdrHistogramsAxesWithEveryMeasuredModel() throws Exception {
        XYChart chart = LoadCharts.latency(rates(), Messages.forLanguage("es"));
        assertEquals(List.of("eventloop", "python-threading (no dio abasto)"), List.copyOf(chart.getSeriesMap().keySet()),
                "an invalid model is never drawn; a degraded one says so");
        assertEquals("Latencia por percentil: 1.000 peticiones/s, 1.000 conexiones, espera 100 ms",
                chart.getTitle());
        XYSeries loop = chart.getSeriesMap().get("eventloop");
        // x: log10(1 / (1 - p)); 90, 99 and 99.9 a decade apart; the maximum at 1 - 1/n for n = 5,000 requests
        double[] x = loop.getXData();
        assertEquals(5, x.length);
        assertEquals(Math.log10(2), x[0], 1e-9);
        assertEquals(1, x[1], 1e-9);
        assertEquals(2, x[2], 1e-9);
        assertEquals(3, x[3], 1e-9);
        assertEquals(Math.log10(5000), x[4], 1e-9);
        // y: log10 of milliseconds, the median process's p50 (100.302 ms)
        assertEquals(Math.log10(100.302), loop.getYData()[0], 1e-9);
        BufferedImage img = png(chart);
        assertTrue(hasColor(img, LoadCharts.color("eventloop")), "eventloop's line");
        assertTrue(hasColor(img, LoadCharts.color("python-threading")), "python-threading's line");
        assertFalse(hasColor(img, LoadCharts.color("python-twisted")), "no line for an invalid result");
        assertNull(LoadCharts.latency(List.of(LoadResults.hold("eventloop", 1, 1000, 2000, 20)), Messages.forLanguage("en")));
    }

    @Test
    void memoryPerConnectionIsDrawnAgainstConnectionsOnLogScales() throws Exception {
        List<LoadResult> rs = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            for (int n : List.of(1000, 10_000)) {
                rs.add(LoadResults.hold("eventloop", p, n, 1500 + p * 10, 20));
                rs.add(LoadResults.hold("platform-per-connection", p, n, 40_000 + p * 100, n + 20));
            }
            rs.add(LoadResults.hold("python-asyncio", p, 1000, -300, 1));   // the resident set shrank: nothing to draw
        }
        XYChart chart = LoadCharts.memory(rs, Messages.forLanguage("en"));
        assertEquals(List.of("eventloop", "platform-per-connection"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("Server memory per idle connection, by connections held", chart.getTitle());
        XYSeries ppc = chart.getSeriesMap().get("platform-per-connection");
        assertEquals(List.of(3.0, 4.0), java.util.Arrays.stream(ppc.getXData()).boxed().toList());
        assertEquals(Math.log10(40_200), ppc.getYData()[0], 1e-9);
        BufferedImage img = png(chart);
        for (String m : List.of("eventloop", "platform-per-connection")) assertTrue(hasColor(img, LoadCharts.color(m)), m);
        assertNull(LoadCharts.memory(List.of(LoadResults.skipped("hold", "node-http", 1000, "node not found")), Messages.forLanguage("en")));
    }

    @Test
    void theLogAxesAreLabelledAtRoundValues() {
        // 100 ms to 900 ms: 1-2-5 gives only 3 lines, so the next series
        assertEquals(List.of(100.0, 150.0, 200.0, 300.0, 500.0, 700.0), LoadCharts.roundTicks(2, Math.log10(900)));
        // a narrow range still gets lines, at tenths of the decade
        assertEquals(List.of(100.0, 110.0, 120.0, 130.0), LoadCharts.roundTicks(2, Math.log10(131)).stream()
                .map(v -> Math.round(v * 1e6) / 1e6).toList());
        // 1 KB to 60 KB in bytes
        assertEquals(List.of(1_000.0, 2_000.0, 5_000.0, 10_000.0, 20_000.0, 50_000.0), LoadCharts.roundTicks(3, Math.log10(60_000)));
    }
}
