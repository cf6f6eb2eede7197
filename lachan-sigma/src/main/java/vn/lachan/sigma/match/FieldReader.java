package vn.lachan.sigma.match;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.logsource.Layout;

/**
 * Reads fields of an event under Sigma names, through the event's layout: the layout's own paths
 * first, then its flattened containers, then a literal top-level key, then a nested dotted path.
 * Immutable apart from a cache of split dotted names; safe to share between threads.
 */
final class FieldReader {
    private static final int MAX_DOTTED_CACHE = 10_000;

    private final String[] markers;
    private final String[] names;
    private final List<Map<String, String[]>> paths;
    private final String[][][] flatten;
    private final boolean[] spaceless;
    private final List<java.util.Set<String>> keywordSkip;
    private final ConcurrentHashMap<String, String[]> dotted = new ConcurrentHashMap<>();

    FieldReader(List<Layout> layouts) {
        int n = layouts.size();
        markers = new String[n];
        names = new String[n];
        flatten = new String[n][][];
        spaceless = new boolean[n];
        paths = new java.util.ArrayList<>(n);
        keywordSkip = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Layout layout = layouts.get(i);
            String marker = layout.marker();
            markers[i] = marker == null ? "" : marker;
            names[i] = layout.name();
            spaceless[i] = layout.spacelessKeys();
            keywordSkip.add(java.util.Set.copyOf(layout.keywordSkip()));
            Map<String, String[]> fields = new java.util.HashMap<>();
            layout.fields().forEach((field, path) -> fields.put(field, path.toArray(String[]::new)));
            paths.add(Map.copyOf(fields));
            flatten[i] =
                    layout.flatten().stream().map(p -> p.toArray(String[]::new)).toArray(String[][]::new);
        }
    }

    /** Returns the index of the first layout whose marker key is present, or of a marker-less one, or -1. */
    int layoutOf(Map<String, ?> event) {
        for (int i = 0; i < markers.length; i++) {
            if (markers[i].isEmpty() || event.containsKey(markers[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Returns whether a whole-event keyword search leaves the top-level key out in this layout. */
    boolean keywordSkipped(int layout, String key) {
        return layout >= 0 && keywordSkip.get(layout).contains(key);
    }

    /** Returns the layout's name, or {@code none}. */
    String name(int layout) {
        return layout < 0 ? "none" : names[layout];
    }

    /** Adds the layout's flattened containers found in the event to {@code out}. */
    void containers(int layout, Map<String, ?> event, List<Map<?, ?>> out) {
        if (layout < 0) {
            return;
        }
        for (String[] path : flatten[layout]) {
            collect(event, path, 0, out);
        }
    }

    private static void collect(@Nullable Object node, String[] path, int at, List<Map<?, ?>> out) {
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        if (at == path.length) {
            out.add(map);
            return;
        }
        if (path[at].equals("*")) {
            for (Object child : map.values()) {
                collect(child, path, at + 1, out);
            }
        } else {
            collect(map.get(path[at]), path, at + 1, out);
        }
    }

    /** Returns the field's value, JSON null as null, or {@link Values#MISSING}. */
    @Nullable
    Object read(int layout, Map<String, ?> event, List<Map<?, ?>> containers, String field) {
        if (layout >= 0) {
            String[] path = paths.get(layout).get(field);
            if (path != null) {
                return follow(event, path);
            }
        }
        for (int i = 0; i < containers.size(); i++) {
            Object value = lookup(containers.get(i), field);
            if (value != Values.MISSING) {
                return value;
            }
        }
        if (layout >= 0 && spaceless[layout] && !containers.isEmpty()) {
            Object spaced = spaced(containers, field);
            if (spaced != Values.MISSING) {
                return spaced;
            }
        }
        Object value = lookup(event, field);
        if (value != Values.MISSING || field.indexOf('.') < 0) {
            return value;
        }
        return follow(event, split(field));
    }

    private String[] split(String field) {
        String[] cached = dotted.get(field);
        if (cached != null) {
            return cached;
        }
        String[] parts = field.split("\\.", -1);
        if (dotted.size() < MAX_DOTTED_CACHE) {
            dotted.put(field, parts);
        }
        return parts;
    }

    /** Returns the value of a container key that equals the field once its spaces are removed. */
    private static @Nullable Object spaced(List<Map<?, ?>> containers, String field) {
        for (int i = 0; i < containers.size(); i++) {
            for (Map.Entry<?, ?> e : containers.get(i).entrySet()) {
                if (e.getKey() instanceof String key && key.indexOf(' ') >= 0 && equalsWithoutSpaces(key, field)) {
                    return e.getValue();
                }
            }
        }
        return Values.MISSING;
    }

    private static boolean equalsWithoutSpaces(String spaced, String field) {
        int j = 0;
        for (int i = 0; i < spaced.length(); i++) {
            char c = spaced.charAt(i);
            if (c != ' ') {
                if (j >= field.length() || field.charAt(j) != c) {
                    return false;
                }
                j++;
            }
        }
        return j == field.length();
    }

    /** Returns the key's value, null for JSON null, or MISSING, with one lookup in the common case. */
    static @Nullable Object lookup(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null && !map.containsKey(key)) {
            return Values.MISSING;
        }
        return value;
    }

    private static @Nullable Object follow(Map<String, ?> event, String[] path) {
        Object node = event;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return Values.MISSING;
            }
            node = lookup(map, key);
            if (node == Values.MISSING) {
                return node;
            }
        }
        return node;
    }
}
