package dev.concur.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whether N more platform threads fit in this machine's limits, checked before a benchmark so
 * that a thread-per-task run beyond the limits is skipped with a reason instead of failing with
 * {@code OutOfMemoryError: unable to create native thread} (or taking the machine down).
 *
 * <p>Limits read, each only where it exists (Linux):
 * <ul>
 *   <li>{@code ulimit -u}: "Max processes" in {@code /proc/self/limits}, against the threads of
 *       this user (counted in {@code /proc/PID/task});</li>
 *   <li>{@code /proc/sys/kernel/threads-max}, against all threads (the total in {@code /proc/loadavg});</li>
 *   <li>the cgroup's {@code pids.max} (v2, or v1's pids controller), against its {@code pids.current};</li>
 *   <li>{@code /proc/sys/vm/max_map_count}: every thread stack costs about two memory maps.</li>
 * </ul>
 *
 * @param nproc        soft "Max processes" limit, or {@code null} when unlimited or unknown
 * @param userThreads  threads of this user now, or {@code null}
 * @param threadsMax   kernel threads-max, or {@code null}
 * @param allThreads   all threads now, or {@code null}
 * @param pidsMax      cgroup pids.max, or {@code null} when "max" or unknown
 * @param pidsCurrent  cgroup pids.current, or {@code null}
 * @param maxMapCount  vm.max_map_count, or {@code null}
 */
public record ResourceLimits(Long nproc, Long userThreads, Long threadsMax, Long allThreads,
                             Long pidsMax, Long pidsCurrent, Long maxMapCount) {

    /** Threads a fork needs besides the model's own: JIT, GC, JMH, the JVM's service threads. */
    public static final int FORK_BASELINE_THREADS = 64;
    /** Memory maps a fork uses besides thread stacks (heap, code cache, libraries). */
    static final int FORK_BASELINE_MAPS = 2_000;

    public static ResourceLimits read() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) return new ResourceLimits(null, null, null, null, null, null, null);
        return new ResourceLimits(nprocLimit(), countUserThreads(), number(Path.of("/proc/sys/kernel/threads-max")),
                countAllThreads(), cgroupValue("pids.max"), cgroupValue("pids.current"),
                number(Path.of("/proc/sys/vm/max_map_count")));
    }

    /**
     * Why {@code threads} more platform threads (plus a fork's baseline) would not fit, or
     * {@code null} when they fit every known limit.
     */
    public String whyNot(long threads) {
        long need = threads + FORK_BASELINE_THREADS;
        List<String> problems = new ArrayList<>();
        if (nproc != null && userThreads != null && userThreads + need > nproc) {
            problems.add(String.format(Locale.ROOT, "ulimit -u is %d and this user already runs %d threads", nproc, userThreads));
        } else if (nproc != null && userThreads == null && need > nproc) {
            problems.add("ulimit -u is " + nproc);
        }
        if (threadsMax != null && allThreads != null && allThreads + need > threadsMax) {
            problems.add(String.format(Locale.ROOT, "kernel.threads-max is %d and %d threads exist", threadsMax, allThreads));
        }
        if (pidsMax != null && (pidsCurrent == null ? 0 : pidsCurrent) + need > pidsMax) {
            problems.add(String.format(Locale.ROOT, "the cgroup's pids.max is %d (%d in use)", pidsMax, pidsCurrent == null ? 0 : pidsCurrent));
        }
        if (maxMapCount != null && 2 * need + FORK_BASELINE_MAPS > maxMapCount) {
            problems.add("vm.max_map_count is " + maxMapCount + " (about 2 maps per thread)");
        }
        return problems.isEmpty() ? null
                : "needs about " + need + " platform threads, but " + String.join("; ", problems);
    }

    static Long nprocLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max processes")) {
                    String soft = line.substring("Max processes".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? null : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Threads owned by this process's user, counted as /proc/PID/task entries. */
    static Long countUserThreads() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            long count = 0;
            try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
                for (Path p : pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        if (!uid.equals(Files.getAttribute(p, "unix:uid"))) continue;
                        try (Stream<Path> tasks = Files.list(p.resolve("task"))) {
                            count += tasks.count();
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended while we looked
                    }
                }
            }
            return count;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The total number of threads: the denominator of the fourth field of /proc/loadavg. */
    static Long countAllThreads() {
        try {
            String[] f = firstLine(Path.of("/proc/loadavg")).split("\\s+");
            return Long.parseLong(f[3].substring(f[3].indexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Long cgroupValue(String file) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length < 3) continue;
                Path p = parts[0].equals("0") && parts[1].isEmpty()
                        ? Path.of("/sys/fs/cgroup" + parts[2], file)             // cgroup v2
                        : parts[1].contains("pids") ? Path.of("/sys/fs/cgroup/pids" + parts[2], file) : null; // v1
                if (p != null && Files.isReadable(p)) return number(p);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * The first line of a /proc or /sys file. Never {@code Files.readString} there: it trusts the
     * file size, and on some kernels /proc/sys files report one that cuts the value short (seen:
     * "1" for a threads-max of 192729).
     */
    static String firstLine(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        return lines.isEmpty() ? "" : lines.get(0).trim();
    }

    static Long number(Path p) {
        try {
            String s = firstLine(p);
            return s.equals("max") ? null : Long.parseLong(s);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
