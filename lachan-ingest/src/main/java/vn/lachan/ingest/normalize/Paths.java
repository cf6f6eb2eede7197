package vn.lachan.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Finds a value by a dotted path, walking nested objects and matching dotted keys as written. */
final class Paths {
    /** Paths seen through {@link #get(Map, String)}: code and mapping constants, a few dozen. */
    private static final int CACHED = 4096;

    private static final Map<String, Dotted> CACHE = new ConcurrentHashMap<>();

    private Paths() {}

    /**
     * Holds a dotted path split once: for each dot, the key before it and the path after it, so that a walk
     * cuts no substrings (it cut two per dot on every event).
     */
    record Dotted(String path, String[] heads, Dotted[] tails) {}

    /** Returns {@code path} split at its dots. */
    static Dotted compile(String path) {
        List<String> heads = new ArrayList<>();
        List<Dotted> tails = new ArrayList<>();
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            heads.add(path.substring(0, dot));
            tails.add(compile(path.substring(dot + 1)));
        }
        return new Dotted(path, heads.toArray(String[]::new), tails.toArray(Dotted[]::new));
    }

    /** Returns the value at {@code path}, a {@code #text} of an element with attributes unwrapped. */
    static @Nullable Object get(Map<String, @Nullable Object> fields, String path) {
        Dotted dotted = CACHE.get(path);
        if (dotted == null) {
            dotted = compile(path);
            if (CACHE.size() < CACHED) {
                CACHE.put(path, dotted);
            }
        }
        return get(fields, dotted);
    }

    /** Returns the value at {@code path}, a {@code #text} of an element with attributes unwrapped. */
    static @Nullable Object get(Map<String, @Nullable Object> fields, Dotted path) {
        Object value = walk(fields, path);
        if (value instanceof Map<?, ?> element && element.containsKey("#text")) {
            return element.get("#text");
        }
        return value;
    }

    private static @Nullable Object walk(Map<?, ?> map, Dotted path) {
        if (map.containsKey(path.path())) {
            return map.get(path.path());
        }
        String[] heads = path.heads();
        for (int i = 0; i < heads.length; i++) {
            if (map.get(heads[i]) instanceof Map<?, ?> nested) {
                Object found = walk(nested, path.tails()[i]);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
