package dev.concur.lecture;

import dev.concur.report.Charts;
import dev.concur.result.Environment;
import dev.concur.result.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lecture's outputs in one language, from the reports alone: the slides (each claim's verdict
 * computed by its rule), the terminal text, a self-contained HTML deck (no network, no script,
 * projector-sized type, 16:9 slides that print one per page) and Markdown (slides separated by
 * {@code ---}, as Marp and reveal-md read it).
 */
public final class Deck {
    private final Manifest manifest;
    private final Evidence evidence;
    private final Text t;
    private final List<Slide> slides = new ArrayList<>();

    public Deck(Manifest manifest, Evidence evidence, String lang) {
        this.manifest = manifest;
        this.evidence = evidence;
        this.t = new Text(lang);
        for (Claims.Claim c : Claims.ALL) {
            if (!manifest.questions().contains(c.question())) continue;
            Claims.Body b = c.rule().apply(evidence, t);
            List<String> cmds = new ArrayList<>();
            for (Manifest.Entry e : manifest.experiments()) if (c.experiments().contains(e.id())) cmds.add(e.command());
            List<String> caveats = new ArrayList<>(b.verdict().caveats());
            String ran = ran(c);
            if (ran != null) caveats.add(ran);
            slides.add(new Slide(c.question(), c.id(), t.get("claim." + c.id() + ".title"), t.get("claim." + c.id() + ".quote"),
                    cmds, b.table(), b.timelines(), b.figures(), new Verdict(b.verdict().outcome(), b.verdict().text(), caveats),
                    rule(c.id())));
        }
    }

    /** The claim's rule, its thresholds filled in from {@link Judge}. */
    private String rule(String id) {
        return t.get("rule." + id, Judge.CONFIDENCE_PCT + " %", t.x2(Judge.BAND) + "×", t.x2(1 / Judge.BAND) + "×",
                dev.concur.stats.Ratio.MIN_PROCESSES);
    }

    /** What really ran for a claim, from its results' own parameters (each distinct shape once), or {@code null}. */
    private String ran(Claims.Claim c) {
        java.util.Set<String> shapes = new java.util.LinkedHashSet<>();
        for (String exp : c.experiments()) {
            var report = evidence.reports().get(exp);
            if (report == null) continue;
            for (Result r : report.results()) {
                if (r.params() == null || !r.ok()) continue;
                var p = r.params();
                int forks = r.batchTime() != null && r.batchTime().samplesPerFork() != null ? r.batchTime().samplesPerFork().size() : p.forks();
                shapes.add(p.warmupIterations() == 0 && p.measurementIterations() == 1 && p.warmupCapMillis() == null
                        ? t.get("cav.ran.first", forks)
                        : p.warmupCapMillis() != null ? t.get("cav.ran.adaptive", forks, p.measurementIterations(), p.iterationMillis())
                        : t.get("cav.ran.one", forks, p.warmupIterations(), p.measurementIterations(), p.iterationMillis()));
            }
        }
        for (String exp : c.experiments()) {
            var load = evidence.loads().get(exp);
            String shape = load == null ? null : ranLoad(load);
            if (shape != null) shapes.add(shape);
        }
        return shapes.isEmpty() ? null : t.get("cav.ran", String.join("; ", shapes));
    }

    /** What a load experiment ran, from its report's config: "3 server processes × (2 s warm-up + 5 s measured)", or {@code null}. */
    private String ranLoad(dev.concur.result.LoadReport load) {
        var cfg = load.config();
        if (cfg == null || !(cfg.get("durationSeconds") instanceof Number d) || !(cfg.get("processes") instanceof Number k)) return null;
        if (load.results() == null || load.results().stream().noneMatch(r -> r.status().equals("ok"))) return null;
        String measured = t.messages().duration(Math.round(d.doubleValue() * 1e9));
        if (load.results().stream().allMatch(r -> r.experiment().equals("hold"))) return t.get("cav.ran.hold", k.intValue(), measured);
        double warmup = cfg.get("warmupSeconds") instanceof Number w ? w.doubleValue() : 0;
        return t.get("cav.ran.load", k.intValue(), t.messages().duration(Math.round(warmup * 1e9)), measured);
    }

