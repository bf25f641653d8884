package dev.concur.report;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words and numbers of human-facing reports in one language. Numbers use that language's
 * conventions (Spanish: {@code 1.234,5}); machine formats (CSV, JSON) never go through here.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.concur.report.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code es} or {@code en}. */
    public static Messages forLanguage(String lang) {
        return new Messages(lang.equals("es") ? Locale.forLanguageTag("es-ES") : Locale.forLanguageTag("en-US"));
    }

    /** The language of the user's locale when it is Spanish, else English. */
    public static String defaultLanguage() {
        return Locale.getDefault().getLanguage().equals("es") ? "es" : "en";
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A number with {@code digits} decimals and grouping, in this language. */
    public String number(double v, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setGroupingUsed(true);
        return f.format(v);
    }

    /** A batch time: 3 significant digits, at most no decimals above 100. */
    public String millis(double ms) {
        return ms >= 100 ? number(ms, 0) : ms >= 10 ? number(ms, 1) : number(ms, 2);
    }

    public String percent(double fraction, int digits) {
        return number(100 * fraction, digits) + (lang().equals("es") ? " %" : "%");
    }

    /** A size in bytes, in B, KB or MB (powers of 1000), e.g. "2,1 KB". */
    public String bytes(double b) {
        if (b >= 1e6) return number(b / 1e6, 1) + " MB";
        if (b >= 1e3) return number(b / 1e3, 1) + " KB";
        return number(b, 0) + " B";
    }

    /** A duration for people: "100 ms", "2 s", "1,5 s" (a space before the unit, as SI and RAE want). */
    public String duration(long nanos) {
        if (nanos % 1_000_000_000L == 0) return number(nanos / 1e9, 0) + " s";
        if (nanos >= 1_000_000_000L) return number(nanos / 1e9, 1) + " s";
        if (nanos % 1_000_000L == 0) return number(nanos / 1e6, 0) + " ms";
        if (nanos >= 1_000_000L) return number(nanos / 1e6, 1) + " ms";
        return number(nanos / 1e3, 0) + " µs";
    }

    public String times(double x) {
        return number(x, 1) + "×";
    }

    public String cores(Integer k) {
        if (k == null) return get("col.cores.all");
        return k == 1 ? get("col.cores.one") : get("col.cores.many", k);
    }

    public String status(String s) {
        return get("status." + s);
    }

    /** A whole number as concur load writes it, grouped ("1,000"), and the hostile clients' closing clause. */
    private static final String N = "-?\\d{1,3}(?:,\\d{3})*|\\d+";
    private static final String TIME = "([\\d.]+) (s|ms|µs)";
    private static final String SERVED = "(\\d+) of (\\d+) ordinary requests answered";

    /** Known note patterns, in this language (reports store notes in English). */
    private static final java.util.List<String[]> NOTES = java.util.List.of(
            new String[] {"note.skipped.shape", "skipped: estimated (.+) per batch \\((\\d+) tasks x (\\S+), (\\d+) at a time\\) "
                    + "exceeds --max-batch (.+)"},
            new String[] {"note.skipped.shape.nolatency", "skipped: estimated (.+) per batch \\((\\d+) tasks, (\\d+) at a time\\) "
                    + "exceeds --max-batch (.+)"},
            new String[] {"note.skipped.estimate", "skipped: estimated (.+) per batch \\((.+)\\) exceeds --max-batch (.+)"},
            new String[] {"amdahl.noise", "noise wider than the effect: speedups differ from 1 by at most (\\d+)%, CIs reach ±(\\d+)%"},
            new String[] {"amdahl.onepoint", "exact from one point beyond the smallest core count: no fit quality; sweep more core counts()"},
            new String[] {"amdahl.outside", "s = (\\S+) is outside \\[0, 1\\]: the model does not follow Amdahl's law here"},
            new String[] {"amdahl.serial", "(-?\\d+)% serial: at most (\\S+)x on any number of cores"},
            new String[] {"amdahl.poor", "poor fit \\(R² = (\\S+)\\): the curve is not Amdahl-shaped"},
            new String[] {"usl.peak", "contention σ = (\\S+), coherency κ = (\\S+); throughput peaks near (\\d+) cores"},
            new String[] {"usl.ok", "contention σ = (\\S+), coherency κ = (\\S+)"},
            new String[] {"usl.bad", "not trustworthy \\(R² = (\\S+), σ = (\\S+), κ = (\\S+)\\)"},
            new String[] {"usl.failed", "fit failed: (.+)"},
            new String[] {"note.skipped.limits", "skipped: needs about (\\d+) platform threads, but (.+)"},
            new String[] {"note.timeout", "timeout: no result within (\\S+); the forks were killed(?:; thread dump: (.+))?"},
            new String[] {"note.stalled", "timeout: no batch completed for (\\S+) \\((\\d+) x the (longest|estimated) batch, (\\S+), \\+ (\\S+)\\); "
                    + "the forks were killed(?:; thread dump: (.+))?"},
            new String[] {"note.fewsamples", "fewer than (\\d+) samples \\((\\d+)\\): ±CI shows half their range \\(±(\\S+)\\), not a confidence interval"},
            new String[] {"note.notsteady", "measured before steady state: the warm-up stopped at its cap \\((\\S+) or (\\d+) batches\\) "
                    + "with the last (\\d+) batches within ±(\\S+) of their median, not ±(\\S+)"},
            new String[] {"note.notjudged", "steady state not judged: the warm-up reached its cap \\((\\S+)\\) after (.+) batches, "
                    + "fewer than the (\\d+) the rule compares"},
            new String[] {"note.precision", "precision target not reached: ±(\\S+) after (\\d+) forks? \\((.+)\\), target ±(\\S+); "
                    + "the batch times of this model vary this much"},
            new String[] {"note.notalive", "memory per task not reported: at most (\\d+) of (\\d+) tasks were alive at once"},
            new String[] {"note.noci", "no confidence interval: JMH needs at least 3 measured iterations()"},
            new String[] {"note.warning", "warning: threads still running after teardown: (.+)"},
            new String[] {"note.failed", "failed: (.+)"},
            new String[] {"note.invalid.count", "invalid: batch (\\d+): (\\d+) of (\\d+) tasks completed, checksum (\\d+) "
                    + "\\(expected (\\d+)\\)", "4,5"},
            new String[] {"note.invalid", "invalid: (.+)"},
            // concur load's reasons, sharing lines, ceilings and hostile clients' outcomes (result/LoadReport)
            new String[] {"load.why.connections", "only (" + N + ") of (" + N + ") connections opened \\((.+)\\)", "3"},
            new String[] {"load.why.connections.short", "only (" + N + ") of (" + N + ") connections opened"},
            new String[] {"load.why.held", "(" + N + ") of (" + N + ") held connections answered correctly"},
            new String[] {"load.why.closedIdle", "the server closed (" + N + ") idle connections"},
            new String[] {"load.why.wrong", "(" + N + ") wrong answers \\((.+)\\)", "2"},
            new String[] {"load.why.errors", "(" + N + ") requests failed \\((.+)\\)", "2"},
            new String[] {"load.why.timeouts", "(" + N + ") requests timed out"},
            new String[] {"load.why.aboveCeiling", "(\\d+) answers/s is above this model's ceiling of (\\d+)/s \\((.+)\\): the measurement is wrong"},
            new String[] {"load.why.saturated", "achieved (\\d+) of (\\d+) requests/s offered \\((\\S+) %\\): the server could not keep up"},
            new String[] {"load.why.disagree", "concur measured (\\d+) answers/s and wrk (\\d+): (\\S+)×, more than 10 % apart"},
            new String[] {"load.why.wrkErrors", "(\\d+) errors reported by wrk"},
            new String[] {"load.why.exited", "the server exited during the run; see (.+)", "1"},
            new String[] {"load.why.notServed", "(\\S+): ordinary requests were not all answered after it"},
            new String[] {"load.why.died", "the server died()"},
            new String[] {"load.sharing.split", "server on CPUs (\\S+), generator \\(concur\\) on CPUs (\\S+)", "1,2"},
            new String[] {"load.sharing.shared", "server and generator share all (\\d+) CPUs"},
            new String[] {"load.ceiling.connections", "(" + N + ") connections / " + TIME},
            new String[] {"load.ceiling.pool", "(\\d+) pool threads / " + TIME},
            new String[] {"load.ceiling.core", "1 core / " + TIME + " of CPU"},
            new String[] {"load.ceiling.cores", "(\\d+) cores / " + TIME + " of CPU"},
            new String[] {"load.ceiling.cpu", "(.+) / " + TIME + " of CPU"},        // "one loop thread / 1.00 ms of CPU"
            new String[] {"load.ceiling.other", "(.+) / " + TIME},                 // "one thread / 100 ms"
            new String[] {"load.hostile.silent", "(\\d+) silent connections: (\\d+) still open after the ordinary requests; " + SERVED},
            new String[] {"load.hostile.leavers", "(\\d+) clients reset their connection before the answer; " + SERVED + " after"},
            new String[] {"load.hostile.over", "(\\d+) connections against a limit of (\\d+): (\\d+) answered, (\\d+) closed or refused; "
                    + "after they left, " + SERVED},
            new String[] {"load.hostile.answered.closed", "answered '(.+)', then closed the connection; " + SERVED, "1"},
            new String[] {"load.hostile.answered.open", "answered '(.+)', and kept the connection open; " + SERVED, "1"},
            new String[] {"load.hostile.silent.closed", "no answer, then closed the connection; " + SERVED},
            new String[] {"load.hostile.silent.open", "no answer, and kept the connection open; " + SERVED},
            new String[] {"load.hostile.timeout", "no answer within 2 s; " + SERVED});

    /** A result's note in this language, where its pattern is known; otherwise as written. */
    public String note(String text) {
        for (String[] n : NOTES) {
            java.util.regex.Matcher mt = java.util.regex.Pattern.compile(n[1]).matcher(text);
            if (mt.matches()) {
                Object[] args = new Object[mt.groupCount()];
                java.util.List<String> raw = n.length > 2 ? java.util.List.of(n[2].split(",")) : java.util.List.of();
                for (int i = 0; i < args.length; i++) {
                    String g = mt.group(i + 1);
                    args[i] = g == null ? "-" : raw.contains(String.valueOf(i + 1)) ? g : word(g); // checksums stay as written
                }
                return get(n[0], args);
            }
        }
        return text;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(?:\\.(\\d+))?");
    private static final java.util.regex.Pattern PERCENT = java.util.regex.Pattern.compile("(-?\\d+(?:\\.(\\d+))?)%");
    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("-?\\d{1,3}(?:,\\d{3})+");
    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|min)");

    /**
     * A value a note quotes in English, in this language: a word the bundle has ("longest", "fork
     * cap"), a number with this language's separators ("2000" → "2.000"), a duration with a space
     * before its unit ("100ms" → "100 ms"); anything else as written.
     */
    private String word(String english) {
        String key = "word." + english.replace(' ', '-');
        if (bundle.containsKey(key)) return bundle.getString(key);
        java.util.regex.Matcher n = NUMBER.matcher(english);
        if (n.matches()) return number(Double.parseDouble(english), n.group(1) == null ? 0 : n.group(1).length());
        if (GROUPED.matcher(english).matches()) return number(Double.parseDouble(english.replace(",", "")), 0); // "1,000"
        java.util.regex.Matcher pc = PERCENT.matcher(english);
        if (pc.matches()) { // "33.4%" -> "33,4 %" in Spanish
            String digits = pc.group(2);
            return percent(Double.parseDouble(pc.group(1)) / 100, digits == null ? 0 : digits.length());
        }
        java.util.regex.Matcher d = DURATION.matcher(english);
        if (d.matches()) return word(d.group(1)) + " " + d.group(2);
        return english;
    }

    /** One model's scaling verdict in this language: "virtual: 1,9× de 1 a 2 núcleos; Amdahl: ...; USL: ...". */
    public String scaling(dev.concur.result.Scaling sc) {
        var pts = sc.points();
        var first = pts.get(0);
        var last = pts.get(pts.size() - 1);
        StringBuilder sb = new StringBuilder(get("scaling.head", sc.model(), times(last.speedupVsMinCores()), first.cores(),
                last.cores()));
        if (sc.amdahl() != null) sb.append("; Amdahl: ").append(note(sc.amdahl().why()));
        if (sc.usl() != null) sb.append("; USL: ").append(note(sc.usl().why()));
        return sb.toString();
    }

    /** A model's or workload's one-line description in this language; {@code english} where the bundle has none. */
    public String description(String kind, String name, String english) {
        String key = kind + "." + name;
        return lang().equals("en") || !bundle.containsKey(key) ? english : bundle.getString(key);
    }

    public String modelDescription(String model) {
        return bundle.containsKey("model." + model) ? get("model." + model) : model;
    }
}
