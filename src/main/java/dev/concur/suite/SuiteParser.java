package dev.concur.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.concur.input.Choices;
import dev.concur.input.CoreCounts;
import dev.concur.input.Gc;
import dev.concur.input.InputException;
import dev.concur.input.Names;
import dev.concur.input.Values;
import dev.concur.peer.AllModels;
import dev.concur.workload.WorkloadRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a suite file with Jackson's YAML support. Every value is checked while it is read, so an
 * error can name the file and the line: {@code benchmarks/x.yaml:7: unknown model 'virtaul'; did
 * you mean 'virtual'? ...}. Unknown keys, wrong types, unknown names, non-positive numbers,
 * malformed durations and core counts above the machine's are all errors.
 */
public final class SuiteParser {
    private static final String MACHINE_CORES = "concur.machineCores";
    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SuiteParser() {}

    /** Parses {@code text}, which came from {@code source} (used in messages). */
    public static Suite parse(String name, String source, String text, int machineCores) {
        if (text.isBlank()) throw new InputException(source + ":1: the file is empty");
        RawSuite raw;
        try {
            raw = YAML.readerFor(RawSuite.class).withAttribute(MACHINE_CORES, machineCores).readValue(text);
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(where(source, e.getLocation()) + "unknown key '" + e.getPropertyName()
                    + "'; valid keys here: " + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax) {
                    throw new InputException(where(source, syntax.getLocation()) + "not valid YAML: "
                            + yamlProblem(syntax.getOriginalMessage()));
                }
            }
            throw new InputException(where(source, e.getLocation()) + message(e));
        } catch (IOException e) {
            throw new InputException(source + ": cannot read: " + e.getMessage());
        }
        if (raw == null) throw new InputException(source + ":1: the file is empty");
        if (raw.description == null || raw.description.isBlank()) throw new InputException(source + ":1: missing 'description'");
        if (raw.runs == null || raw.runs.isEmpty()) throw new InputException(source + ":1: missing 'runs' (a list of runs)");
        List<SuiteRun> runs = new ArrayList<>();
        for (RawRun r : raw.runs) {
            String at = source + ":" + r.line + ": ";
            if (r.description == null || r.description.isBlank()) throw new InputException(at + "this run has no 'description'");
            if (r.models == null) throw new InputException(at + "this run has no 'models' (a list, or all)");
            if (r.workloads == null) throw new InputException(at + "this run has no 'workloads' (a list, or all)");
            runs.add(new SuiteRun(r.description, new Choices(r.models, r.workloads, r.tasks, r.latency, r.work, r.threads,
                    r.cores, r.profile, r.forks, r.warmup, r.iterations, r.time, r.maxBatch, r.timeout, r.precision, r.gc), r.line));
        }
        return new Suite(name, source, raw.description.strip(), List.copyOf(runs));
    }

    private static String where(String source, JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? source + ": " : source + ":" + loc.getLineNr() + ": ";
    }

    private static String message(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (e instanceof JsonMappingException jm && !jm.getPath().isEmpty() && !(e.getCause() instanceof IllegalArgumentException)) {
            String field = jm.getPath().get(jm.getPath().size() - 1).getFieldName();
            if (field != null && m.startsWith("Cannot deserialize")) return "'" + field + "' has the wrong type (" + firstLine(m) + ")";
        }
        return firstLine(m);
    }

    /** SnakeYAML's multi-line message, as one line: "while scanning a quoted scalar; found unexpected end of stream". */
    private static String yamlProblem(String m) {
        if (m == null) return "syntax error";
        return String.join("; ", m.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))
                && !l.startsWith("in '") && !l.trim().equals("^")).toList());
    }

    private static String firstLine(String m) {
        return m == null ? "invalid" : m.lines().findFirst().orElse(m).replaceAll(" \\(for .*$", "");
    }

    // ---- the file's shape ----------------------------------------------------------------------

    static final class RawSuite {
        @JsonProperty("description") String description;
        @JsonProperty("runs") @JsonDeserialize(using = Runs.class) List<RawRun> runs;
    }

    static final class RawRun {
        int line;
        @JsonProperty("description") String description;
        @JsonProperty("models") @JsonDeserialize(using = ModelNames.class) List<String> models;
        @JsonProperty("workloads") @JsonDeserialize(using = WorkloadNames.class) List<String> workloads;
        @JsonProperty("tasks") @JsonDeserialize(using = PositiveInt.class) Integer tasks;
        @JsonProperty("latency") @JsonDeserialize(using = PositiveDuration.class) Long latency;
        @JsonProperty("work") @JsonDeserialize(using = PositiveCount.class) Long work;
        @JsonProperty("threads") @JsonDeserialize(using = PositiveInt.class) Integer threads;
        @JsonProperty("cores") @JsonDeserialize(using = Cores.class) List<Integer> cores;
        @JsonProperty("profile") @JsonDeserialize(using = ProfileName.class) String profile;
        @JsonProperty("forks") @JsonDeserialize(using = PositiveInt.class) Integer forks;
        @JsonProperty("warmup") @JsonDeserialize(using = NonNegativeInt.class) Integer warmup;
        @JsonProperty("iterations") @JsonDeserialize(using = PositiveInt.class) Integer iterations;
        @JsonProperty("time") @JsonDeserialize(using = PositiveDuration.class) Long time;
        @JsonProperty("max-batch") @JsonDeserialize(using = PositiveDuration.class) Long maxBatch;
        @JsonProperty("timeout") @JsonDeserialize(using = PositiveDuration.class) Long timeout;
        @JsonProperty("precision") @JsonDeserialize(using = Percent.class) Double precision;
        @JsonProperty("gc") @JsonDeserialize(using = GcName.class) Gc gc;
    }

    // ---- value readers: each fails with the parser's location, so messages carry the line ------

    private abstract static class Checked<T> extends JsonDeserializer<T> {
        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            try {
                return read(p, ctxt);
            } catch (IllegalArgumentException e) {
                throw new JsonMappingException(p, "'" + p.currentName() + "': " + e.getMessage(), at);
            }
        }

        abstract T read(JsonParser p, DeserializationContext ctxt) throws IOException;

        static String scalar(JsonParser p) throws IOException {
            if (!p.currentToken().isScalarValue()) throw new IllegalArgumentException("expected a single value");
            return p.getValueAsString();
        }

        static List<String> list(JsonParser p) throws IOException {
            List<String> items = new ArrayList<>();
            if (p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(scalar(p));
            } else {
                for (String s : scalar(p).split(",")) items.add(s.trim());
            }
            return items;
        }
    }

    /** The list of runs, remembering the line each run starts on. */
    static final class Runs extends JsonDeserializer<List<RawRun>> {
        @Override
        public List<RawRun> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw JsonMappingException.from(p, "'runs' must be a list of runs (each item starts with '- ')");
            }
            List<RawRun> runs = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int line = p.currentTokenLocation().getLineNr();
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw JsonMappingException.from(p, "each run must be a mapping (description:, models:, workloads:, ...)");
                }
                RawRun r = ctxt.readValue(p, RawRun.class);
                r.line = line;
                runs.add(r);
            }
            return runs;
        }
    }

    static final class ModelNames extends Checked<List<String>> {
        @Override
        List<String> read(JsonParser p, DeserializationContext c) throws IOException {
            return AllModels.resolve(list(p));
        }
    }

    static final class WorkloadNames extends Checked<List<String>> {
        @Override
        List<String> read(JsonParser p, DeserializationContext c) throws IOException {
            return Names.resolve("workload", list(p), WorkloadRegistry.names(), WorkloadRegistry.optInNames(), List.of());
        }
    }

    static final class GcName extends Checked<Gc> {
        @Override
        Gc read(JsonParser p, DeserializationContext c) throws IOException {
            return Gc.named(scalar(p));
        }
    }

    static final class PositiveInt extends Checked<Integer> {
        @Override
        Integer read(JsonParser p, DeserializationContext c) throws IOException {
            return Values.positiveInt(scalar(p));
        }
    }

    static final class NonNegativeInt extends Checked<Integer> {
        @Override
        Integer read(JsonParser p, DeserializationContext c) throws IOException {
            return Values.nonNegativeInt(scalar(p));
        }
    }

    static final class PositiveCount extends Checked<Long> {
        @Override
        Long read(JsonParser p, DeserializationContext c) throws IOException {
            return Values.positiveCount(scalar(p));
        }
    }

    static final class PositiveDuration extends Checked<Long> {
        @Override
        Long read(JsonParser p, DeserializationContext c) throws IOException {
            return Values.positiveDurationNanos(scalar(p));
        }
    }

    static final class Cores extends Checked<List<Integer>> {
        @Override
        List<Integer> read(JsonParser p, DeserializationContext c) throws IOException {
            int machine = (Integer) c.getAttribute(MACHINE_CORES);
            return CoreCounts.parse(String.join(",", list(p)), machine);
        }
    }

    static final class Percent extends Checked<Double> {
        @Override
        Double read(JsonParser p, DeserializationContext c) throws IOException {
            return Values.percent(scalar(p));
        }
    }

    static final class ProfileName extends Checked<String> {
        @Override
        String read(JsonParser p, DeserializationContext c) throws IOException {
            return Values.profile(scalar(p));
        }
    }
}
