package dev.concur.run.load;

import dev.concur.result.LoadReport.HostileClient;
import dev.concur.result.LoadReport.LoadResult;
import dev.concur.result.LoadReport.PerRequest;
import dev.concur.result.LoadReport.Server;
import dev.concur.workload.CpuWork;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Clients a real server meets and a benchmark usually forgets, one kind at a time, each followed by
 * ordinary requests that must still be answered correctly:
 * <ul>
 *   <li>{@code silent}: connections that connect and never send ({@value #SILENT}, or half the connection limit);</li>
 *   <li>{@code malformed}: a request line that is not HTTP (the contract says: 400, then close);</li>
 *   <li>{@code leaves-mid-answer}: {@value #LEAVERS} clients that ask for a 200 ms answer and close after 20 ms;</li>
 *   <li>{@code over-the-limit}: more connections than the server's {@code --max-connections}.</li>
 * </ul>
 * The outcome of each is what the client saw, in one line; the server must be alive at the end.
 */
final class Hostile {
    /** The connection limit a hostile run gives a server started without one. */
    static final int LIMIT = 100;
    static final int SILENT = 200;
    static final int LEAVERS = 50;
    private static final int ORDINARY = 20;

    private Hostile() {}

    static LoadResult run(String model, int process, ServerProcess server, int limit, String sharing) throws IOException {
        InetSocketAddress a = server.address();
        ProcStats before = server.stats();
        List<HostileClient> outcomes = new ArrayList<>();
        outcomes.add(silent(a, limit > 0 ? Math.min(SILENT, limit / 2) : SILENT));
        outcomes.add(malformed(a));
        outcomes.add(leavers(a));
        outcomes.add(overLimit(a, limit));
        ProcStats after = server.stats();
        List<String> why = new ArrayList<>();
        for (var o : outcomes) if (!o.servedAfter()) why.add(o.client() + ": ordinary requests were not all answered after it");
        if (!server.alive()) why.add("the server died");
        return new LoadResult("hostile", model, process, why.isEmpty() ? "ok" : "degraded", why, limit, 0, 0, null, null, 0,
                null, null, null, null, null,
                server.local() ? new Server(before.rssBytes(), after.rssBytes(), before.threads(), after.threads(), before.fds(),
                        after.fds(), after.cpuSeconds() - before.cpuSeconds()) : null,
                new PerRequest(null, null, null), outcomes, server.settings(), sharing, null);
    }

    /** {@code n} silent connections: under the server's limit, so that the ordinary requests have room. */
    private static HostileClient silent(InetSocketAddress a, int n) throws IOException {
        List<Socket> quiet = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) quiet.add(connect(a));
            int served = ordinary(a);
            int open = 0;
            for (Socket s : quiet) if (stillOpen(s)) open++;
            return new HostileClient("silent", String.format(Locale.ROOT,
                    "%d silent connections: %d still open after the ordinary requests; %d of %d ordinary requests answered",
                    n, open, served, ORDINARY), served == ORDINARY);
        } finally {
            for (Socket s : quiet) s.close();
        }
    }

    private static HostileClient malformed(InetSocketAddress a) throws IOException {
        String saw;
        try (Socket s = connect(a)) {
            s.setSoTimeout(2000);
            s.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = readSome(s.getInputStream());
            String status = answer.isEmpty() ? "no answer" : "answered '" + answer.lines().findFirst().orElse("").trim() + "'";
            saw = status + (closedSoon(s) ? ", then closed the connection" : ", and kept the connection open");
        } catch (SocketTimeoutException e) {
            saw = "no answer within 2 s";
        }
        int served = ordinary(a);
        return new HostileClient("malformed", saw + String.format(Locale.ROOT,
                "; %d of %d ordinary requests answered", served, ORDINARY), served == ORDINARY);
    }

    private static HostileClient leavers(InetSocketAddress a) throws IOException {
        List<Socket> left = new ArrayList<>();
        for (int i = 0; i < LEAVERS; i++) {
            Socket s = connect(a);
            s.getOutputStream().write(request(i, 200_000).getBytes(StandardCharsets.US_ASCII));
            left.add(s);
        }
        pause(20);
        for (Socket s : left) {
            s.setSoLinger(true, 0);      // a reset, as a client that crashes sends
            s.close();
        }
        pause(400);                      // the server writes its answers into closed connections
        int served = ordinary(a);
        return new HostileClient("leaves-mid-answer", String.format(Locale.ROOT,
                "%d clients reset their connection before the answer; %d of %d ordinary requests answered after",
                LEAVERS, served, ORDINARY), served == ORDINARY);
    }

    private static HostileClient overLimit(InetSocketAddress a, int limit) throws IOException {
        if (limit <= 0) return new HostileClient("over-the-limit", "not tried: the server's connection limit is not known", true);
        int extra = 20;
        List<Socket> socks = new ArrayList<>();
        int answered = 0, refused = 0;
        try {
            for (int i = 0; i < limit + extra; i++) {
                try {
                    socks.add(connect(a));
                } catch (IOException e) {
                    refused++;
                }
            }
            pause(300);
            for (int i = 0; i < socks.size(); i++) {
                if (exchange(socks.get(i), i, 2000)) answered++;
                else refused++;
            }
        } finally {
            for (Socket s : socks) s.close();
        }
        pause(300);
        int served = ordinary(a);
        return new HostileClient("over-the-limit", String.format(Locale.ROOT,
                "%d connections against a limit of %d: %d answered, %d closed or refused; after they left, %d of %d ordinary requests answered",
                limit + extra, limit, answered, refused, served, ORDINARY), served == ORDINARY);
    }

    /** {@value #ORDINARY} requests on fresh connections; how many were answered correctly. */
    private static int ordinary(InetSocketAddress a) {
        int ok = 0;
        for (int i = 0; i < ORDINARY; i++) {
            try (Socket s = connect(a)) {
                if (exchange(s, 1000 + i, 5000)) ok++;
            } catch (IOException e) {
                // not answered
            }
        }
        return ok;
    }

    private static boolean exchange(Socket s, int i, int timeoutMillis) {
        try {
            s.setSoTimeout(timeoutMillis);
            s.getOutputStream().write(request(i, 0).getBytes(StandardCharsets.US_ASCII));
            String answer = readSome(s.getInputStream());
            return answer.startsWith("HTTP/1.1 200") && answer.endsWith("\r\n\r\n" + CpuWork.compute(i, 0));
        } catch (IOException e) {
            return false;
        }
    }

    private static String request(int i, long waitMicros) {
        return "GET /task/" + i + "?wait=" + waitMicros + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** Reads one answer: headers, then the body by Content-Length; what came if the peer closes first. */
    private static String readSome(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        while (true) {
            int head = sb.indexOf("\r\n\r\n");
            if (head >= 0) {
                int length = 0;
                for (String line : sb.substring(0, head).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                if (sb.length() - head - 4 >= length) return sb.toString();
            }
            int n = in.read(buf);
            if (n < 0) return sb.toString();
            sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    private static boolean closedSoon(Socket s) {
        try {
            s.setSoTimeout(1000);
            return s.getInputStream().read() < 0;
        } catch (IOException e) {
            return !(e instanceof SocketTimeoutException);
        }
    }

    private static boolean stillOpen(Socket s) {
        try {
            s.setSoTimeout(1);
            return s.getInputStream().read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Socket connect(InetSocketAddress a) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(a, 5000);
        return s;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
