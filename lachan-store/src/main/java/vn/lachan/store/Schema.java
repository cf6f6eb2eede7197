package vn.lachan.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.query.Query;

/**
 * Holds the field types of one partition: the bundled ECS types, then each other field typed by its
 * first value; counts the values that did not fit their field's type (kept as keywords, never refused).
 *
 * <p>Thread-safe: the writer adds fields while searchers read types.
 */
final class Schema {
    static final String FILE = "schema.json";
    private static final Map<String, FieldType> ECS = loadEcs();

    private final Map<String, FieldType> inferred = new ConcurrentHashMap<>();
    private final Map<String, Long> conflicts = new ConcurrentHashMap<>();

    /** Returns the type of {@code field} in this partition, or null when no event had it. */
    @Nullable
    FieldType type(String field) {
        FieldType ecs = ECS.get(field);
        return ecs != null ? ecs : inferred.get(field);
    }

    /** Returns the type that an ECS field has in every partition, or null when it is not one. */
    static @Nullable FieldType ecsType(String field) {
        return ECS.get(field);
    }

    /** Returns the field's type, inferring it from {@code value} when the field is new. */
    FieldType typeFor(String field, Object value) {
        FieldType known = type(field);
        return known != null ? known : inferred.computeIfAbsent(field, f -> infer(value));
    }

    void countConflict(String field) {
        conflicts.merge(field, 1L, Long::sum);
    }

    /** Returns how many values did not fit their field's type, per field. */
    Map<String, Long> conflicts() {
        return Map.copyOf(conflicts);
    }

    static FieldType infer(Object value) {
        return switch (value) {
            case Long l -> FieldType.LONG;
            case Integer i -> FieldType.LONG;
            case BigInteger b -> FieldType.LONG;
            case Double d -> FieldType.DOUBLE;
            case String s when Query.isIp(s) -> FieldType.IP;
            default -> FieldType.KEYWORD;
        };
    }

    void save(Path dir) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> types = new TreeMap<>();
        inferred.forEach((k, v) -> types.put(k, v.label()));
        json.put("fields", types);
        json.put("conflicts", new TreeMap<>(conflicts));
        Json.writeAtomically(dir.resolve(FILE), json);
    }

    static Schema load(Path dir) {
        Schema schema = new Schema();
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return schema;
        }
        Map<String, @Nullable Object> json = Json.readMap(file);
        Json.map(json.get("fields")).forEach((k, v) -> schema.inferred.put(k, FieldType.parse(String.valueOf(v))));
        Json.map(json.get("conflicts"))
                .forEach((k, v) -> schema.conflicts.put(k, ((Number) Objects.requireNonNull(v)).longValue()));
        return schema;
    }

    private static Map<String, FieldType> loadEcs() {
        Map<String, FieldType> types = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(
                        Schema.class.getResourceAsStream("ecs-fields.txt"), "bundled ecs-fields.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] parts = trimmed.split("\\s+");
                    types.put(parts[0], FieldType.parse(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled ECS field types", e);
        }
        return Map.copyOf(types);
    }
}
