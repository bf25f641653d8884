package dev.concur.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One client's connection in a {@link SelectorServer}, on the loop thread only. It runs one request
 * at a time: while a request is being answered the connection does not read (the kernel's buffer and
 * the client wait), and once the answer is written it takes the next request already read, if any.
 * That is what answers pipelined requests in order and what bounds the bytes a client can make the
 * server hold. A write the socket cannot take whole (the client reads slowly) waits for
 * {@code OP_WRITE} instead of blocking the loop.
 */
final class Connection {
    private final SelectorServer server;
    private final SocketChannel channel;
    private final RequestReader reader = new RequestReader();
    private SelectionKey key;
    private ByteBuffer unsent;        // the answer being written, or null
    private boolean busy;             // a request is being answered
    private boolean closeAfterWrite;  // the answer is the last one
    private boolean pumping;          // inside pump(): an answer given at once lets pump's loop go on
    private boolean closed;

    Connection(SelectorServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    void register(Selector selector) throws ClosedChannelException {
        key = channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** Reads what arrived (through the server's one buffer) and starts the next request, if complete. */
    void onReadable(ByteBuffer buffer) {
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            close();
            return;
        }
        if (n < 0) {
            close(); // the client closed its side
            return;
        }
        buffer.flip();
        reader.feed(buffer);
        pump();
    }

    /** Starts complete requests one after another while each is answered at once; then reads again. */
    private void pump() {
        if (pumping) return;
        pumping = true;
        try {
            while (!busy && !closed) {
                Request r = reader.next();
                if (r == null) {
                    key.interestOps(SelectionKey.OP_READ);
                    return;
                }
                busy = true;
                key.interestOps(0);
                if (r.isTask()) server.onTask(this, r);
                else respond(HttpWire.error(r), r.keepAlive());
            }
        } finally {
            pumping = false;
        }
    }

    /** Gives the answer to the request being run. Loop thread only; ignored once the connection is closed. */
    void respond(byte[] answer, boolean keepAlive) {
        if (closed) return;
        unsent = ByteBuffer.wrap(answer);
        closeAfterWrite = !keepAlive;
        onWritable();
    }

    /** Writes what the socket takes; when the answer is out, closes or goes on with the next request. */
    void onWritable() {
        try {
            channel.write(unsent);
        } catch (IOException e) {
            close(); // the client left mid-answer
            return;
        }
        if (unsent.hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        unsent = null;
        busy = false;
        if (closeAfterWrite) close();
        else pump();
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        if (closed) return;
        closed = true;
        if (key != null) key.cancel();
        SelectorServer.quietly(channel);
        server.closed();
    }
}
