package dev.concur.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The little HTTP/1.1 the hand-written servers speak, and only that: a request head (request line and
 * headers) read into a {@link Request}, and the bytes of each answer. The contract (docs/servers.md)
 * fixes what is accepted: {@code GET /task/<i>?wait=<µs>&work=<rounds>}; a path that is not
 * {@code /task/<i>} → 404, a value out of range → 400, both keeping the connection; a head that cannot
 * be parsed or another method → 400 and close. Reactor Netty parses with Netty's decoder but reads the
 * target through {@link #target} too, so every JVM server draws the same line between 200, 400 and 404.
 *
 * <p>Kept small on purpose: no chunked bodies (a {@code Transfer-Encoding} header is refused), no
 * header folding, lines end in CRLF. A GET's {@code Content-Length} body is read and thrown away.
 */
final class HttpWire {
    static final int MAX_HEAD = 8 * 1024;             // request line + headers; longer → 400
    static final long MAX_WAIT_MICROS = 60_000_000L;  // 60 s
    static final long MAX_WORK = 1_000_000_000L;      // 10⁹ rounds

    private static final String PREFIX = "/task/";

    private HttpWire() {}

    /** A parsed head: the request, and the length of the body that follows it (to be skipped). */
    record Head(Request request, long contentLength) {
        static final Head MALFORMED = new Head(Request.MALFORMED, 0);
    }

    /** Reads a request head: {@code text} is everything before the blank line, in ISO-8859-1. */
    static Head head(String text) {
        String[] lines = text.split("\r\n", -1);
        String[] parts = lines[0].split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) return Head.MALFORMED;
        boolean http10 = parts[2].equals("HTTP/1.0");
        if (!http10 && !parts[2].equals("HTTP/1.1")) return Head.MALFORMED;
        boolean close = false;
        boolean keepAlive = false;
        long contentLength = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(colon - 1))) {
                return Head.MALFORMED;
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "connection" -> {
                    for (String token : value.split(",")) {
                        String t = token.strip().toLowerCase(Locale.ROOT);
                        if (t.equals("close")) close = true;
                        if (t.equals("keep-alive")) keepAlive = true;
                    }
                }
                case "content-length" -> {
                    contentLength = digits(value, Long.MAX_VALUE);
                    if (contentLength < 0) return Head.MALFORMED;
                }
                case "transfer-encoding" -> {
                    return Head.MALFORMED;
                }
                default -> { }
            }
        }
        if (!parts[0].equals("GET")) return Head.MALFORMED;
        return new Head(target(parts[1], !close && (keepAlive || !http10), http10), contentLength);
    }

    /** Reads a request target, {@code /task/<i>?wait=<µs>&work=<rounds>}: a task, a 404 or a 400. */
    static Request target(String target, boolean keepAlive, boolean http10) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (!path.startsWith(PREFIX)) return Request.error(404, keepAlive, http10);
        long index = digits(path.substring(PREFIX.length()), Integer.MAX_VALUE);
        if (index < 0) return Request.error(404, keepAlive, http10);
        long wait = 0;
        long work = 0;
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (name.equals("wait")) wait = digits(value, MAX_WAIT_MICROS);
                else if (name.equals("work")) work = digits(value, MAX_WORK);
                if (wait < 0 || work < 0) return Request.error(400, keepAlive, http10);
            }
        }
        return Request.task((int) index, wait, work, keepAlive, http10);
    }

    /** A whole decimal number 0..max, or -1 (empty, a sign, another character, too large). */
    static long digits(String s, long max) {
        if (s.isEmpty() || s.length() > 18) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v <= max ? v : -1;
    }

    /** {@code 200 OK}, {@code text/plain}, the value in decimal. */
    static byte[] ok(long value, Request r) {
        return answer("200 OK", Long.toString(value), r);
    }

    /** The answer to a request that is not a task: 404 or 400. */
    static byte[] error(Request r) {
        return r.status() == 404 ? answer("404 Not Found", "not found", r) : answer("400 Bad Request", "bad request", r);
    }

    private static byte[] answer(String status, String body, Request r) {
        String connection = !r.keepAlive() ? "Connection: close\r\n" : r.http10() ? "Connection: keep-alive\r\n" : "";
        return ("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n"
                + connection + "\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }
}
