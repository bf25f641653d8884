package dev.concur.run.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel says about a server process and its descendants at one moment: resident memory,
 * threads, open descriptors and CPU seconds, from {@code /proc}. Read between phases of an
 * experiment, never during a measured phase.
 *
 * @param rssBytes   resident set size ({@code VmRSS}), summed over the tree
 * @param threads    threads ({@code Threads}), summed
 * @param fds        entries of {@code /proc/PID/fd}, summed
 * @param cpuSeconds user + system time ({@code /proc/PID/stat} fields 14 and 15), summed
 */
public record ProcStats(long rssBytes, int threads, int fds, double cpuSeconds) {
    private static final double TICKS = 100.0;
    /** What an external server reports: nothing (see {@code Experiments}, which then leaves the server's figures out). */
    public static final ProcStats NONE = new ProcStats(0, 0, 0, 0);   // USER_HZ: 100 on every Linux concur runs on

    /** The tree of {@code pid} now; a process that exits while being read is left out. */
    public static ProcStats of(ProcessHandle process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process);
        process.descendants().forEach(tree::add);
        long rss = 0;
        int threads = 0;
        int fds = 0;
        double cpu = 0;
        for (ProcessHandle p : tree) {
            Path dir = Path.of("/proc", Long.toString(p.pid()));
            try {
                for (String line : Files.readAllLines(dir.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) rss += kib(line) * 1024;
                    else if (line.startsWith("Threads:")) threads += Integer.parseInt(line.substring(8).trim());
                }
                String stat = Files.readString(dir.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpu += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;   // fields 14, 15
                try (DirectoryStream<Path> d = Files.newDirectoryStream(dir.resolve("fd"))) {
                    for (Path ignored : d) fds++;
                }
            } catch (IOException | RuntimeException gone) {
                // the process exited between listing and reading
            }
        }
        return new ProcStats(rss, threads, fds, cpu);
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
