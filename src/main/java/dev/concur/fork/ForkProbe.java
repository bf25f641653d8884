package dev.concur.fork;

import dev.concur.input.Gc;
import dev.concur.result.ForkInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads, from inside a JVM, what that JVM really runs with. */
public final class ForkProbe {
    private ForkProbe() {}

    public static ForkInfo self() {
        return new ForkInfo(ProcessHandle.current().pid(),
                List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                System.getProperty("java.runtime.version"), "Java " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(),
                cpusAllowedList(), collector(), null, null);
    }

    /**
     * The collector this JVM runs, named from its GarbageCollectorMXBeans ({@code G1 Young Generation}
     * and {@code G1 Concurrent GC} are {@code G1}); the beans' own names, joined, for a collector
     * {@link Gc} does not know.
     */
    public static String collector() {
        List<String> beans = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
        Gc gc = Gc.fromBeanNames(beans);
        return gc != null ? gc.name() : beans.isEmpty() ? null : String.join(", ", beans);
    }

    /** Cpus_allowed_list of this process, e.g. {@code 0-1}; {@code null} off Linux. */
    public static String cpusAllowedList() {
        return procStatusField(Path.of("/proc/self/status"), "Cpus_allowed_list");
    }

    public static String procStatusField(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
