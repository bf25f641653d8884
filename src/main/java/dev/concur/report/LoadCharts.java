package dev.concur.report;

import dev.concur.result.LoadReport.LoadResult;
import dev.concur.stats.Stats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code concur load}'s two pictures, 1280×720 like {@link Charts}, each point the median of a
 * model's server processes:
 * <ul>
 *   <li><b>latency by percentile</b>, HdrHistogram's plot: x is the percentile on a scale of
 *       1 / (1 − p), so 90 %, 99 % and 99.9 % are a decade apart and the tail gets the room it
 *       needs; y is the latency from each request's intended start, on a log scale. The last point
 *       of a line is the maximum, drawn where it belongs: at 1 − 1 / n for n requests.</li>
 *   <li><b>memory per connection against connections held</b> (hold), both on log scales: a cost
 *       per connection is a flat line; a fixed cost shared by more connections falls.</li>
 * </ul>
 * A degraded server (one that did not keep up) is drawn, labelled so; an invalid, failed or skipped one is not.
 * XChart's logarithmic axes label only whole decades, so both axes are drawn as logarithms on
 * linear axes, with their labels written back in the original units.
 */
public final class LoadCharts {
    /** The percentiles a load report keeps ({@code LoadReport.Latency}), as fractions. */
    static final double[] PERCENTILES = {0.50, 0.90, 0.99, 0.999};

    /** Server model → colour (Okabe–Ito) and marker, fixed across charts; the JVM's keep {@link Charts}'. */
    private static final Map<String, Color> COLORS = new LinkedHashMap<>();
    private static final Map<String, Marker> MARKERS = new LinkedHashMap<>();

    static {
        style("eventloop", Charts.color("eventloop"), SeriesMarkers.CROSS);
        style("eventloop-blocking", new Color(0x00, 0x00, 0x00), SeriesMarkers.CIRCLE);
        style("sequential", new Color(0x00, 0x00, 0x00), SeriesMarkers.CIRCLE);
        style("platform", Charts.color("platform"), SeriesMarkers.SQUARE);
        style("platform-per-connection", Charts.color("platform-per-task"), SeriesMarkers.DIAMOND);
        style("virtual", Charts.color("virtual"), SeriesMarkers.TRIANGLE_UP);
        style("reactive", Charts.color("reactive"), SeriesMarkers.PLUS);
        style("go-http", new Color(0x99, 0x99, 0x99), SeriesMarkers.TRIANGLE_DOWN);
        style("node-http", new Color(0x00, 0x9E, 0x73), SeriesMarkers.TRIANGLE_DOWN);
        style("python-asyncio", new Color(0x00, 0x72, 0xB2), SeriesMarkers.CIRCLE);
        style("python-threading", new Color(0x8C, 0x51, 0x0A), SeriesMarkers.SQUARE);      // not platform's orange
        style("python-twisted", new Color(0x6A, 0x3D, 0x9A), SeriesMarkers.TRIANGLE_UP);   // not reactive's pink
    }

    private static void style(String model, Color c, Marker m) {
        COLORS.put(model, c);
        MARKERS.put(model, m);
    }

    /** A server model's colour in every load chart. */
    public static Color color(String model) {
        return COLORS.getOrDefault(model, new Color(0x99, 0x99, 0x99));
    }

    private LoadCharts() {}

    /** Results whose figures are measurements: {@code ok}, or {@code degraded} (the server did not keep up: what it really did). */
    static boolean measured(LoadResult r) {
        return r.status().equals("ok") || r.status().equals("degraded");
    }

