package vn.lachan.pipeline;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.normalize.EcsNormalizer;

/** Reads ECS values out of event field trees, written as dotted keys or as nested objects. */
final class Fields {
    private Fields() {}

    /** Returns the first text value at {@code path}, or null when absent or not a scalar. */
    static @Nullable String text(Map<String, @Nullable Object> fields, String path) {
        Object value = EcsNormalizer.valueAt(fields, path);
        if (value instanceof List<?> list && !list.isEmpty()) {
            value = list.getFirst();
        }
        return switch (value) {
            case null -> null;
            case String s -> s.isEmpty() ? null : s;
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> null;
        };
    }
}
