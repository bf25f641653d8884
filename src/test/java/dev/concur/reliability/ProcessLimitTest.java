package dev.concur.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.run.ResourceLimits;
import dev.concur.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thread-per-task beyond the process limits is skipped with the reason; the rest still runs. */
class ProcessLimitTest {
    @TempDir
    Path dir;

    @Test
    void eachLimitIsExplained() {
        assertNull(new ResourceLimits(null, null, null, null, null, null, null).whyNot(1_000_000));
        assertTrue(new ResourceLimits(256L, 100L, null, null, null, null, null).whyNot(1000)
                .contains("ulimit -u is 256 and this user already runs 100 threads"));
        assertTrue(new ResourceLimits(null, null, 5000L, 4500L, null, null, null).whyNot(1000)
                .contains("kernel.threads-max is 5000"));
        assertTrue(new ResourceLimits(null, null, null, null, 512L, 10L, null).whyNot(1000)
                .contains("the cgroup's pids.max is 512"));
        assertTrue(new ResourceLimits(null, null, null, null, null, null, 65530L).whyNot(40_000)
                .contains("vm.max_map_count is 65530"));
        assertNull(new ResourceLimits(256L, 100L, 100_000L, 500L, 10_000L, 10L, 65530L).whyNot(50));
    }

    @Test
    void thisMachinesLimitsAreRead() {
        ResourceLimits l = ResourceLimits.read();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "Linux only: the limits live in /proc");
        // every Linux kernel has these files; null would mean concur could not read them
        assertTrue(l.threadsMax() != null && l.threadsMax() > 100, "threads-max read whole: " + l);
        assertTrue(l.maxMapCount() != null && l.maxMapCount() > 1000, "max_map_count read whole: " + l);
        assertTrue(l.allThreads() != null && l.allThreads() >= Thread.activeCount(), "all threads counted: " + l);
        assertTrue(l.userThreads() != null && l.userThreads() >= 1, "this user's threads counted: " + l);
    }

    @Test
    @Tag("jmh")
    void lowUlimitSkipsThreadPerTaskButRunsTheRest() throws Exception {
        Long mine = ResourceLimits.read().userThreads();
        org.junit.jupiter.api.Assumptions.assumeTrue(mine != null, "needs /proc to count this user's threads");
        long limit = Math.max(256, mine + 300); // room for a virtual-thread fork, not for 1000 OS threads
        Path out = dir.resolve("limits.json");
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -u " + limit + " && exec \"$@\"", "concur"));
        cmd.addAll(Subprocess.concur("bench", "--model=platform-per-task,virtual", "--workload=io", "--tasks", "1000",
                "--latency", "5ms", "--warmup", "1", "--iterations", "3", "--time", "100ms", "--no-progress",
                "--out", out.toString()));
        Process p = Subprocess.start(cmd, dir.resolve("limits.log"));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("limits.log")));
        JsonNode results = ReportFiles.json().readTree(out.toFile()).get("results");
        JsonNode ppt = results.get(0);
        assertEquals("platform-per-task", ppt.get("model").asText());
        assertEquals("skipped", ppt.get("status").asText());
        assertTrue(ppt.get("note").asText().contains("ulimit -u is " + limit), ppt.get("note").asText());
        assertEquals("ok", results.get(1).get("status").asText(), "virtual threads need no OS thread per task");
        System.out.printf("reliability: under ulimit -u %d a 1000-thread platform-per-task run was skipped (\"%s\"); virtual ran%n",
                limit, ppt.get("note").asText());
    }
}
