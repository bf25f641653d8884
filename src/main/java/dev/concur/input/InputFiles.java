package dev.concur.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opening the files users give concur (reports, JMH JSON, suite files), with the checks every
 * format shares: the path is a readable regular file of sane size, the bytes are UTF-8, JSON is one
 * well-formed document with no duplicate keys and bounded nesting. Every failure is an
 * {@link InputException} whose one line starts with the file's name.
 */
public final class InputFiles {
    /** Larger inputs are refused rather than read into memory: no real report comes near it. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    /** Deeper JSON is refused (Jackson's own default is 1000; no concur or JMH file nests past 10). */
    public static final int MAX_NESTING = 200;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    private InputFiles() {}

    /** The file's bytes, after the checks every input shares. */
    public static byte[] readBytes(Path path, String what) {
        String name = path.toString();
        if (Files.isDirectory(path)) throw new InputException(name + ": is a directory, not " + what);
        if (!Files.exists(path)) throw new InputException(name + ": no such file");
        if (!Files.isRegularFile(path)) throw new InputException(name + ": not a regular file");
        try {
            long size = Files.size(path);
            if (size == 0) throw new InputException(name + ": the file is empty");
            if (size > MAX_BYTES) throw new InputException(name + ": " + size + " bytes is too large (at most " + MAX_BYTES + ")");
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** The file as UTF-8 text. */
    public static String readText(Path path, String what) {
        byte[] bytes = readBytes(path, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(path + ": not valid UTF-8 text");
        }
    }

    /** The file as one JSON document. */
    public static JsonNode readJson(Path path, String what) {
        String text = readText(path, what);
        if (text.isBlank()) throw new InputException(path + ": the file is empty");
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || root.isMissingNode()) throw new InputException(path + ": the file is empty");
            return root;
        } catch (JsonProcessingException e) {
            throw new InputException(path + ": " + describe(e));
        }
    }

    /** A JSON syntax problem in one line: what and where. */
    static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        String first = msg.lines().findFirst().orElse(msg);
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "JSON nested deeper than " + MAX_NESTING + " levels";
        }
        String what = first.startsWith("Unexpected end-of-input") ? "truncated JSON" : "not valid JSON";
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() <= 0 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        // Jackson's advice to library users ("enable `JsonReadFeature...` to allow") is not for our users
        String problem = first.replaceAll(" at \\[Source:.*$", "").replaceAll(": enable `[^`]*` to allow.*$", "");
        return what + " (" + where + problem + ")";
    }
}
