package dev.concur.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The http and file workloads: loopback only, every answer verified, nothing left behind. */
class RealIoWorkloadsTest {

    @Test
    void serverListensOnLoopbackOnly() throws Exception {
        try (LoopbackServer s = new LoopbackServer(0, 0)) {
            assertTrue(s.address().getAddress().isLoopbackAddress(), s.address().toString());
            assertEquals("127.0.0.1", s.base().getHost());
        }
    }

    @Test
    void httpTasksReturnTheServersVerifiedAnswer() throws Exception {
        var w = new HttpWorkload();
        try (var p = w.open(new WorkloadParams(20, 1_000_000, 0))) {
            for (Task t : p.tasks()) assertEquals(CpuWork.compute(t.index(), 0), t.call(BlockingContext.PLAIN));
        }
    }

    @Test
    void aWrongBodyFailsTheTask() throws Exception {
        HttpServer liar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        liar.createContext("/task/", ex -> {
            byte[] b = "42".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        liar.start();
        try (var client = HttpWorkload.client(null)) {
            Map<dev.concur.workload.AsyncContext, java.net.http.HttpClient> none = new ConcurrentHashMap<>();
            URI base = URI.create("http://127.0.0.1:" + liar.getAddress().getPort());
            var task = new HttpWorkload.HttpTask(7, base, client, none);
            var e = assertThrows(IllegalStateException.class, () -> task.call(BlockingContext.PLAIN));
            assertTrue(e.getMessage().contains("task 7: HTTP 200 body '42'"), e.getMessage());
        } finally {
            liar.stop(0);
        }
    }

    @Test
    void fileTasksVerifyWhatTheyReadAndCleanUp() throws Exception {
        var w = new FileWorkload();
        Path dir;
        try (var p = w.open(new WorkloadParams(10, 0, 0))) {
            Reference ref = Reference.of(p.tasks());
            Batch b = new Batch(10);
            for (Task t : p.tasks()) b.complete(t.index(), t.call(BlockingContext.PLAIN));
            assertTrue(ref.matches(b), "read back exactly what was written");
            dir = ((FileWorkload.FileTask) p.tasks().get(0)).file().getParent();
            assertTrue(Files.exists(dir.resolve("task-3.bin")));
            assertEquals(FileWorkload.FILE_BYTES, Files.size(dir.resolve("task-3.bin")));
        }
        assertFalse(Files.exists(dir), "the temp directory is deleted with the trial");
    }

    @Test
    void aCorruptedWriteIsCaught() throws Exception {
        var w = new FileWorkload();
        try (var p = w.open(new WorkloadParams(5, 0, 0))) {
            Task t = p.tasks().get(2);
            long good = t.call(BlockingContext.ELIDED);
            Path f = ((FileWorkload.FileTask) t).file();
            // a context whose "write" lands a flipped byte on disk, as a faulty device would
            BlockingContext corrupting = new BlockingContext() {
                @Override
                public void sleep(long nanos) {}

                @Override
                public <T> T block(java.util.concurrent.Callable<T> call) throws Exception {
                    T r = call.call();
                    if (Files.exists(f) && Files.size(f) == FileWorkload.FILE_BYTES) {
                        byte[] b = Files.readAllBytes(f);
                        b[100] ^= 1;
                        Files.write(f, b);
                    }
                    return r;
                }
            };
            assertNotEquals(good, t.call(corrupting));
        }
    }
}
