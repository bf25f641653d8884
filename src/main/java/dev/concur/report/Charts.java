package dev.concur.report;

import dev.concur.result.Result;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart, 1280×720 (a 16:9 slide) in PNG or SVG. Each model keeps
 * its colour and marker in every chart (Okabe–Ito colours, readable by colour-blind viewers and on
 * a projector). Only ok results are drawn: a failed or invalid model is absent from the chart and
 * explained in the table's notes.
 */
public final class Charts {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    /** Model → colour, fixed across every chart and report. */
    public static final Map<String, Color> COLORS = new LinkedHashMap<>();
    private static final Map<String, Marker> MARKERS = new LinkedHashMap<>();

    static {
        style("sequential", new Color(0x00, 0x00, 0x00), SeriesMarkers.CIRCLE);
        style("platform", new Color(0xE6, 0x9F, 0x00), SeriesMarkers.SQUARE);
        style("platform-per-task", new Color(0x56, 0xB4, 0xE9), SeriesMarkers.DIAMOND);
        style("virtual", new Color(0x00, 0x9E, 0x73), SeriesMarkers.TRIANGLE_UP);
        style("forkjoin", new Color(0x00, 0x72, 0xB2), SeriesMarkers.TRIANGLE_DOWN);
        style("eventloop", new Color(0xD5, 0x5E, 0x00), SeriesMarkers.CROSS);
        style("reactive", new Color(0xCC, 0x79, 0xA7), SeriesMarkers.PLUS);
    }

    private static void style(String model, Color c, Marker m) {
        COLORS.put(model, c);
        MARKERS.put(model, m);
    }

    static Color color(String model) {
        return COLORS.getOrDefault(model, new Color(0x99, 0x99, 0x99));
    }

    /** A chart with its file name stem, e.g. {@code io-batch-time}, and the table it draws. */
    public record Named(String stem, Chart<?, ?> chart, List<String> models, ReportTables.Table table) {}

    private Charts() {}

    /** All charts for the tables: batch time per table; throughput and speedup where cores were swept. */
    public static List<Named> all(ReportTables tables, Messages m) {
        List<Named> out = new ArrayList<>();
        for (ReportTables.Table t : tables.tables()) {
            String stem = t.workload() + (tables.tables().stream().filter(o -> o.workload().equals(t.workload())).count() > 1
                    ? "-" + t.shape().tasks() : "");
            Named batch = batch(t, m, stem);
            if (batch != null) out.add(batch);
            List<Integer> ks = t.columns().stream().filter(k -> k != null).toList();
            if (ks.size() >= 2) {
                out.add(scaling(t, m, stem, false));
                out.add(scaling(t, m, stem, true));
            }
            List<Result> traced = t.rows().stream().flatMap(row -> row.cells().stream())
                    .map(ReportTables.Cell::result).filter(r -> r != null && r.trace() != null).toList();
            out.addAll(timelines(traced, t, m));
        }
        return out;
    }

    private static void common(Styler s) {
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setAntiAlias(true);
    }

    /** Bars of batch time with the 99.9 % CI as error bars, at the table's largest core count. */
    static Named batch(ReportTables.Table t, Messages m, String stem) {
        int col = t.columns().size() - 1;
        String title = m.get("chart.batch.title", ReportTables.shortTitle(t, m))
                + (t.columns().get(col) == null ? "" : " (" + m.cores(t.columns().get(col)) + ")");
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(m.get("legend.ci")).yAxisTitle(m.get("chart.batch.y")).build();
        common(chart.getStyler());
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setDecimalPattern("#,##0.#");
        chart.getStyler().setLocale(m.locale());
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        List<String> models = new ArrayList<>();
        for (ReportTables.Row row : t.rows()) {
            Result r = row.cells().get(col).result();
            if (r == null || !r.ok()) continue;
            double err = r.batchTime().error() == null ? 0 : r.batchTime().error();
            String name = row.source() == null ? row.model() : row.model() + " (" + row.source() + ")";
            CategorySeries s = chart.addSeries(name, List.of(" "), List.of(r.batchTime().score()), List.of(err));
            s.setFillColor(color(row.model()));
            models.add(row.model());
        }
        return models.isEmpty() ? null : new Named(stem + "-batch-time", chart, models, t);
    }

