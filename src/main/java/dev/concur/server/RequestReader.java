package dev.concur.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one connection, as they arrive, into requests. TCP delivers a byte stream, not
 * messages: one read may hold half a request line (the rest comes 50 ms later), or two whole requests
 * and the start of a third (pipelining). So every server feeds what it read here and asks
 * {@link #next} for the next complete request, in order, until there is none yet.
 *
 * <p>A head longer than {@value HttpWire#MAX_HEAD} bytes without its blank line is a 400: the bytes a
 * client can make a connection hold are bounded. An idle connection holds no buffer at all (the array
 * is dropped once everything read was used), which matters when thousands of them stay open.
 */
final class RequestReader {
    private static final byte[] EMPTY = new byte[0];
    private static final int MIN_CAPACITY = 1024;

    private byte[] buf = EMPTY;
    private int start;          // the first unread byte
    private int end;            // one past the last byte read
    private long skip;          // body bytes of the last request not yet thrown away
    private boolean finished;   // a request that closes the connection was returned: nothing more is read

    /** Adds bytes read from the connection. */
    void feed(byte[] src, int offset, int length) {
        room(length);
        System.arraycopy(src, offset, buf, end, length);
        end += length;
    }

    /** Adds the bytes between {@code src}'s position and limit. */
    void feed(ByteBuffer src) {
        int length = src.remaining();
        room(length);
        src.get(buf, end, length);
        end += length;
    }

    /** The next complete request, or {@code null} until more bytes arrive (or after a closing one). */
    Request next() {
        if (finished) return null;
        long dropped = Math.min(skip, end - start);
        start += (int) dropped;
        skip -= dropped;
        while (skip == 0 && end - start >= 2 && buf[start] == '\r' && buf[start + 1] == '\n') start += 2; // stray CRLFs
        int blank = skip > 0 ? -1 : blankLine();
        if (blank < 0) {
            if (skip == 0 && end - start > HttpWire.MAX_HEAD) return finish(Request.MALFORMED);
            release();
            return null;
        }
        HttpWire.Head head = HttpWire.head(new String(buf, start, blank - start, StandardCharsets.ISO_8859_1));
        start = blank + 4;
        skip = head.contentLength();
        release();
        return head.request().keepAlive() ? head.request() : finish(head.request());
    }

    private Request finish(Request r) {
        finished = true;
        buf = EMPTY;
        start = end = 0;
        return r;
    }

    /** Where the head's CRLFCRLF starts, looking no further than a head may be long; -1 if not there yet. */
    private int blankLine() {
        int limit = Math.min(end, start + HttpWire.MAX_HEAD + 4) - 3;
        for (int i = start; i < limit; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') return i;
        }
        return -1;
    }

    /** Drops the array once every byte in it was used. */
    private void release() {
        if (start == end) {
            buf = EMPTY;
            start = end = 0;
        }
    }

    /** Makes room for {@code length} more bytes: moves the unread bytes to the front, grows if needed. */
    private void room(int length) {
        int unread = end - start;
        if (buf.length - end >= length) return;
        if (buf.length - unread >= length && start > 0) {
            System.arraycopy(buf, start, buf, 0, unread);
        } else {
            byte[] bigger = new byte[Math.max(MIN_CAPACITY, Math.max(unread + length, buf.length * 2))];
            System.arraycopy(buf, start, bigger, 0, unread);
            buf = bigger;
        }
        start = 0;
        end = unread;
    }
}
