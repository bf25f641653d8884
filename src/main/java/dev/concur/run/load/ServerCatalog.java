package dev.concur.run.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every server model {@code concur load} can drive, with what bounds it: how many requests it can
 * wait on at once and how many it can compute at once. Those two numbers give each model's
 * Little's-law ceiling (throughput ≤ requests in flight / time per request), the line a measured
 * rate must stay under to be valid.
 *
 * <p>The JVM servers run as {@code concur serve --model NAME} in a child JVM; the peers are the
 * {@code serve} modes of the programs under {@code src/peers} (docs/servers.md).
 */
public final class ServerCatalog {
    /** How a server bounds concurrency: its name, runtime, what waits at once, what computes at once. */
    public record Entry(String name, boolean jvm, String runtime, Bound waits, Bound computes, String description) {}

    /** A bound on requests at once, given the connections, the pool's threads and the server's cores. */
    public interface Bound {
        int of(int connections, int threads, int cores);

        String explain(int connections, int threads, int cores);
    }

    private static Bound one(String what) {
        return new Bound() {
            public int of(int c, int t, int k) {
                return 1;
            }

            public String explain(int c, int t, int k) {
                return what;
            }
        };
    }

    private static final Bound CONNECTIONS = new Bound() {
        public int of(int c, int t, int k) {
            return c;
        }

        public String explain(int c, int t, int k) {
            return String.format(java.util.Locale.ROOT, "%,d connections", c);
        }
    };
    private static final Bound POOL = new Bound() {
        public int of(int c, int t, int k) {
            return Math.min(c, t);
        }

        public String explain(int c, int t, int k) {
            return t < c ? t + " pool threads" : String.format(java.util.Locale.ROOT, "%,d connections", c);
        }
    };
    private static final Bound CORES = new Bound() {
        public int of(int c, int t, int k) {
            return Math.min(c, k);
        }

        public String explain(int c, int t, int k) {
            return k + (k == 1 ? " core" : " cores");
        }
    };
    private static final Bound POOL_ON_CORES = new Bound() {
        public int of(int c, int t, int k) {
            return Math.min(Math.min(c, t), k);
        }

        public String explain(int c, int t, int k) {
            return Math.min(t, k) == t ? t + " pool threads" : k + (k == 1 ? " core" : " cores");
        }
    };

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        add(new Entry("sequential", true, "java", one("one thread"), one("one thread"),
                "one thread answers one request at a time (it sleeps through each wait)"));
        add(new Entry("eventloop-blocking", true, "java", one("one loop thread that blocks"), one("one loop thread"),
                "an event loop whose handler blocks: the same server as sequential"));
        add(new Entry("platform", true, "java", POOL, POOL_ON_CORES,
                "a selector thread hands each request to a fixed pool of --threads platform threads"));
        add(new Entry("platform-per-connection", true, "java", CONNECTIONS, CORES, "a platform thread per connection"));
        add(new Entry("virtual", true, "java", CONNECTIONS, CORES, "a virtual thread per connection"));
        add(new Entry("eventloop", true, "java", CONNECTIONS, one("one loop thread"),
                "one thread, non-blocking NIO, waits are timers"));
        add(new Entry("reactive", true, "java", CONNECTIONS, CORES, "Reactor Netty, waits are Mono.delay"));
        add(new Entry("go-http", false, "go", CONNECTIONS, CORES, "Go net/http, a goroutine per connection"));
        add(new Entry("node-http", false, "node", CONNECTIONS, one("one event loop"), "Node.js http on one event loop"));
        add(new Entry("python-asyncio", false, "python", CONNECTIONS, one("one event loop"), "asyncio streams on one loop"));
        add(new Entry("python-twisted", false, "python", CONNECTIONS, one("one reactor"), "twisted.web on one reactor"));
        add(new Entry("python-threading", false, "python", CONNECTIONS, one("the GIL"),
                "ThreadingHTTPServer: a thread per connection, one GIL"));
    }

    private static void add(Entry e) {
        ALL.put(e.name(), e);
    }

    private ServerCatalog() {}

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The entry, or {@code null}. */
    public static Entry get(String name) {
        return ALL.get(name);
    }
}
