package dev.concur.lecture;

import dev.concur.report.Messages;
import dev.concur.result.Result;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The lecture's words in one language (lecture.properties), with the report's number formats. */
public final class Text {
    private final ResourceBundle bundle;
    private final Messages m;

    public Text(String lang) {
        this.m = Messages.forLanguage(lang);
        this.bundle = ResourceBundle.getBundle("dev.concur.lecture.lecture", m.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Messages messages() {
        return m;
    }

    public String lang() {
        return m.lang();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        // every pattern is written for MessageFormat ('' for an apostrophe), with or without arguments
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, m.locale()).format(args);
    }

    /** "103 ms ± 1,1 %". */
    public String time(Result r) {
        return m.millis(r.batchTime().score()) + " ms" + spread(r);
    }

    /** As {@link #time}, in microseconds below 1 ms: "4,1 µs ± 2,0 %" (a batch of one tiny task). */
    public String shortTime(Result r) {
        double ms = r.batchTime().score();
        return ms >= 1 ? time(r) : micros(ms * 1000) + spread(r);
    }

    private String spread(Result r) {
        var s = r.batchTime();
        return s.errorPct() != null ? " ± " + m.percent(s.errorPct() / 100, 1)
                : " (" + m.get("cell.range", m.percent((s.max() - s.min()) / 2 / s.score(), 1)) + ")";
    }

    /** "3,2 µs". */
    public String micros(double v) {
        return m.number(v, v >= 10 ? 0 : 1) + " µs";
    }

    public String ms(double v) {
        return m.millis(v) + " ms";
    }

    public String x(double v) {
        // below 1, two decimals: "0,1× [0,13–0,15]" read as if the point were outside its own interval
        return m.number(v, v >= 10 ? 0 : v < 1 ? 2 : 1) + "×";
    }

    /** A ratio's interval bound, two decimals below 10 ("1,83"), none above, without the sign. */
    public String x2(double v) {
        return m.number(v, v >= 10 ? 0 : 2);
    }

    public String n(double v) {
        return m.number(v, 0);
    }

    public String pct(double fraction) {
        return m.percent(fraction, 1);
    }

    public String bytes(double b) {
        return m.bytes(b);
    }

    /** A result's cell when it is not ok: its status and first note line, in this language. */
    public String notOk(Result r) {
        if (r == null) return get("cell.notrun");
        return m.status(r.status()) + (r.note() == null ? "" : ": " + m.note(r.note().lines().findFirst().orElse("")));
    }

    public String upper(String s) {
        return s.toUpperCase(m.locale() == null ? Locale.ROOT : m.locale());
    }
}
