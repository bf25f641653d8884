package dev.concur.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A test's HTTP/1.1 client on a raw socket: it sends exactly the bytes a test gives (half a request,
 * two at once, garbage) and reads answers one by one, so a test can see what a server does on the wire.
 */
final class RawClient implements AutoCloseable {
    /** One answer: the status, the headers (names in lower case) and the body. */
    record Response(int status, Map<String, String> headers, String body) {
        boolean closes() {
            return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    RawClient(InetSocketAddress address) throws IOException {
        socket.connect(address, 5_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static String request(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    void send(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends a GET of {@code target} and reads its answer. */
    Response get(String target) throws IOException {
        send(request(target));
        return read();
    }

    /** The next answer; fails if the server closes first or says nothing for 10 s. */
    Response read() throws IOException {
        String status = line();
        if (status == null) throw new IOException("the server closed the connection instead of answering");
        String[] parts = status.split(" ", 3);
        Map<String, String> headers = new HashMap<>();
        for (String h; !(h = header()).isEmpty(); ) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Response(Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.US_ASCII));
    }

    /** Whether the server closed the connection (end of stream or a reset) within the socket's time-out. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    /** Whether the server closed the connection within {@code millis}. */
    boolean closedByServerWithin(int millis) throws IOException {
        soTimeout(millis);
        return closedByServer();
    }

    private String header() throws IOException {
        String h = line();
        if (h == null) throw new IOException("the server closed the connection mid-answer");
        return h;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        if (b.size() == 0) return null;
        throw new IOException("the connection ended mid-line");
    }

    void soTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
