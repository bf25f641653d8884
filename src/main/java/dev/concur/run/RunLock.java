package dev.concur.run;

import dev.concur.input.InputException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One {@code concur bench} at a time on a machine. JMH takes a global lock file per run and a
 * second JMH run fails, so two concur runs would fail each other benchmark by benchmark (and two
 * measurements on the same cores would disturb each other anyway). concur therefore holds its own
 * lock for the whole run ({@code concur-bench.lock} in the temp directory, with its pid inside), and
 * checks JMH's ({@code jmh.lock}) before anything runs: when either is held it says so in one line
 * and exits 2. It refuses rather than waits: a benchmark started later than asked for measures a
 * different machine state, and a CI job should see that at once.
 */
public final class RunLock implements AutoCloseable {
    private final RandomAccessFile file;
    private final FileLock lock;

    private RunLock(RandomAccessFile file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /** Takes the lock in {@code dir}, or throws an {@link InputException} saying who holds it. */
    public static RunLock acquire(Path dir) {
        Path ours = dir.resolve("concur-bench.lock");
        RandomAccessFile f = null;
        try {
            f = new RandomAccessFile(ours.toFile(), "rw");
            FileLock l = tryLock(f.getChannel());
            if (l == null) {
                String holder = new String(readAll(f), StandardCharsets.UTF_8).trim();
                f.close();
                throw new InputException("another concur bench is running" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + " and holds " + ours + "; run one at a time: wait for it to finish");
            }
            Path jmh = dir.resolve("jmh.lock");
            try (RandomAccessFile j = new RandomAccessFile(jmh.toFile(), "rw"); FileLock probe = tryLock(j.getChannel())) {
                if (probe == null) {
                    l.release();
                    f.close();
                    throw new InputException("another JMH run holds " + jmh + "; JMH runs one at a time: wait for it to finish");
                }
            }
            f.setLength(0);
            f.write(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
            return new RunLock(f, l);
        } catch (IOException e) {
            try {
                if (f != null) f.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new InputException("cannot take the run lock " + ours + ": " + e.getMessage());
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM
        }
    }

    private static byte[] readAll(RandomAccessFile f) throws IOException {
        byte[] b = new byte[(int) Math.min(64, f.length())];
        f.seek(0);
        f.readFully(b);
        return b;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            file.close();
        }
    }
}
