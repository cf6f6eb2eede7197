package vn.lachan.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JsonTokenId;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import vn.lachan.ingest.normalize.EcsNormalizer;

/**
 * Reads one JSON object (ECS, Winlogbeat, NXLog flat, evtx_dump) into a field tree and adds the ECS
 * fields of {@link EcsNormalizer}. Objects keep the order the record gives their fields in. Integers become
 * {@link Long} or {@link java.math.BigInteger}, other numbers {@link Double}. Thread-safe.
 */
final class JsonRecords {
    private final JsonFactory factory = JsonFactory.builder().build();
    private final EcsNormalizer normalizer;

    JsonRecords(EcsNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Parses {@code text} into {@code out}; returns null when parsed, else why it is not one JSON object. */
    @Nullable
    String parse(String text, Event out) {
        return parse(factory.createParser(ObjectReadContext.empty(), text), out);
    }

    /**
     * Parses the well-formed UTF-8 in {@code bytes[from, to)} into {@code out} the way {@link #parse(String,
     * Event)} parses its decoded text, without the string and the char copy; returns whether it parsed. When
     * it did not, {@code out} is untouched: the caller parses the decoded text instead, for the reason with
     * columns counted in chars.
     */
    boolean parse(byte[] bytes, int from, int to, Event out) {
        return parse(factory.createParser(ObjectReadContext.empty(), bytes, from, to - from), out) == null;
    }

    private @Nullable String parse(JsonParser opened, Event out) {
        Map<String, @Nullable Object> fields;
        try (JsonParser parser = opened) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return first == null
                        ? "the record is empty, not a JSON object"
                        : "the record holds a JSON " + first.name().toLowerCase(Locale.ROOT) + ", not a JSON object";
            }
            fields = readObject(parser);
            if (parser.nextToken() != null) {
                return "the record goes on after the JSON object closes at column "
                        + parser.currentLocation().getColumnNr();
            }
        } catch (IllegalStateException e) {
            return "malformed JSON: " + e.getMessage();
        } catch (JacksonException e) {
            var where = e.getLocation();
            return "malformed JSON" + (where == null ? "" : " at column " + where.getColumnNr()) + ": "
                    + e.getOriginalMessage();
        }
        // the map is this parse's own, in the event's order: the ECS fields go straight in, no ordered copy
        EcsNormalizer.Normalized normalized = normalizer.normalizeInPlace(fields);
        out.adopt(normalized.fields());
        out.time(normalized.time());
        return null;
    }

    private static Map<String, @Nullable Object> readObject(JsonParser parser) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            map.put(name, readValue(parser, parser.nextToken()));
        }
        return map;
    }

    private static @Nullable Object readValue(JsonParser parser, @Nullable JsonToken token) {
        if (token == null) {
            throw new IllegalStateException("the JSON input ended inside a value");
        }
        return switch (token.id()) {
            case JsonTokenId.ID_STRING -> parser.getString();
            case JsonTokenId.ID_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT, LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                };
            case JsonTokenId.ID_NUMBER_FLOAT -> parser.getDoubleValue();
            case JsonTokenId.ID_TRUE -> Boolean.TRUE;
            case JsonTokenId.ID_FALSE -> Boolean.FALSE;
            case JsonTokenId.ID_NULL -> null;
            case JsonTokenId.ID_START_OBJECT -> readObject(parser);
            case JsonTokenId.ID_START_ARRAY -> readArray(parser);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private static List<@Nullable Object> readArray(JsonParser parser) {
        List<@Nullable Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            list.add(readValue(parser, token));
        }
        return list;
    }
}