    /** Latency by percentile per model, from {@code rate} results (others are ignored); {@code null} when none has a latency. */
    public static XYChart latency(List<LoadResult> results, Messages m) {
        Map<String, List<LoadResult>> byModel = new LinkedHashMap<>();
        for (LoadResult r : results) {
            if (r.experiment().equals("rate") && measured(r) && r.latency() != null) byModel.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
        }
        if (byModel.isEmpty()) return null;
        LoadResult first = byModel.values().iterator().next().get(0);
        boolean oneRate = byModel.values().stream().flatMap(List::stream).map(LoadResult::offeredRate).distinct().count() == 1;
        String title = oneRate ? m.get("chart.load.latency.title", m.number(first.offeredRate() == null ? 0 : first.offeredRate(), 0),
                m.number(first.connections(), 0), m.duration(first.waitMicros() * 1000))
                : m.get("chart.load.latency.title.each", m.number(first.connections(), 0), m.duration(first.waitMicros() * 1000));
        XYChart chart = base(title, m.get("chart.load.latency.x"),
                m.get("chart.load.latency.y"), m);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        double right = x(PERCENTILES[PERCENTILES.length - 1]) + 0.5;
        for (var e : byModel.entrySet()) {
            List<LoadResult> rs = e.getValue();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<ToDoubleFunction<LoadResult>> points = List.of(r -> r.latency().p50(), r -> r.latency().p90(),
                    r -> r.latency().p99(), r -> r.latency().p999());
            for (int i = 0; i < PERCENTILES.length; i++) {
                xs.add(x(PERCENTILES[i]));
                ys.add(Math.log10(Math.max(1, median(rs, points.get(i))) / 1000));
            }
            double n = median(rs, r -> r.latency().count());
            xs.add(Math.log10(Math.max(n, 1 / (1 - PERCENTILES[PERCENTILES.length - 1]))));   // the maximum, at 1 - 1/n
            ys.add(Math.log10(Math.max(1, median(rs, r -> r.latency().max())) / 1000));
            right = Math.max(right, xs.getLast() + 0.2);
            for (double y : ys) {
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
            boolean degraded = rs.stream().anyMatch(r -> r.status().equals("degraded"));
            series(chart, degraded ? m.get("chart.load.degraded", e.getKey()) : e.getKey(), e.getKey(), xs, ys);
        }
        double pad = Math.max(0.02, (high - low) * 0.06);
        axes(chart, -0.45, right, low - pad, high + 3 * pad, v -> m.millis(v));
        for (double p : PERCENTILES) xTick(chart, x(p), m.percent(p, p >= 0.999 ? 1 : 0), high + 1.8 * pad);
        return chart;
    }

    /** Memory per held connection against connections, from {@code hold} results; {@code null} when none has the figure. */
    public static XYChart memory(List<LoadResult> results, Messages m) {
        Map<String, Map<Integer, List<LoadResult>>> byModel = new LinkedHashMap<>();
        for (LoadResult r : results) {
            if (!r.experiment().equals("hold") || !r.status().equals("ok") || r.perRequest() == null || r.perRequest().memoryBytes() == null) continue;
            byModel.computeIfAbsent(r.model(), k -> new LinkedHashMap<>()).computeIfAbsent(r.connections(), k -> new ArrayList<>()).add(r);
        }
        TreeSet<Integer> counts = new TreeSet<>();
        XYChart chart = base(m.get("chart.load.memory.title"), m.get("chart.load.memory.x"), m.get("chart.load.memory.y"), m);
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (var e : byModel.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (var at : new java.util.TreeMap<>(e.getValue()).entrySet()) {
                double bytes = median(at.getValue(), r -> r.perRequest().memoryBytes());
                if (!(bytes > 0)) continue;   // the resident set did not grow: nothing to draw on a log scale
                xs.add(Math.log10(at.getKey()));
                ys.add(Math.log10(bytes));
                counts.add(at.getKey());
                low = Math.min(low, ys.getLast());
                high = Math.max(high, ys.getLast());
            }
            if (!xs.isEmpty()) series(chart, e.getKey(), e.getKey(), xs, ys);
        }
        if (counts.isEmpty()) return null;
        double pad = Math.max(0.05, (high - low) * 0.06);
        axes(chart, Math.log10(counts.first()) - 0.6, Math.log10(counts.last()) + 0.5, low - 3 * pad, high + pad, v -> m.bytes(v));
        for (int n : counts) xTick(chart, Math.log10(n), m.number(n, 0), low - 1.8 * pad);
        return chart;
    }

    /** Where percentile {@code p} sits on the x axis: log10(1 / (1 − p)). */
    static double x(double p) {
        return Math.log10(1 / (1 - p));
    }

    private static XYChart base(String title, String xTitle, String yTitle, Messages m) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Styler s = chart.getStyler();
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setAntiAlias(true);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getStyler().setLocale(m.locale());
        chart.getStyler().setMarkerSize(12);
        chart.getStyler().setAxisTicksVisible(false);   // the ticks are annotations at the values that mean something
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getStyler().setAnnotationTextFontColor(Color.DARK_GRAY);
        chart.getStyler().setAnnotationLineColor(new Color(0xBB, 0xBB, 0xBB));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.5f));
        return chart;
    }

    private static void series(XYChart chart, String name, String model, List<Double> xs, List<Double> ys) {
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setLineColor(color(model));
        s.setMarkerColor(color(model));
        s.setMarker(MARKERS.getOrDefault(model, SeriesMarkers.CIRCLE));
        s.setLineStyle(new BasicStroke(3f));
    }

    /** A vertical line at {@code x} with its label at height {@code y}. */
    private static void xTick(XYChart chart, double x, String label, double y) {
        chart.addAnnotation(new AnnotationLine(x, true, false));
        chart.addAnnotation(new AnnotationText(label, x, y, false));
    }

    /**
     * The plot's range (y as log10 of the unit) and its y labels: horizontal lines at round values of
     * the unit ({@link #roundTicks}), labelled inside the plot's left margin with {@code label}.
     */
    private static void axes(XYChart chart, double left, double right, double bottom, double top, DoubleFunction<String> label) {
        chart.getStyler().setXAxisMin(left);
        chart.getStyler().setXAxisMax(right);
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        double at = left + (right - left) * 0.06;
        for (double v : roundTicks(bottom, top)) {
            chart.addAnnotation(new AnnotationLine(Math.log10(v), false, false));
            chart.addAnnotation(new AnnotationText(label.apply(v), at, Math.log10(v), false));
        }
    }

    /** Mantissas of round values, coarse to fine: 1-2-5, then denser, then every tenth of a decade. */
    private static final double[][] MANTISSAS = {{1, 2, 5}, {1, 1.5, 2, 3, 5, 7}, {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8},
            java.util.stream.IntStream.range(10, 100).mapToDouble(i -> i / 10.0).toArray(),
            java.util.stream.IntStream.range(100, 1000).mapToDouble(i -> i / 100.0).toArray()};

    /** Round values between 10^low and 10^high: the coarsest series that gives at least 4, at most 12. */
    static List<Double> roundTicks(double low, double high) {
        List<Double> chosen = List.of();
        for (double[] mantissas : MANTISSAS) {
            List<Double> ticks = new ArrayList<>();
            for (int d = (int) Math.floor(low) - 1; d <= Math.ceil(high); d++) {
                for (double mt : mantissas) {
                    double v = mt * Math.pow(10, d);
                    if (Math.log10(v) >= low && Math.log10(v) <= high) ticks.add(v);
                }
            }
            if (ticks.size() > 12) return chosen.isEmpty() ? ticks.subList(0, 12) : chosen;
            chosen = ticks;
            if (ticks.size() >= 4) return ticks;
        }
        return chosen;
    }

    private static double median(List<LoadResult> rs, ToDoubleFunction<LoadResult> f) {
        return Stats.median(rs.stream().map(r -> f.applyAsDouble(r)).toList());
    }
}
