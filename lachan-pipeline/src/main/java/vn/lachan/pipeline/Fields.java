package vn.lachan.pipeline;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads ECS values out of event field trees, written as dotted keys or as nested objects. */
final class Fields {
    private Fields() {}

    /** Returns the first text value at {@code path}, or null when absent or not a scalar. */
    static @Nullable String text(Map<String, @Nullable Object> fields, String path) {
        Object value = get(fields, path);
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

    @SuppressWarnings("unchecked")
    static @Nullable Object get(Map<String, @Nullable Object> fields, String path) {
        Object direct = fields.get(path);
        if (direct != null) {
            return direct;
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            Object head = fields.get(path.substring(0, dot));
            if (head instanceof Map<?, ?> m) {
                Object nested = get((Map<String, @Nullable Object>) m, path.substring(dot + 1));
                if (nested != null) {
                    return nested;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }
}
