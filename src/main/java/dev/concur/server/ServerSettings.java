package dev.concur.server;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The {@code settings} line of docs/servers.md: what a reader of the results needs to know about the
 * server that produced them, so two runs can be told apart by more than a model name.
 *
 * @param model              the model's name
 * @param runtime            {@code java 25}
 * @param threads            the fixed pool's size; 0 where the model has no pool
 * @param backlog            the listen backlog asked of the kernel
 * @param maxConnections     the connection limit; 0: none
 * @param idleTimeoutSeconds the idle time-out really applied; 0: an idle connection is never closed
 * @param pid                the server's process
 * @param jvmArgs            the JVM's own flags (heap, collector), as the JVM reports them
 * @param notes              defaults changed on purpose, options not honoured
 */
@JsonPropertyOrder({"model", "runtime", "threads", "backlog", "maxConnections", "idleTimeoutSeconds", "pid", "jvmArgs", "notes"})
record ServerSettings(String model, String runtime, int threads, int backlog, int maxConnections, int idleTimeoutSeconds,
                      long pid, List<String> jvmArgs, List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings of a server of this JVM, none of which closes idle connections. */
    static ServerSettings of(String model, int threads, ServerOptions options, List<String> notes) {
        return new ServerSettings(model, "java " + Runtime.version().feature(), threads, options.backlog(),
                options.maxConnections(), 0, ProcessHandle.current().pid(),
                List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()), List.copyOf(notes));
    }

    /** One line of JSON. */
    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the settings as JSON", e);
        }
    }
}
