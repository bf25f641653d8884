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

    public static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    public static byte[] svg(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toByteArray();
    }
}