    public List<Slide> slides() {
        return slides;
    }

    public Text text() {
        return t;
    }

    /** Every claim and its verdict, for the terminal. */
    public String terminal() {
        StringBuilder sb = new StringBuilder();
        String q = null;
        for (Slide s : slides) {
            if (!s.question().equals(q)) {
                q = s.question();
                sb.append('\n').append(t.get("terminal.question", q, t.get("q." + q))).append('\n');
            }
            sb.append("  • ").append(s.title()).append('\n');
            sb.append("    ").append(t.upper(t.get(s.verdict().outcome().key()))).append(": ").append(s.verdict().text()).append('\n');
            sb.append("      ").append(s.rule()).append('\n');
            for (String c : s.verdict().caveats()) sb.append("      - ").append(c).append('\n');
        }
        return sb.toString();
    }

    private String machine() {
        var reports = evidence.reports().values();
        if (reports.isEmpty()) return "";
        Environment e = reports.iterator().next().environment();
        return t.get("deck.machine", e.hostname() == null ? "?" : e.hostname(), e.availableProcessors(),
                (e.cpuModel() == null ? "?" : e.cpuModel()) + ", JDK " + e.jdkVersion(), manifest.concurVersion(), manifest.startedAt());
    }

    /** Markdown; {@code charts} and {@code figures} map each timeline and figure to the image file it was written to. */
    public String markdown(Map<Result, String> charts, Map<Slide.Figure, String> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(t.get("deck.title")).append("\n\n").append(t.get("deck.subtitle")).append("\n\n")
                .append(machine()).append("\n\n").append(t.get(manifest.quick() ? "deck.quick" : "deck.full")).append("\n\n")
                .append(t.get("deck.rule")).append('\n');
        for (Slide s : slides) {
            sb.append("\n---\n\n## ").append(s.question()).append(" · ").append(md(s.title())).append("\n\n");
            sb.append("> ").append(md(s.quote())).append("\n\n");
            sb.append("**").append(t.get(s.verdict().outcome().key())).append(".** ").append(md(s.verdict().text())).append("\n\n");
            sb.append("*").append(md(s.rule())).append("*\n\n");
            if (s.table() != null) {
                sb.append("| ").append(String.join(" | ", s.table().headers().stream().map(Deck::md).toList())).append(" |\n|");
                sb.append("---|".repeat(s.table().headers().size())).append('\n');
                for (List<String> row : s.table().rows()) sb.append("| ").append(String.join(" | ", row.stream().map(Deck::md).toList())).append(" |\n");
                sb.append('\n');
            }
            for (Result r : s.timelines()) {
                String file = charts.get(r);
                if (file != null) sb.append("![").append(r.model()).append(' ').append(r.workload()).append("](").append(file).append(")\n\n");
            }
            for (Slide.Figure f : s.figures()) {
                String file = figures.get(f);
                if (file != null) sb.append("![").append(md(f.alt())).append("](").append(file).append(")\n\n");
            }
            for (String c : s.verdict().caveats()) sb.append("- ").append(md(c)).append('\n');
            if (!s.commands().isEmpty()) {
                sb.append("\n").append(t.get("deck.command")).append(":\n\n");
                for (String c : s.commands()) sb.append("    ").append(c).append('\n');
            }
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }

    private static final String CSS = """
            @page{size:1280px 720px;margin:0}
            html{background:#333}body{margin:0;font-family:'DejaVu Sans',Verdana,sans-serif;color:#111}
            section{box-sizing:border-box;width:1280px;height:720px;margin:24px auto;padding:40px 56px;background:#fff;
              overflow:hidden;position:relative;page-break-after:always;break-after:page;display:flex;flex-direction:column;gap:14px}
            body:has(section:target) section:not(:target){display:none}body:has(section:target) section{margin:0}
            h1{font-size:46px;margin:0 0 12px}h2{font-size:38px;margin:0;line-height:1.15}.q{font-size:22px;color:#0072B2;font-weight:bold}
            blockquote{margin:0;padding:10px 18px;border-left:8px solid #0072B2;background:#eef5fb;font-size:23px;font-style:italic}
            .verdict{padding:12px 18px;border-radius:8px;font-size:24px;line-height:1.3}.verdict b{display:block;font-size:22px;text-transform:uppercase;letter-spacing:.04em}
            .supported{background:#e3f4e8;border-left:10px solid #009E73}.nuanced{background:#fff4dc;border-left:10px solid #E69F00}
            .contradicted{background:#fde8e1;border-left:10px solid #D55E00}.inconclusive,.not-measured{background:#eee;border-left:10px solid #777}
            .illustration{background:#e8eef8;border-left:10px solid #56B4E9}.rule{font-size:15px;color:#444;margin-top:6px}
            section.dense1{gap:8px;padding:28px 48px}.dense1 h2{font-size:32px}.dense1 blockquote{font-size:19px}.dense1 .verdict{font-size:19px}
            .dense1 table{font-size:15px}.dense1 .caveats{font-size:13px}.dense1 .cmd{font-size:11px}
            section.dense2{gap:5px;padding:20px 40px}.dense2 h2{font-size:26px}.dense2 blockquote{font-size:16px;padding:6px 12px}
            .dense2 .verdict{font-size:16px;padding:8px 12px}.dense2 .verdict b{font-size:15px}.dense2 .rule{font-size:12px}
            .dense2 table{font-size:13px}.dense2 th,.dense2 td{padding:2px 8px}.dense2 .caveats{font-size:11.5px}.dense2 .cmd{font-size:10px}
            .unavailable{background:#eee;border-left:10px solid #999;color:#333}
            table{border-collapse:collapse;font-size:19px}th,td{padding:4px 12px;border-bottom:1px solid #bbb;text-align:right}
            th:first-child,td:first-child{text-align:left}thead th{border-bottom:3px solid #111}
            .caveats{font-size:16px;color:#444;margin:0;padding-left:20px}.cmd{font-family:'DejaVu Sans Mono',monospace;font-size:14px;color:#555;margin-top:auto}
            .chart{flex:1;min-height:0;text-align:center}.chart img{max-width:100%;max-height:100%}
            .title p{font-size:26px;line-height:1.4}.title p.muted{font-size:17px;line-height:1.35}.muted{color:#555}
            """;

    /** The self-contained HTML deck. Timelines are PNG data URIs (XChart, 1280×720). */
    public String html() throws IOException {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(t.lang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(t.get("deck.title"))).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<section id=\"title\" class=\"title\"><h1>").append(esc(t.get("deck.title"))).append("</h1><p>")
                .append(esc(t.get("deck.subtitle"))).append("</p><p class=\"muted\">").append(esc(machine())).append("</p><p class=\"muted\">")
                .append(esc(t.get(manifest.quick() ? "deck.quick" : "deck.full"))).append("</p><p class=\"muted\">")
                .append(esc(t.get("deck.rule"))).append("</p></section>\n");
        String q = null;
        for (Slide s : slides) {
            if (!s.question().equals(q)) {
                q = s.question();
                sb.append("<section id=\"q").append(q).append("\" class=\"title\"><div class=\"q\">").append(esc(t.get("deck.question", q)))
                        .append("</div><h1>").append(esc(t.get("q." + q))).append("</h1></section>\n");
            }
            sb.append("<section id=\"").append(s.id()).append("\" class=\"").append(density(s)).append("\"><div class=\"q\">")
                    .append(s.question()).append("</div><h2>")
                    .append(esc(s.title())).append("</h2>\n<blockquote>").append(esc(s.quote())).append("</blockquote>\n");
            sb.append("<div class=\"verdict ").append(s.verdict().outcome().key().substring("outcome.".length())).append("\"><b>")
                    .append(esc(t.get(s.verdict().outcome().key()))).append("</b>").append(esc(s.verdict().text()))
                    .append("<div class=\"rule\">").append(esc(s.rule())).append("</div></div>\n");
            if (s.table() != null) {
                sb.append("<table><thead><tr>");
                for (String h : s.table().headers()) sb.append("<th>").append(esc(h)).append("</th>");
                sb.append("</tr></thead><tbody>");
                for (List<String> row : s.table().rows()) {
                    sb.append("<tr>");
                    for (String c : row) sb.append("<td>").append(esc(c)).append("</td>");
                    sb.append("</tr>");
                }
                sb.append("</tbody></table>\n");
            }
            if (!s.verdict().caveats().isEmpty()) {
                sb.append("<ul class=\"caveats\">");
                for (String c : s.verdict().caveats()) sb.append("<li>").append(esc(c)).append("</li>");
                sb.append("</ul>\n");
            }
            appendCommands(sb, s);
            sb.append("</section>\n");
            for (Result r : s.timelines()) {
                sb.append("<section id=\"").append(s.id()).append('-').append(r.workload()).append('-').append(r.model())
                        .append("\"><div class=\"q\">").append(s.question()).append(" · ").append(esc(s.title()))
                        .append("</div><div class=\"chart\"><img alt=\"").append(esc(r.model() + " " + r.workload()))
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(timelinePng(r)))
                        .append("\"></div>");
                appendCommands(sb, s);
                sb.append("</section>\n");
            }
            for (Slide.Figure f : s.figures()) {
                sb.append("<section id=\"").append(s.id()).append('-').append(f.name()).append("\"><div class=\"q\">").append(s.question())
                        .append(" · ").append(esc(s.title())).append("</div><div class=\"chart\"><img alt=\"").append(esc(f.alt()))
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png().get()))
                        .append("\"></div>");
                appendCommands(sb, s);
                sb.append("</section>\n");
            }
        }
        sb.append("<section class=\"title\"><p class=\"muted\">").append(esc(t.get("deck.generated", manifest.concurVersion(),
                manifest.startedAt(), Manifest.FILE))).append("</p></section>\n</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * How tightly a slide must be set to fit 1280×720 whatever its number of rows: the text it
     * carries, in characters, with a table row counted as a line of text. Measured on the
     * densest slides of a full lecture with headless Chromium (ScreenshotTest checks it fits).
     */
    static String density(Slide s) {
        int chars = s.quote().length() + s.verdict().text().length() + s.rule().length();
        for (String c : s.verdict().caveats()) chars += c.length();
        for (String c : s.commands()) chars += c.length();
        int rows = s.table() == null ? 0 : s.table().rows().size() + 1;
        int load = chars + rows * 90;
        return load > 1700 ? "dense2" : load > 1100 ? "dense1" : "dense0";
    }

    private static void appendCommands(StringBuilder sb, Slide s) {
        if (s.commands().isEmpty()) return;
        sb.append("<div class=\"cmd\">");
        for (String c : s.commands()) sb.append(esc(c)).append("<br>");
        sb.append("</div>\n");
    }

    /** A timeline chart in this deck's language. */
    public byte[] timelinePng(Result r) throws IOException {
        return Charts.png(Charts.timelineChart(r, t.messages()));
    }

    /** Every timeline of the deck, by result, with a file name. */
    public Map<Result, String> timelineFiles(String dir) {
        Map<Result, String> out = new LinkedHashMap<>();
        for (Slide s : slides) {
            for (Result r : s.timelines()) out.put(r, dir + "/" + s.id() + "-" + r.workload() + "-" + r.model() + ".png");
        }
        return out;
    }

    /** Every figure of the deck, with a file name. */
    public Map<Slide.Figure, String> figureFiles(String dir) {
        Map<Slide.Figure, String> out = new LinkedHashMap<>();
        for (Slide s : slides) for (Slide.Figure f : s.figures()) out.put(f, dir + "/" + s.id() + "-" + f.name() + ".png");
        return out;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
