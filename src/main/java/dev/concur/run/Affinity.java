package dev.concur.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU lists in Linux's {@code Cpus_allowed_list} syntax ({@code 0-3,8}) and how concur pins a
 * JMH fork to k of them: JMH starts forks with a {@code jvm} binary of our choosing, so we give it
 * a two-line script that execs {@code taskset -c LIST java "$@"}. Affinity is inherited by every
 * thread the fork starts, the JIT and GC threads included.
 */
public final class Affinity {
    private Affinity() {}

    /** CPU ids in a list such as {@code 0-3,8,10-11}. */
    public static List<Integer> parseList(String list) {
        List<Integer> cpus = new ArrayList<>();
        if (list == null || list.isBlank()) return cpus;
        for (String part : list.trim().split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            if (dash > 0) {
                int from = Integer.parseInt(p.substring(0, dash));
                int to = Integer.parseInt(p.substring(dash + 1));
                for (int c = from; c <= to; c++) cpus.add(c);
            } else {
                cpus.add(Integer.parseInt(p));
            }
        }
        return cpus;
    }

    /** The compact form of a sorted CPU list: [0,1,2,5] → {@code 0-2,5}. */
    static String format(List<Integer> cpus) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cpus.size(); ) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) j++;
            if (sb.length() > 0) sb.append(',');
            sb.append(cpus.get(i));
            if (j > i) sb.append('-').append(cpus.get(j));
            i = j + 1;
        }
        return sb.toString();
    }

    /** The first {@code k} CPUs this process may run on, as a list string. */
    public static String firstCpus(String allowed, int k) {
        List<Integer> cpus = parseList(allowed);
        if (cpus.size() < k) throw new IllegalArgumentException("only " + cpus.size() + " CPUs allowed, asked for " + k);
        return format(cpus.subList(0, k));
    }

    /** The path of {@code taskset} when this is Linux and it is installed, else {@code null}. */
    public static String taskset() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return null;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "taskset");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** A script that runs {@code java} pinned to {@code cpuList}; deleted when the JVM exits. */
    public static Path pinnedJvm(String taskset, String java, String cpuList) throws IOException {
        Path script = Files.createTempFile("concur-java-cpus-" + cpuList.replace(',', '_') + "-", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(script, "#!/bin/sh\nexec '" + taskset + "' -c '" + cpuList + "' '" + java + "' \"$@\"\n");
        script.toFile().deleteOnExit();
        return script;
    }
}
