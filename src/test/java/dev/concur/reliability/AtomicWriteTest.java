package dev.concur.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concur.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 a process that rewrites a 2 MB report in a loop, 50 times at random points: the file is
 * always the complete old version or the complete new one, never a mix or a truncation.
 */
public class AtomicWriteTest {
    static final int KILLS = 50;

    @TempDir
    Path dir;

    /** The child: alternately writes version A and B of a large report, forever. */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String a = content("A");
        String b = content("B");
        for (long i = 0; ; i++) dev.concur.files.AtomicFiles.write(target, i % 2 == 0 ? b : a);
    }

    static String content(String version) {
        StringBuilder sb = new StringBuilder("{\"version\":\"" + version + "\",\"rows\":[");
        for (int i = 0; i < 40_000; i++) sb.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append(",\"v\":\"").append(version).append("\"}");
        return sb.append("],\"end\":\"").append(version).append("\"}\n").toString();
    }

    @Test
    void killNineWhileWritingNeverLeavesAPartialFile() throws Exception {
        Path target = dir.resolve("report.json");
        dev.concur.files.AtomicFiles.write(target, content("A"));
        Random random = new Random(20261127);
        int sawA = 0, sawB = 0;
        for (int i = 0; i < KILLS; i++) {
            Process p = Subprocess.start(Subprocess.java(AtomicWriteTest.class.getName(), target.toString()), dir.resolve("w.log"));
            Thread.sleep(300 + random.nextInt(400)); // JVM start-up, then somewhere in a write
            p.destroyForcibly();                   // SIGKILL: no hook, no finally, no flush
            p.waitFor(10, TimeUnit.SECONDS);
            JsonNode json = ReportFiles.json().readTree(target.toFile());
            String v = json.get("version").asText();
            assertTrue(v.equals(json.get("end").asText()) && json.get("rows").size() == 40_000, "complete file, kill " + i);
            assertTrue(Files.readString(target).equals(content(v)), "exactly version " + v);
            if (v.equals("A")) sawA++; else sawB++;
        }
        System.out.printf("reliability: %d kill -9 during report writes: file always complete (%d times version A, %d B)%n",
                KILLS, sawA, sawB);
        assertTrue(sawA > 0 && sawB > 0, "the kills landed at different points of the write loop");
    }
}
