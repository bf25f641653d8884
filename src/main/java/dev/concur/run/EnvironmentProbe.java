package dev.concur.run;

import dev.concur.fork.ForkProbe;
import dev.concur.result.Environment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the host's environment for the report. Every probe degrades to {@code null}, never fails. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {}

    public static Environment host() {
        String[] git = git();
        return new Environment(
                System.getProperty("java.vendor"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.home"),
                List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                ForkProbe.cpusAllowedList(),
                memTotal(),
                Runtime.getRuntime().maxMemory(),
                hostname(),
                git[0],
                git[1] == null ? null : !git[1].isEmpty(),
                gogc(System.getenv("GOGC")),
                transparentHugePages());
    }

    /** GOGC as the Go peers inherit it (concur does not set it). */
    static String gogc(String env) {
        return env == null || env.isBlank() ? "100 (default)" : env.trim();
    }

    static String transparentHugePages() {
        try {
            return bracketed(Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The choice in brackets of a sysfs setting ({@code always [madvise] never} is {@code madvise}), or {@code null}. */
    static String bracketed(String setting) {
        int open = setting.indexOf('['), close = setting.indexOf(']', open + 1);
        return open < 0 || close < 0 ? null : setting.substring(open + 1, close);
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    static Long memTotal() {
        String kb = ForkProbe.procStatusField(Path.of("/proc/meminfo"), "MemTotal");
        if (kb == null) return null;
        try {
            return Long.parseLong(kb.replace("kB", "").trim()) * 1024;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    /** {commit, porcelain status} of the working directory, or nulls outside a repository. */
    static String[] git() {
        String commit = run("git", "rev-parse", "HEAD");
        String status = commit == null ? null : run("git", "status", "--porcelain", "--untracked-files=no");
        return new String[] {commit, status};
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(3, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
