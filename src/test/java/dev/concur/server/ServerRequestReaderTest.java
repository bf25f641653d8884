package dev.concur.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hand-written servers' HTTP: {@link RequestReader} framing the byte stream, {@link HttpWire} reading each head. */
class ServerRequestReaderTest {

    private static RequestReader fed(String... parts) {
        RequestReader r = new RequestReader();
        for (String p : parts) feed(r, p);
        return r;
    }

    private static void feed(RequestReader r, String part) {
        byte[] b = part.getBytes(StandardCharsets.ISO_8859_1);
        r.feed(b, 0, b.length);
    }

    private static Request one(String head) {
        Request r = fed(head).next();
        assertTrue(r != null, "a complete request");
        return r;
    }

    @Test
    void aTaskWithItsWaitAndWork() {
        Request r = one("GET /task/42?wait=20000&work=1000 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(Request.task(42, 20_000, 1_000, true, false), r);
        assertEquals(20_000_000, r.waitNanos());
    }

    @Test
    void theLimitsAreInclusive() {
        assertEquals(200, one("GET /task/2147483647?wait=60000000&work=1000000000 HTTP/1.1\r\n\r\n").status());
        assertEquals(404, one("GET /task/2147483648 HTTP/1.1\r\n\r\n").status());
        assertEquals(400, one("GET /task/1?wait=60000001 HTTP/1.1\r\n\r\n").status());
        assertEquals(400, one("GET /task/1?work=1000000001 HTTP/1.1\r\n\r\n").status());
        assertEquals(400, one("GET /task/1?wait= HTTP/1.1\r\n\r\n").status());
        assertEquals(200, one("GET /task/1?other=x HTTP/1.1\r\n\r\n").status());
        assertEquals(404, one("GET /task/ HTTP/1.1\r\n\r\n").status());
        assertEquals(404, one("GET /task/1/2 HTTP/1.1\r\n\r\n").status());
    }

    @Test
    void keepAliveByDefaultUnlessConnectionClose() {
        assertTrue(one("GET /task/1 HTTP/1.1\r\n\r\n").keepAlive());
        assertFalse(one("GET /task/1 HTTP/1.1\r\nConnection: Close\r\n\r\n").keepAlive());
        assertFalse(one("GET /task/1 HTTP/1.1\r\nconnection: keep-alive, close\r\n\r\n").keepAlive());
        assertFalse(one("GET /task/1 HTTP/1.0\r\n\r\n").keepAlive(), "HTTP/1.0 closes unless asked");
        assertTrue(one("GET /task/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive());
        String answer = new String(HttpWire.ok(7, one("GET /task/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")),
                StandardCharsets.US_ASCII);
        assertTrue(answer.contains("Connection: keep-alive\r\n"), answer);
    }

    @Test
    void whatCannotBeParsedIs400AndCloses() {
        for (String bad : new String[] {"BLAH\r\n\r\n", "GET /task/1\r\n\r\n", "GET /task/1 HTTP/2.0\r\n\r\n",
                "POST /task/1 HTTP/1.1\r\n\r\n", "GET /task/1 HTTP/1.1\r\nno colon\r\n\r\n",
                "GET /task/1 HTTP/1.1\r\n folded: x\r\n\r\n", "GET /task/1 HTTP/1.1\r\nContent-Length: x\r\n\r\n",
                "GET /task/1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"}) {
            RequestReader reader = fed(bad, "GET /task/2 HTTP/1.1\r\n\r\n");
            assertEquals(Request.MALFORMED, reader.next(), bad);
            assertNull(reader.next(), "nothing is read after a request that closes: " + bad);
        }
    }

    @Test
    void aHeadOver8KiBIs400() {
        String big = "GET /task/1 HTTP/1.1\r\nX-Big: " + "a".repeat(HttpWire.MAX_HEAD) + "\r\n\r\n";
        assertEquals(Request.MALFORMED, fed(big).next());
        RequestReader growing = fed("GET /task/1 HTTP/1.1\r\nX-Big: " + "a".repeat(HttpWire.MAX_HEAD));
        assertEquals(Request.MALFORMED, growing.next(), "without waiting for the rest");
        assertEquals(200, one("GET /task/1 HTTP/1.1\r\nX-Big: " + "a".repeat(8000) + "\r\n\r\n").status());
    }

    @Test
    void aRequestInPiecesIsReadWhenComplete() {
        RequestReader r = fed("GET /task/3?wo");
        assertNull(r.next());
        feed(r, "rk=9 HTTP/1.1\r\nHost: x\r");
        assertNull(r.next());
        feed(r, "\n\r\n");
        assertEquals(Request.task(3, 0, 9, true, false), r.next());
        assertNull(r.next());
    }

    @Test
    void pipelinedRequestsComeOutInOrderAndBodiesAreSkipped() {
        RequestReader r = fed("GET /task/1 HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
                "GET /nope HTTP/1.1\r\n\r\n\r\nGET /task/2?work=3 HTTP/1.1\r\n\r\nGET /task/3");
        assertEquals(1, r.next().index());
        assertEquals(404, r.next().status());
        assertEquals(Request.task(2, 0, 3, true, false), r.next(), "a stray CRLF between requests is skipped");
        assertNull(r.next());
        feed(r, " HTTP/1.1\r\n\r\n");
        assertEquals(3, r.next().index());
    }
}
