package vn.lachan.ingest.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JsonTokenId;

/**
 * Builds the field tree of an event straight from parser tokens, with no intermediate node tree.
 *
 * <p>Integers become {@link Long} or {@link java.math.BigInteger}, other numbers {@link Double},
 * JSON null Java null. A key given twice keeps its last value. Not thread-safe: one per parser.
 */
final class JsonTree {
    private JsonTree() {}

    /** Reads the object whose START_OBJECT token is current, up to and including its END_OBJECT. */
    static Map<String, @Nullable Object> readObject(JsonParser parser) {
        Map<String, @Nullable Object> map = new HashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            map.put(name, readValue(parser, token));
        }
        return map;
    }

    /** Reads the value whose first token is {@code token}. */
    static @Nullable Object readValue(JsonParser parser, @Nullable JsonToken token) {
        if (token == null) {
            throw new IllegalStateException("the JSON input ended inside a value");
        }
        return switch (token.id()) {
            case JsonTokenId.ID_STRING -> parser.getString();
            case JsonTokenId.ID_NUMBER_INT -> readInteger(parser);
            case JsonTokenId.ID_NUMBER_FLOAT -> parser.getDoubleValue();
            case JsonTokenId.ID_TRUE -> Boolean.TRUE;
            case JsonTokenId.ID_FALSE -> Boolean.FALSE;
            case JsonTokenId.ID_NULL -> null;
            case JsonTokenId.ID_START_OBJECT -> readObject(parser);
            case JsonTokenId.ID_START_ARRAY -> readArray(parser);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private static Object readInteger(JsonParser parser) {
        return switch (parser.getNumberType()) {
            case INT, LONG -> parser.getLongValue();
            default -> parser.getBigIntegerValue();
        };
    }

    private static List<@Nullable Object> readArray(JsonParser parser) {
        List<@Nullable Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            list.add(readValue(parser, token));
        }
        return list;
    }

    /** Names a JSON value's kind as a person would, for messages such as "holds a number, not an object". */
    static String describe(@Nullable JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token.id()) {
            case JsonTokenId.ID_STRING -> "a string";
            case JsonTokenId.ID_NUMBER_INT, JsonTokenId.ID_NUMBER_FLOAT -> "a number";
            case JsonTokenId.ID_TRUE, JsonTokenId.ID_FALSE -> "a boolean";
            case JsonTokenId.ID_NULL -> "null";
            case JsonTokenId.ID_START_ARRAY -> "an array";
            default -> "a " + token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
