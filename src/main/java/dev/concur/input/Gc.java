package dev.concur.input;

import java.util.Arrays;
import java.util.List;

/**
 * The garbage collector every JMH fork runs with ({@code --gc}). Named explicitly because the JVM
 * chooses by itself otherwise, and its choice depends on the core count: a JVM that sees one
 * processor (or less than 1792 MB) is not a "server-class machine" and gets SerialGC, one that sees
 * two gets G1. A 1-versus-2-core speedup would then also compare two collectors
 * (docs/cores-and-scaling.md). Fork reports record the collector that really ran
 * ({@code ForkInfo.gc}), read from the fork's GarbageCollectorMXBeans.
 */
public enum Gc {
    G1("-XX:+UseG1GC"),
    Serial("-XX:+UseSerialGC"),
    Parallel("-XX:+UseParallelGC"),
    Z("-XX:+UseZGC");

    /** What runs when nothing is chosen: the JVM's own default on a server-class machine. */
    public static final Gc DEFAULT = G1;

    private final String flag;

    Gc(String flag) {
        this.flag = flag;
    }

    /** The JVM flag that selects this collector: {@code -XX:+UseG1GC}. */
    public String flag() {
        return flag;
    }

    /** The names, as {@code --gc} and suite files take them. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Gc::name).toList();
    }

    /** The collector named {@code value} (exact, or in any case); one clear message otherwise. */
    public static Gc named(String value) {
        String v = value.trim();
        for (Gc g : values()) if (g.name().equalsIgnoreCase(v)) return g;
        throw new IllegalArgumentException("unknown gc '" + v + "'. Valid: " + String.join(", ", names()));
    }

    /**
     * The collector a JVM runs, from its GarbageCollectorMXBeans' names ({@code G1 Young Generation},
     * {@code G1 Concurrent GC}, {@code Copy} and {@code MarkSweepCompact}, {@code PS Scavenge},
     * {@code ZGC Cycles}); {@code null} when the names are none of these (Shenandoah, Epsilon, another JVM).
     */
    public static Gc fromBeanNames(List<String> beans) {
        for (String b : beans) {
            if (b.startsWith("G1 ")) return G1;
            if (b.startsWith("ZGC ")) return Z;
            if (b.startsWith("PS ")) return Parallel;
            if (b.equals("Copy") || b.equals("MarkSweepCompact")) return Serial;
        }
        return null;
    }
}
