package dev.concur.input;

import java.util.List;
import java.util.Locale;

/**
 * The checked values a user types, on the command line or in a suite file: one parser and one
 * message for each kind. Every method throws {@link IllegalArgumentException} with a one-line
 * message that shows valid input; callers add where it came from (an option name, a file and line).
 */
public final class Values {
    private Values() {}

    /** A positive count ({@code 400000}, {@code 400k}, {@code 1M}). */
    public static long positiveCount(String text) {
        return Counts.parsePositive(text);
    }

    /** A positive count that fits an {@code int}. */
    public static int positiveInt(String text) {
        long v = positiveCount(text);
        if (v > Integer.MAX_VALUE) throw new IllegalArgumentException("'" + text.trim() + "' is too large (at most " + Integer.MAX_VALUE + ")");
        return (int) v;
    }

    /** A whole number ≥ 0 that fits an {@code int} (warm-up iterations may be 0). */
    public static int nonNegativeInt(String text) {
        return text.trim().equals("0") ? 0 : positiveInt(text);
    }

    /** A duration longer than 0, in nanoseconds ({@code 100ms}, {@code 2s}). */
    public static long positiveDurationNanos(String text) {
        long nanos = Durations.parseNanos(text);
        if (nanos <= 0) throw new IllegalArgumentException("'" + text.trim() + "' must be longer than 0 (e.g. 100ms, 2s)");
        return nanos;
    }

    /** A percentage above 0 and below 100: {@code 3}, {@code 3%}, {@code 0.5%}. */
    public static double percent(String text) {
        String v = text.trim();
        if (v.endsWith("%")) v = v.substring(0, v.length() - 1).trim();
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a percentage (e.g. 3, 3%, 0.5%)");
        }
        if (!(d > 0 && d < 100)) throw new IllegalArgumentException("'" + text.trim() + "' must be above 0% and below 100%");
        return d;
    }

    /** {@code 3%}, {@code 0.5%}. */
    public static String formatPercent(double pct) {
        return (pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct)) + "%";
    }

    /** {@code value}, lower-cased, if it is one of {@code valid}. */
    public static String oneOf(String what, String value, List<String> valid) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!valid.contains(v)) {
            throw new IllegalArgumentException("unknown " + what + " '" + value.trim() + "'. Valid: " + String.join(", ", valid));
        }
        return v;
    }

    /** A profile name. */
    public static String profile(String value) {
        return oneOf("profile", value, Profile.NAMES);
    }
}
