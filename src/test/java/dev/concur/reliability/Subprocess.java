package dev.concur.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts concur (or a test helper) in a child JVM with the test class path, as a user would. */
final class Subprocess {
    private Subprocess() {}

    static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 24) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    static List<String> concur(String... args) {
        return java("dev.concur.cli.Concur", args);
    }

    static Process start(List<String> cmd, Path log) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Processes anywhere on the machine whose command line contains {@code token}. */
    static List<ProcessHandle> withToken(String token) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(token)).orElse(false))
                .toList();
    }
}
