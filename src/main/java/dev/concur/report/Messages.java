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

    /** Known note patterns, in this language (reports store notes in English). */
    private static final java.util.List<String[]> NOTES = java.util.List.of(
            new String[] {"note.skipped.estimate", "skipped: estimated (.+) per batch \\((.+)\\) exceeds --max-batch (.+)"},
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
            new String[] {"note.noci", "no confidence interval: JMH needs at least 3 measured iterations()"},
            new String[] {"note.warning", "warning: threads still running after teardown: (.+)"},
            new String[] {"note.failed", "failed: (.+)"},
            new String[] {"note.invalid", "invalid: (.+)"});

    /** A result's note in this language, where its pattern is known; otherwise as written. */
    public String note(String text) {
        for (String[] n : NOTES) {
            java.util.regex.Matcher mt = java.util.regex.Pattern.compile(n[1]).matcher(text);
            if (mt.matches()) {
                Object[] args = new Object[mt.groupCount()];
                for (int i = 0; i < args.length; i++) args[i] = mt.group(i + 1) == null ? "-" : word(mt.group(i + 1));
                return get(n[0], args);
            }
        }
        return text;
    }

    /** A word a note quotes in English ("longest", "fork cap"), in this language where the bundle has it. */
    private String word(String english) {
        String key = "word." + english.replace(' ', '-');
        return bundle.containsKey(key) ? bundle.getString(key) : english;
    }

    public String modelDescription(String model) {
        return bundle.containsKey("model." + model) ? get("model." + model) : model;
    }
}
