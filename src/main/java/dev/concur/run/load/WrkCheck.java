package dev.concur.run.load;

import dev.concur.result.LoadReport.CrossCheck;
import dev.concur.result.LoadReport.LoadResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second opinion on concur's generator: the same closed-loop load (C connections, each request
 * waiting D in the handler) measured by concur and then by Debian's {@code wrk} against the same
 * server process. Two generators that agree within 10 % say the number is the server's, not the
 * generator's. wrk does not check answers (it counts non-2xx), so concur's run comes first and
 * checks them.
 */
final class WrkCheck {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PCT = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    private WrkCheck() {}

    /** {@code wrk} on PATH, or {@code null}. */
    static String wrk() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "wrk");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    static LoadResult run(Experiments ex, String model, int process, ServerProcess server, int connections, long waitMicros,
            long durationNanos, int threads, String sharing) throws IOException {
        LoadResult concur = ex.closed("wrk", model, process, server, connections, waitMicros, 0, sharing);
        String wrk = wrk();
        if (wrk == null) throw new IOException("wrk is not installed (apt-get install wrk)");
        String url = "http://" + server.address().getHostString() + ":" + server.address().getPort() + "/task/7?wait=" + waitMicros + "&work=0";
        long seconds = Math.max(1, Math.round(durationNanos / 1e9));
        List<String> cmd = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency", url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("wrk did not finish");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        Matcher m = RATE.matcher(out);
        if (!m.find()) throw new IOException("wrk printed no Requests/sec: " + out.strip().lines().reduce((a, b) -> b).orElse(""));
        double rate = Double.parseDouble(m.group(1));
        long errors = 0;
        Matcher n = NON_2XX.matcher(out);
        if (n.find()) errors += Long.parseLong(n.group(1));
        Matcher s = SOCKET.matcher(out);
        if (s.find()) for (int g = 1; g <= 4; g++) errors += Long.parseLong(s.group(g));
        Double p50 = null, p99 = null;
        Matcher q = PCT.matcher(out);
        while (q.find()) {
            double v = Double.parseDouble(q.group(2)) * switch (q.group(3)) {
                case "us" -> 1;
                case "ms" -> 1e3;
                default -> 1e6;
            };
            if (q.group(1).equals("50")) p50 = v;
            else p99 = v;
        }
        double ratio = concur.achievedRate() == null || rate == 0 ? Double.NaN : concur.achievedRate() / rate;
        List<String> why = new ArrayList<>(concur.why());
        String status = concur.status();
        if (status.equals("ok") && !(Math.abs(ratio - 1) <= 0.10)) {
            status = "disagree";
            why.add(String.format(Locale.ROOT, "concur measured %.0f answers/s and wrk %.0f: %.2f×, more than 10 %% apart",
                    concur.achievedRate(), rate, ratio));
        }
        if (errors > 0) why.add(errors + " errors reported by wrk");
        CrossCheck c = new CrossCheck("wrk", String.join(" ", cmd.subList(1, cmd.size())), rate, errors, p50, p99, ratio);
        return new LoadResult("wrk", model, process, status, why, connections, waitMicros, 0, "closed", null, concur.seconds(),
                concur.requests(), concur.achievedRate(), concur.ceiling(), concur.latency(), concur.sendLagP99Micros(),
                concur.server(), concur.perRequest(), null, concur.settings(), sharing, c);
    }
}
