package vn.lachan.ingest.normalize;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Finds a value by a dotted path, walking nested objects and matching dotted keys as written. */
final class Paths {
    private Paths() {}

    /** Returns the value at {@code path}, a {@code #text} of an element with attributes unwrapped. */
    static @Nullable Object get(Map<String, @Nullable Object> fields, String path) {
        Object value = walk(fields, path);
        if (value instanceof Map<?, ?> element && element.containsKey("#text")) {
            return element.get("#text");
        }
        return value;
    }

    private static @Nullable Object walk(Map<?, ?> map, String path) {
        if (map.containsKey(path)) {
            return map.get(path);
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            Object head = map.get(path.substring(0, dot));
            if (head instanceof Map<?, ?> nested) {
                Object found = walk(nested, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }
}
