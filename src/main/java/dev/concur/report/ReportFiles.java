package dev.concur.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concur.result.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one place that writes report files. Every write goes to {@code NAME.tmp} in the same
 * directory and is then moved over the target in one atomic rename, so a reader (or a crash)
 * sees either the previous complete file or the new complete file, never half of one.
 */
public final class ReportFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {}

    public static ObjectMapper json() {
        return JSON;
    }

    /** The report as pretty-printed JSON with a final newline. */
    public static String toJson(Report report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise report", e);
        }
    }

    /** Replaces {@code target} with {@code content}, atomically. */
    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code bytes}, atomically. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
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

    /** An I/O error in words a user reads at a glance, without the exception's class name. */
    static String plain(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " exists and is not a directory";
        if (e instanceof java.nio.file.NoSuchFileException) return "a parent directory cannot be created there";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? "I/O error" : e.getMessage();
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
}
