package dev.concur.run.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 answer read from a connection's buffer: the status, the body (by
 * {@code Content-Length}; the servers under test never chunk) and whether the server will close
 * the connection after it.
 *
 * @param status the status code
 * @param body   the body as text
 * @param close  the server said {@code Connection: close}
 */
record HttpAnswer(int status, String body, boolean close) {
    /**
     * The answer in {@code buf[0, position)}, or {@code null} while it is incomplete. The buffer is
     * in write mode (as a channel read leaves it) and is not changed.
     */
    static HttpAnswer parse(ByteBuffer buf) {
        int end = buf.position();
        byte[] a = buf.array();
        int headEnd = -1;
        for (int i = 3; i < end; i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                headEnd = i + 1;
                break;
            }
        }
        if (headEnd < 0) return null;
        String head = new String(a, 0, headEnd, StandardCharsets.US_ASCII);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new HttpAnswer(-1, lines[0], true);
        }
        int length = 0;
        boolean close = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) continue;
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("content-length")) length = Integer.parseInt(value);
            else if (name.equals("connection") && value.equalsIgnoreCase("close")) close = true;
        }
        if (end - headEnd < length) return null;
        return new HttpAnswer(status, new String(a, headEnd, length, StandardCharsets.US_ASCII), close);
    }
}
