package dev.concur.server;

import java.net.InetSocketAddress;

/** A server that accepts connections from the moment it is returned, until {@link #close}. */
public interface RunningServer extends AutoCloseable {
    /** Where it listens; the port is the real one when 0 was asked. */
    InetSocketAddress address();

    /** The {@code settings} line's JSON object: the model, the runtime, every option's effective value, notes. */
    String settingsJson();

    /** Stops accepting, closes every connection and stops the server's threads, within about a second. */
    @Override
    void close();
}
