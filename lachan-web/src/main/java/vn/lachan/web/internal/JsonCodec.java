package vn.lachan.web.internal;

import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads and writes the API's JSON with Jackson 3: snake_case names, unknown fields and wrong types refused
 * (as 400 problems that name the field), and serves as Javalin's {@link JsonMapper}.
 *
 * <p>Thread-safe.
 */
public final class JsonCodec implements JsonMapper {
    private final tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a number or boolean where text is expected is a mistake to name, not a value to convert
            .withCoercionConfig(
                    LogicalType.Textual,
                    text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** Returns the JSON text of {@code value}. */
    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** Returns the compact JSON bytes of a tree. */
    public byte[] compact(JsonNode node) {
        return mapper.writeValueAsBytes(node);
    }

    /** Parses JSON text into a tree, or throws a 400 problem that says where it is malformed. */
    public JsonNode tree(byte[] json, String what) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw malformed(e, what);
        }
    }

    /**
     * Returns where each element of the JSON array {@code json} lies in it, exactly as the text spells it:
     * the start and the end (exclusive) of each, two ints per element, blanks and commas left out. Throws a
     * 400 problem that says where the text is malformed, or that it is not one array.
     *
     * @param what what the text is, for the problem (e.g. "the JSON array body")
     */
    public int[] elementSpans(byte[] json, String what) {
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ApiProblem.of(400, "malformed-json", "Malformed JSON", what + " is not a JSON array");
            }
            int[] spans = new int[16];
            int n = 0;
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                if (n > 0) {
                    spans[2 * n - 1] = endBefore(json, start);
                }
                if (2 * n + 2 > spans.length) {
                    spans = java.util.Arrays.copyOf(spans, spans.length * 2);
                }
                spans[2 * n] = start;
                n++;
            }
            if (n > 0) {
                spans[2 * n - 1] =
                        endBefore(json, (int) parser.currentTokenLocation().getByteOffset());
            }
            if (parser.nextToken() != null) {
                throw ApiProblem.of(400, "malformed-json", "Malformed JSON", what + " holds more after its array");
            }
            return java.util.Arrays.copyOf(spans, 2 * n);
        } catch (JacksonException e) {
            throw malformed(e, what);
        }
    }

    /** Returns the end of the element before {@code next}: past its last byte, before the blanks and a comma. */
    private static int endBefore(byte[] json, int next) {
        int i = next;
        while (i > 0 && isBlank(json[i - 1])) {
            i--;
        }
        if (i > 0 && json[i - 1] == ',') {
            i--;
        }
        while (i > 0 && isBlank(json[i - 1])) {
            i--;
        }
        return i;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Parses a JSON tree, or returns null when the text is not exactly one JSON value. */
    public @org.jspecify.annotations.Nullable JsonNode treeOrNull(byte[] json, int offset, int length) {
        try {
            return mapper.readTree(json, offset, length);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Reads a request body into {@code type}; throws a 400 problem naming the field for an unknown field, a
     * wrong type or malformed JSON.
     */
    public <T> T read(byte[] json, Class<T> type) {
        if (json.length == 0) {
            throw ApiProblem.of(400, "empty-body", "Empty request body", "the request needs a JSON body");
        }
        try {
            return mapper.readValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            String known = e.getKnownPropertyIds().stream()
                    .map(String::valueOf)
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw ApiProblem.invalidField(field, "unknown field; the known fields here are: " + known);
        } catch (MismatchedInputException e) {
            throw ApiProblem.invalidField(path(e), "expected " + expected(e.getTargetType()));
        } catch (StreamReadException e) {
            throw malformed(e, "the request body");
        } catch (JacksonException e) {
            throw ApiProblem.invalidField(path(e), e.getOriginalMessage());
        }
    }

    private static ApiProblem malformed(JacksonException e, String what) {
        var location = e.getLocation();
        String where = location == null
                ? ""
                : String.format(Locale.ROOT, " at line %d, column %d", location.getLineNr(), location.getColumnNr());
        return ApiProblem.of(
                400,
                "malformed-json",
                "Malformed JSON",
                what + " is not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(body)" : out.toString();
    }

    private static String expected(@org.jspecify.annotations.Nullable Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a value of type " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return mapper.writeValueAsString(obj);
    }

    @Override
    @SuppressWarnings("TypeParameterUnusedInFormals") // Javalin's interface
    public <T> T fromJsonString(String json, Type type) {
        return mapper.readValue(json, mapper.constructType(type));
    }
}
