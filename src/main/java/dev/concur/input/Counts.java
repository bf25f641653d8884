package dev.concur.input;

/** Parses counts as users type them: {@code 400000}, {@code 400k}, {@code 1M}, {@code 1_000}. */
public final class Counts {
    private Counts() {}

    /** A positive count; throws {@link IllegalArgumentException} with the accepted syntax. */
    public static long parsePositive(String text) {
        String v = text.trim();
        long mult = 1;
        if (v.endsWith("k") || v.endsWith("K")) {
            mult = 1_000;
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("M") || v.endsWith("m")) {
            mult = 1_000_000;
            v = v.substring(0, v.length() - 1);
        }
        long n;
        try {
            n = Math.multiplyExact(Long.parseLong(v.replace("_", "")), mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number (e.g. 1000, 400k, 1M)");
        }
        if (n <= 0) throw new IllegalArgumentException("'" + text + "' must be positive");
        return n;
    }
}
