package vn.lachan.store;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers, per partition schema and field name, the type {@link Schema#typeFor} gave and whether the
 * field is an ECS one, so that a document builder looks a name up once per value instead of three times:
 * a field's type never changes once its partition has it. One per indexing thread, not thread-safe.
 */
final class FieldTypes {
    /** Most names kept per schema, and schemas kept: events whose names never repeat must not grow the heap. */
    private static final int MAX_NAMES = 4096;

    private static final int MAX_SCHEMAS = 16;

    /** A field's type in one partition, and whether it is an ECS field. */
    record Typed(FieldType type, boolean ecs) {}

    private final Map<Schema, Map<String, Typed>> bySchema = new IdentityHashMap<>();
    private Schema last = new Schema();
    private Map<String, Typed> lastNames = new HashMap<>();

    /** Returns the type of {@code name} in {@code schema}, inferred from {@code value} when new there. */
    Typed typeFor(Schema schema, String name, Object value) {
        Map<String, Typed> names = names(schema);
        Typed typed = names.get(name);
        if (typed == null) {
            typed = new Typed(schema.typeFor(name, value), Schema.ecsType(name) != null);
            if (names.size() < MAX_NAMES) {
                names.put(name, typed);
            }
        }
        return typed;
    }

    private Map<String, Typed> names(Schema schema) {
        if (schema != last) {
            if (bySchema.size() >= MAX_SCHEMAS && !bySchema.containsKey(schema)) {
                bySchema.clear(); // partitions come and go with the days: start afresh rather than grow
            }
            last = schema;
            lastNames = bySchema.computeIfAbsent(schema, s -> new HashMap<>());
        }
        return lastNames;
    }
}
