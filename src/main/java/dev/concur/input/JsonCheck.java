package dev.concur.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/**
 * Checks the shape of a JSON document read from {@code file}, one field at a time, so that a
 * problem is reported as one line naming the file and the JSON path:
 * {@code run.json: results[3].batchTime.score: not a finite number}.
 */
public final class JsonCheck {
    private final String file;

    public JsonCheck(String file) {
        this.file = file;
    }

    public InputException error(String path, String problem) {
        return new InputException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The field's node, or {@code null} when it is absent or JSON null; required fields must be there. */
    private JsonNode get(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            if (required) throw error(at(path, field), "missing");
            return null;
        }
        return v;
    }

    public JsonNode object(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = get(parent, field, path, required);
        if (v != null && !v.isObject()) throw error(at(path, field), "not an object");
        return v;
    }

    public JsonNode array(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = get(parent, field, path, required);
        if (v != null && !v.isArray()) throw error(at(path, field), "not a list");
        return v;
    }

    public String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = get(parent, field, path, required);
        if (v == null) return null;
        if (!v.isTextual()) throw error(at(path, field), "not text");
        if (required && v.asText().isBlank()) throw error(at(path, field), "empty");
        return v.asText();
    }

    public String oneOf(JsonNode parent, String field, String path, Collection<String> valid) {
        String v = text(parent, field, path, true);
        if (!valid.contains(v)) throw error(at(path, field), "'" + v + "' is not one of " + String.join(", ", valid));
        return v;
    }

    /** A whole number ≥ {@code min} that fits a long. */
    public Long integer(JsonNode parent, String field, String path, boolean required, long min) {
        JsonNode v = get(parent, field, path, required);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw error(at(path, field), "not a whole number");
        if (v.longValue() < min) throw error(at(path, field), v.longValue() + " is below " + min);
        return v.longValue();
    }

    /** A whole number ≥ {@code min} that fits an int. */
    public Integer smallInteger(JsonNode parent, String field, String path, boolean required, int min) {
        Long v = integer(parent, field, path, required, min);
        if (v == null) return null;
        if (v > Integer.MAX_VALUE) throw error(at(path, field), v + " is too large");
        return v.intValue();
    }

    /** A finite number ≥ {@code min}. */
    public Double number(JsonNode parent, String field, String path, boolean required, double min) {
        JsonNode v = get(parent, field, path, required);
        if (v == null) return null;
        return number(v, at(path, field), min);
    }

    /** {@code v} as a finite number ≥ {@code min}. */
    public double number(JsonNode v, String path, double min) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) throw error(path, "not a finite number");
        if (v.doubleValue() < min) throw error(path, v.doubleValue() + " is below " + min);
        return v.doubleValue();
    }

    public Boolean bool(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = get(parent, field, path, required);
        if (v == null) return null;
        if (!v.isBoolean()) throw error(at(path, field), "not true or false");
        return v.booleanValue();
    }

    /** A list of text, each item checked. */
    public void texts(JsonNode parent, String field, String path, boolean required) {
        JsonNode a = array(parent, field, path, required);
        if (a == null) return;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) throw error(at(path, field) + "[" + i + "]", "not text");
        }
    }
}
