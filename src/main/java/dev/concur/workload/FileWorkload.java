package dev.concur.workload;

import dev.concur.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Real file I/O: each task writes its own file ({@value #FILE_BYTES} bytes whose content depends on
 * the task's index) in a temp directory, reads it back and returns a checksum of what it read; a
 * lost or corrupted write changes the checksum. The directory is deleted when the trial ends.
 *
 * <p>Thread models use blocking {@code Files.write} and {@code Files.readAllBytes}. The event loop
 * uses {@code AsynchronousFileChannel}, whose completions are handed to the loop; on Linux the JDK
 * has no kernel asynchronous file I/O, so the channel's own thread pool does the blocking reads and
 * writes — the loop only sees completions. That is the honest picture of "async files" on the JVM.
 */
public final class FileWorkload implements Workload {
    public static final int FILE_BYTES = 16 * 1024;

    @Override
    public String name() {
        return "file";
    }

    @Override
    public String description() {
        return "each task writes a 16 KB file in a temp directory, reads it back and verifies it";
    }

    @Override
    public WorkloadParams defaults() {
        return new WorkloadParams(500, 0, 0);
    }

    @Override
    public boolean usesLatency() {
        return false;
    }

    @Override
    public boolean usesWork() {
        return false;
    }

    @Override
    public boolean hasIdeal() {
        return false;
    }

    @Override
    public Prepared open(WorkloadParams p) throws IOException {
        Path dir = Files.createTempDirectory("concur-file-");
        List<Task> tasks = new ArrayList<>(p.tasks());
        for (int i = 0; i < p.tasks(); i++) tasks.add(new FileTask(i, dir.resolve("task-" + i + ".bin")));
        return new Prepared(List.copyOf(tasks), () -> AtomicFiles.deleteTree(dir));
    }

    /** The deterministic content of task {@code index}'s file. */
    static byte[] content(int index) {
        byte[] b = new byte[FILE_BYTES];
        long x = CpuWork.mix(index + 1L);
        for (int i = 0; i < b.length; i += 8) {
            x = CpuWork.mix(x);
            for (int k = 0; k < 8 && i + k < b.length; k++) b[i + k] = (byte) (x >>> (8 * k));
        }
        return b;
    }

    static long checksum(byte[] data) {
        long h = 0x9E3779B97F4A7C15L;
        for (byte d : data) h = (h ^ (d & 0xff)) * 0x100000001B3L;
        return CpuWork.mix(h);
    }

    record FileTask(int index, Path file) implements Task {
        @Override
        public long call(BlockingContext ctx) throws Exception {
            byte[] data = content(index);
            if (ctx.elided()) return checksum(data);
            ctx.block(() -> Files.write(file, data));
            byte[] back = ctx.block(() -> Files.readAllBytes(file));
            return checksum(back);
        }

        @Override
        public CompletableFuture<Long> callAsync(AsyncContext loop) {
            byte[] data = content(index);
            return write(loop, data).thenComposeAsync(v -> read(loop), loop).thenApplyAsync(FileWorkload::checksum, loop);
        }

        private CompletableFuture<Void> write(AsyncContext loop, byte[] data) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            try {
                AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                writeFrom(ch, ByteBuffer.wrap(data), loop, done);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
            return done;
        }

        private void writeFrom(AsynchronousFileChannel ch, ByteBuffer buf, AsyncContext loop, CompletableFuture<Void> done) {
            ch.write(buf, buf.position(), null, new CompletionHandler<Integer, Void>() {
                @Override
                public void completed(Integer n, Void a) {
                    loop.execute(() -> { // the completion is handed to the loop
                        if (buf.hasRemaining()) {
                            writeFrom(ch, buf, loop, done);
                        } else {
                            closeQuietly(ch);
                            done.complete(null);
                        }
                    });
                }

                @Override
                public void failed(Throwable t, Void a) {
                    loop.execute(() -> {
                        closeQuietly(ch);
                        done.completeExceptionally(t);
                    });
                }
            });
        }

        private CompletableFuture<byte[]> read(AsyncContext loop) {
            CompletableFuture<byte[]> done = new CompletableFuture<>();
            try {
                AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, StandardOpenOption.READ);
                ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
                readInto(ch, buf, loop, done);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
            return done;
        }

        private void readInto(AsynchronousFileChannel ch, ByteBuffer buf, AsyncContext loop, CompletableFuture<byte[]> done) {
            ch.read(buf, buf.position(), null, new CompletionHandler<Integer, Void>() {
                @Override
                public void completed(Integer n, Void a) {
                    loop.execute(() -> {
                        if (n >= 0 && buf.hasRemaining()) {
                            readInto(ch, buf, loop, done);
                        } else {
                            closeQuietly(ch);
                            done.complete(buf.array());
                        }
                    });
                }

                @Override
                public void failed(Throwable t, Void a) {
                    loop.execute(() -> {
                        closeQuietly(ch);
                        done.completeExceptionally(t);
                    });
                }
            });
        }

        private static void closeQuietly(AsynchronousFileChannel ch) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the data was already read or written
            }
        }
    }
}
