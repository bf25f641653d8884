package dev.concur.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints durations as users type them: {@code 100ms}, {@code 2s}, {@code 1.5s}, {@code 250us}. */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|min)");

    private Durations() {}

    /** Nanoseconds in {@code text}; throws {@link IllegalArgumentException} with the accepted syntax. */
    public static long parseNanos(String text) {
        Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (use a number and a unit: 100ms, 2s, 1.5s, 250us)");
        }
        double value = Double.parseDouble(m.group(1));
        double unitNanos = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        double nanos = value * unitNanos;
        if (nanos > Long.MAX_VALUE / 2) throw new IllegalArgumentException("'" + text + "' is too long a duration");
        return Math.round(nanos);
    }

    /** A short human form: 100ms, 2s, 1.5s, 250us. */
    public static String format(long nanos) {
        if (nanos == 0) return "0ms";
        if (nanos % 1_000_000_000L == 0) return nanos / 1_000_000_000L + "s";
        if (nanos % 1_000_000L == 0) return nanos / 1_000_000L + "ms";
        if (nanos % 1_000L == 0) return nanos / 1_000L + "us";
        return nanos + "ns";
    }
}