    /** Throughput (or speedup) against cores, one line per model, with the ideal linear line. */
    static Named scaling(ReportTables.Table t, Messages m, String stem, boolean speedup) {
        String kind = speedup ? "speedup" : "throughput";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(m.get("chart." + kind + ".title", ReportTables.shortTitle(t, m)))
                .xAxisTitle(m.get("chart." + kind + ".x")).yAxisTitle(m.get("chart." + kind + ".y")).build();
        common(chart.getStyler());
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getStyler().setMarkerSize(12);
        chart.getStyler().setLocale(m.locale());
        chart.getStyler().setDecimalPattern("#,##0.##");
        chart.getStyler().setXAxisDecimalPattern("0");
        List<String> models = new ArrayList<>();
        double bestAtMin = 0;
        int kmin = Integer.MAX_VALUE;
        int kmax = 0;
        for (ReportTables.Row row : t.rows()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            Double base = null;
            for (int c = 0; c < t.columns().size(); c++) {
                Integer k = t.columns().get(c);
                Result r = row.cells().get(c).result();
                if (k == null || r == null || !r.ok()) continue;
                if (base == null) base = r.throughputTasksPerSec();
                xs.add((double) k);
                ys.add(speedup ? r.throughputTasksPerSec() / base : r.throughputTasksPerSec());
                if (k < kmin) {
                    kmin = k;
                    bestAtMin = 0;
                }
                if (k == kmin) bestAtMin = Math.max(bestAtMin, r.throughputTasksPerSec());
                kmax = Math.max(kmax, k);
            }
            if (xs.isEmpty()) continue;
            String name = row.source() == null ? row.model() : row.model() + " (" + row.source() + ")";
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setLineColor(color(row.model()));
            s.setMarkerColor(color(row.model()));
            s.setMarker(MARKERS.getOrDefault(row.model(), SeriesMarkers.CIRCLE));
            s.setLineStyle(new BasicStroke(3f));
            models.add(row.model());
        }
        if (kmax > kmin) {
            double y0 = speedup ? 1 : bestAtMin;
            XYSeries ideal = chart.addSeries(m.get("chart.ideal"), List.of((double) kmin, (double) kmax),
                    List.of(y0, y0 * kmax / kmin));
            ideal.setLineColor(Color.GRAY);
            ideal.setMarker(SeriesMarkers.NONE);
            ideal.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 8f}, 0f));
        }
        return new Named(stem + "-" + kind, chart, models, t);
    }

    /** The timelines of every traced result ({@code --trace}), one chart per model and workload. */
    public static List<Named> timelines(List<Result> results, ReportTables.Table table, Messages m) {
        List<Named> out = new ArrayList<>();
        for (Result r : results) {
            if (r.trace() == null || r.trace().timeline().isEmpty()) continue;
            String stem = r.workload() + "-" + r.model() + (r.cores() == null ? "" : "-" + r.cores()) + "-timeline";
            out.add(new Named(stem, timelineChart(r, m), List.of(r.model()), table));
        }
        return out;
    }

    /** Threads' colours in a timeline: distinct, colour-blind safe, in order of first use. */
    private static final Color[] LANES = {new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
            new Color(0xCC, 0x79, 0xA7), new Color(0xD5, 0x5E, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0xF0, 0xE4, 0x42),
            new Color(0x00, 0x00, 0x00)};

    /**
     * A Gantt chart of one traced batch: a row per task (task 0 on top), time across; a thick bar
     * where the task's code ran, coloured by the thread it ran on (the carrier, for a virtual
     * thread), and a thin grey line where it waited. One after another, side by side on the cores,
     * or interleaved on one thread: the picture is the model.
     */
    public static XYChart timelineChart(Result r, Messages m) {
        var trace = r.trace();
        int n = trace.timeline().size();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(m.get("chart.timeline.title", r.model(), r.workload(), m.number(n, 0)))
                .xAxisTitle(m.get("chart.timeline.x")).yAxisTitle(m.get("chart.timeline.y")).build();
        common(chart.getStyler());
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getStyler().setLocale(m.locale());
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // the plot keeps the full width
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(-0.6);
        chart.getStyler().setYAxisMax(n - 0.4);
        chart.getStyler().setDecimalPattern("#,##0.#");
        // rows are tasks, task 0 on top. XChart drops every tick label unless all are distinct, so the
        // spacing hint keeps ticks at least one row apart (whole tasks), and anything else keeps its value.
        chart.getStyler().setYAxisTickMarkSpacingHint(Math.max(25, 540 / n));
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            double task = n - 1 - y;
            long nearest = Math.round(task);
            return Math.abs(task - nearest) < 1e-6 && nearest >= 0 && nearest < n ? "#" + nearest
                    : String.format(m.locale(), "%.1f", task);
        });
        // one series per thread: (start, y), (end, y), (end, null) per segment, null being a gap
        Map<String, List<Double>> xs = new LinkedHashMap<>();
        Map<String, List<Double>> ys = new LinkedHashMap<>();
        List<Double> waitX = new ArrayList<>();
        List<Double> waitY = new ArrayList<>();
        float bar = Math.max(3f, Math.min(28f, 420f / n));
        for (var task : trace.timeline()) {
            double y = n - 1 - task.task();
            for (var seg : task.segments()) {
                boolean run = seg.kind().equals(dev.concur.result.Timeline.RUN);
                String lane = seg.carrier() != null ? m.get("chart.timeline.carrier", seg.carrier()) : shortThread(seg.thread());
                List<Double> x = run ? xs.computeIfAbsent(lane, k -> new ArrayList<>()) : waitX;
                List<Double> yy = run ? ys.computeIfAbsent(lane, k -> new ArrayList<>()) : waitY;
                double from = seg.start() / 1000.0;
                double to = Math.max(seg.end() / 1000.0, from + 0.001); // a step shorter than a microsecond still shows
                x.add(from);
                yy.add(y);
                x.add(to);
                yy.add(y);
                x.add(to);
                yy.add(null);
            }
        }
        if (!waitX.isEmpty()) {
            XYSeries w = chart.addSeries(m.get("chart.timeline.wait"), waitX, waitY);
            w.setLineColor(new Color(0xAA, 0xAA, 0xAA));
            w.setLineStyle(new BasicStroke(Math.max(2f, bar / 4), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            w.setMarker(SeriesMarkers.NONE);
        }
        int i = 0;
        for (String lane : xs.keySet()) {
            String label = i < LANES.length ? lane : null;
            XYSeries s = chart.addSeries(label != null ? lane : lane + " ", xs.get(lane), ys.get(lane));
            s.setLineColor(LANES[i % LANES.length]);
            s.setLineStyle(new BasicStroke(bar, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(label != null);
            i++;
        }
        return chart;
    }

    /** JMH names its thread after the benchmark method: "dev.concur.fork.BatchBenchmark.batch-jmh-worker-1" → "jmh-worker-1". */
    static String shortThread(String name) {
        int at = name.indexOf("-jmh-worker-");
        return at < 0 ? name : name.substring(at + 1);
    }

    public static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    public static byte[] svg(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toByteArray();
    }
}
