package dev.concur.server;

import java.io.IOException;

/** One way to serve many connections: what {@code concur serve --model NAME} starts. */
@FunctionalInterface
public interface HttpServerModel {
    /** Binds, starts the server's threads and returns once it accepts connections. */
    RunningServer start(ServerOptions options) throws IOException;
}
