package dev.concur.run.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol between concur and a peer program (docs/peers.md): one JSON object per line on
 * the peer's stdout, each with a type {@code t}. This class turns one line into one event, and
 * refuses anything else with the offending line: a peer that prints garbage is a failed result
 * that quotes the garbage, never a crash of concur.
 */
final class PeerProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTE = 200;
    /** The names a batch's {@code rt} may carry, as in {@link dev.concur.result.Alive#runtime}. */
    static final Set<String> RUNTIME_NAMES = Set.of("stackInuse", "heapInuse", "goroutines", "heapUsed", "external",
            "arrayBuffers", "rss", "tasks");

    private PeerProtocol() {}

    sealed interface Event permits Hello, Begin, BatchDone, WarmupDone, Failure, Done {}

    /**
     * The first line: what runs, how many processors it sees, and the runtime settings it runs with
     * ({@code GOMAXPROCS}, {@code GOGC}; {@code null} when it sent none).
     */
    record Hello(String runtime, long pid, int cores, Map<String, String> settings) implements Event {}

    /** A measured batch is about to start (the host takes its memory baseline). */
    record Begin(int iteration) implements Event {}

    /**
     * A batch finished: its phase ({@code warmup} or {@code measure}), time and what it returned;
     * {@code race}, for the race workloads, what its shared counters lost ({@code null} otherwise);
     * {@code lagMicros}, where the peer runs a lag probe, how late each of its 5 ms timers fired during
     * the batch, in microseconds (empty otherwise).
     *
     * @param alive   the most tasks alive at once in it (started, not finished); {@code null} when the peer
     *                does not count them (tasks in other processes)
     * @param runtime what the runtime said of itself when all its tasks were alive (hold's gate), by name
     *                ({@link #RUNTIME_NAMES}); empty when it said nothing
     * @param submitNanos how long the call(s) handing the batch's tasks to workers took ({@code apply_async},
     *                {@code map_async}), within {@code nanos}; {@code null} when the peer does not time it
     */
    record BatchDone(boolean measured, int iteration, long nanos, long count, long sum, RaceCount race,
                     List<Long> lagMicros, Long alive, Map<String, Long> runtime, Long submitNanos) implements Event {
        BatchDone {
            lagMicros = List.copyOf(lagMicros);
            runtime = Map.copyOf(runtime);
        }

        BatchDone(boolean measured, int iteration, long nanos, long count, long sum) {
            this(measured, iteration, nanos, count, sum, null, List.of(), null, Map.of(), null);
        }
    }

    /**
     * A race batch's counters: {@code updates} made to each, and how many of them the unsynchronised
     * ({@code lost}) and the synchronised ({@code syncLost}) counter lost.
     */
    record RaceCount(long updates, long lost, long syncLost) {}

    /** The largest lag a peer may report, in microseconds: what a histogram records (one hour). */
    static final long MAX_LAG_MICROS = dev.concur.result.Histograms.MAX_NANOS / 1_000;

    /** The adaptive warm-up ended. */
    record WarmupDone(int batches, long nanos, boolean steady, Double spreadPct) implements Event {}

    /** A task failed; the peer then exits. */
    record Failure(String message) implements Event {}

    /** The last line: everything was measured. */
    record Done() implements Event {}

    /** A line that is not the protocol. */
    static final class ProtocolException extends Exception {
        ProtocolException(int lineNumber, String line, String why) {
            super("peer protocol: line " + lineNumber + ": " + why + ": " + quote(line));
        }
    }

    static String quote(String line) {
        String one = line.replaceAll("\\p{Cntrl}", "?");
        return one.length() > QUOTE ? one.substring(0, QUOTE) + "..." : one;
    }

    static Event parse(int lineNumber, String line) throws ProtocolException {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(lineNumber, line, "not JSON");
        }
        if (n == null || !n.isObject() || !n.path("t").isTextual()) throw new ProtocolException(lineNumber, line, "no type 't'");
        try {
            return switch (n.get("t").asText()) {
                case "hello" -> new Hello(text(n, "runtime"), whole(n, "pid", 0), (int) whole(n, "cores", 1), settings(n));
                case "begin" -> new Begin((int) whole(n, "it", 0));
                case "batch" -> new BatchDone(phase(n), (int) whole(n, "it", 0), whole(n, "ns", 0), whole(n, "count", 0),
                        whole(n, "sum", 0), race(n), lag(n), n.has("alive") ? whole(n, "alive", 0) : null, runtime(n), submit(n));
                case "warmup" -> new WarmupDone((int) whole(n, "batches", 0), whole(n, "ns", 0), bool(n, "steady"),
                        n.path("spread").isNumber() ? n.get("spread").doubleValue() : null);
                case "error" -> new Failure(text(n, "message"));
                case "done" -> new Done();
                default -> throw new IllegalArgumentException("unknown type '" + n.get("t").asText() + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(lineNumber, line, e.getMessage());
        }
    }

    /** The optional {@code settings} object: names to scalar values, kept as text; {@code null} when absent. */
    private static Map<String, String> settings(JsonNode n) {
        JsonNode s = n.get("settings");
        if (s == null || s.isNull()) return null;
        if (!s.isObject()) throw new IllegalArgumentException("'settings' is not an object");
        Map<String, String> m = new TreeMap<>();
        for (var e : s.properties()) {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new IllegalArgumentException("'settings." + e.getKey() + "' is not a single value");
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String text(JsonNode n, String f) {
        if (!n.path(f).isTextual()) throw new IllegalArgumentException("'" + f + "' is missing or not text");
        return n.get(f).asText();
    }

    private static long whole(JsonNode n, String f, long min) {
        JsonNode v = n.get(f);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min) {
            throw new IllegalArgumentException("'" + f + "' is missing or not a whole number >= " + min);
        }
        return v.longValue();
    }

    /** The optional {@code rt} object: known names, each a whole number >= 0. */
    private static Map<String, Long> runtime(JsonNode n) {
        if (!n.has("rt")) return Map.of();
        JsonNode rt = n.get("rt");
        if (!rt.isObject()) throw new IllegalArgumentException("'rt' is not an object");
        Map<String, Long> out = new LinkedHashMap<>();
        for (Iterator<String> names = rt.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RUNTIME_NAMES.contains(name)) throw new IllegalArgumentException("'rt' has an unknown name '" + name + "'");
            out.put(name, whole(rt, name, 0));
        }
        return out;
    }

    /** The optional {@code submit}: whole nanoseconds, at most the batch's own {@code ns} (the hand-over is part of it). */
    private static Long submit(JsonNode n) {
        if (!n.has("submit")) return null;
        long submit = whole(n, "submit", 0);
        if (submit > whole(n, "ns", 0)) throw new IllegalArgumentException("'submit' is longer than the batch's 'ns'");
        return submit;
    }

    private static boolean bool(JsonNode n, String f) {
        if (!n.path(f).isBoolean()) throw new IllegalArgumentException("'" + f + "' is missing or not true/false");
        return n.get(f).booleanValue();
    }

    /** The optional {@code race} object: {@code {"updates":N,"lost":L,"syncLost":S}}, each lost count at most N. */
    private static RaceCount race(JsonNode n) {
        if (!n.has("race")) return null;
        JsonNode r = n.get("race");
        if (!r.isObject()) throw new IllegalArgumentException("'race' is not an object");
        long updates = whole(r, "updates", 0), lost = whole(r, "lost", 0), syncLost = whole(r, "syncLost", 0);
        if (lost > updates || syncLost > updates) throw new IllegalArgumentException("'race' lost more updates than it made");
        return new RaceCount(updates, lost, syncLost);
    }

    /** The optional {@code lag} array: whole microseconds, 0 to {@value #MAX_LAG_MICROS}. */
    private static List<Long> lag(JsonNode n) {
        if (!n.has("lag")) return List.of();
        JsonNode a = n.get("lag");
        if (!a.isArray()) throw new IllegalArgumentException("'lag' is not an array");
        List<Long> out = new ArrayList<>(a.size());
        for (JsonNode v : a) {
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0 || v.longValue() > MAX_LAG_MICROS) {
                throw new IllegalArgumentException("'lag' holds something other than whole microseconds 0.." + MAX_LAG_MICROS);
            }
            out.add(v.longValue());
        }
        return List.copyOf(out);
    }

    private static boolean phase(JsonNode n) {
        return switch (text(n, "phase")) {
            case "warmup" -> false;
            case "measure" -> true;
            default -> throw new IllegalArgumentException("'phase' is not warmup or measure");
        };
    }
}
