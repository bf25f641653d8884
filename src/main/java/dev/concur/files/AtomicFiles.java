package dev.concur.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way concur writes a file that someone may be reading: to {@code .NAME.*.tmp} in the same
 * directory, then one atomic rename over the target. A reader (or a crash, even {@code kill -9})
 * sees the previous complete file or the new complete file, never half of one. The host's reports,
 * the rendered report files, compare's outputs and the forks' own reports all go through here.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Replaces {@code target} with {@code content} (UTF-8), atomically. */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code bytes}, atomically; creates the parent directories. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try { // temp files are created owner-only; a report is an ordinary readable file
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: default permissions are fine
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Fails now, before anything is measured, if {@code target} could not be written later.
     *
     * @throws IOException with a message naming the problem
     */
    public static void checkWritable(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new IOException(target + " is a directory");
        Path dir = abs.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create directory " + dir + ": " + plain(e));
        }
        Path probe;
        try {
            probe = Files.createTempFile(dir, ".concur-probe-", ".tmp");
        } catch (IOException e) {
            throw new IOException("directory " + dir + " is not writable");
        }
        Files.deleteIfExists(probe);
        if (Files.exists(abs) && !Files.isWritable(abs)) throw new IOException(target + " is not writable");
    }

    /** An I/O error in words a user reads at a glance, without the exception's class name. */
    public static String plain(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " exists and is not a directory";
        if (e instanceof java.nio.file.NoSuchFileException) return "a parent directory cannot be created there";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }

    /** The file name without a final {@code .json}: {@code results/run.json} gives {@code run}. */
    public static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    /** Deletes {@code dir} and everything under it, deepest first; quietly does nothing when it is gone. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
