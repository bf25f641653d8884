package dev.concur.compare;

import java.util.Locale;
import java.util.Map;

/**
 * Units as JMH and concur write them, brought to one spelling so that the same quantity compares:
 * concur's {@code ms} per batch and JMH's {@code ms/op} are one unit; {@code us/op} and {@code ms/op}
 * are the same quantity at another scale, and so are {@code ops/ms} and {@code ops/s}.
 */
final class Units {
    /** Time per operation in ms, throughput per second: factors from each spelling. */
    private static final Map<String, Double> TIME_MS = Map.of("ns", 1e-6, "us", 1e-3, "µs", 1e-3, "ms", 1.0, "s", 1e3,
            "min", 60e3);
    private static final Map<String, Double> PER_SECOND = Map.of("ns", 1e9, "us", 1e6, "µs", 1e6, "ms", 1e3, "s", 1.0,
            "min", 1 / 60.0, "hr", 1 / 3600.0);

    private Units() {}

    /** The canonical unit and the factor that converts a value into it. */
    record Canonical(String unit, double factor) {}

    static Canonical of(String unit) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (TIME_MS.containsKey(u)) return new Canonical("ms/op", TIME_MS.get(u));            // concur: "ms"
        if (u.endsWith("/op") && TIME_MS.containsKey(u.substring(0, u.length() - 3))) {
            return new Canonical("ms/op", TIME_MS.get(u.substring(0, u.length() - 3)));
        }
        if (u.startsWith("ops/") && PER_SECOND.containsKey(u.substring(4))) {
            return new Canonical("ops/s", PER_SECOND.get(u.substring(4)));
        }
        return new Canonical(unit, 1.0);
    }

    /** The JDK's version without its build: {@code 25.0.3+9-LTS} and {@code 25.0.3} are one JDK. */
    static String jdk(String version) {
        if (version == null) return null;
        String v = version.trim().replaceFirst("[+-].*$", "");
        while (v.endsWith(".0") && v.indexOf('.') != v.lastIndexOf('.')) v = v.substring(0, v.length() - 2);
        return v;
    }
}
