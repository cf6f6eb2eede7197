package vn.lachan.ingest.normalize;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Holds the layouts, data fields and types read from a mapping YAML. */
record MappingTable(List<Layout> layouts, Map<String, List<String>> data, Map<String, Values.Type> types) {
    /** One layout: the path that tells it, its event-data prefix and its system fields. */
    record Layout(String name, String when, String data, Map<String, List<String>> system) {}

    @Nullable
    Layout layoutOf(Map<String, @Nullable Object> fields) {
        for (Layout layout : layouts) {
            if (Paths.get(fields, layout.when()) != null) {
                return layout;
            }
        }
        return null;
    }

    Values.Type type(String ecs) {
        return types.getOrDefault(ecs, Values.Type.TEXT);
    }

    static MappingTable read(InputStream in, String name) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(name).build()).loadFromInputStream(in);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        Map<?, ?> top = map(root, name, "the top level");
        List<Layout> layouts = new ArrayList<>();
        for (Object item : list(top.get("layouts"), name, "layouts")) {
            Map<?, ?> layout = map(item, name, "a layout");
            layouts.add(new Layout(
                    text(layout.get("name"), name, "layout name"),
                    text(layout.get("when"), name, "layout when"),
                    layout.get("data") == null ? "" : text(layout.get("data"), name, "layout data"),
                    paths(layout.get("system"), name)));
        }
        Map<String, Values.Type> types = new LinkedHashMap<>();
        Object typeMap = top.get("types");
        if (typeMap != null) {
            map(typeMap, name, "types").forEach((k, v) -> types.put(String.valueOf(k), type(v, name)));
        }
        return new MappingTable(List.copyOf(layouts), paths(top.get("data"), name), Map.copyOf(types));
    }

    private static Map<String, List<String>> paths(@Nullable Object value, String name) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (value != null) {
            map(value, name, "a field table")
                    .forEach((k, v) -> out.put(
                            String.valueOf(k),
                            list(v, name, k).stream().map(String::valueOf).toList()));
        }
        return out;
    }

    private static Values.Type type(@Nullable Object value, String name) {
        try {
            return Values.Type.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": unknown type '" + value + "'; use time, long, ip or text", e);
        }
    }

    private static Map<?, ?> map(@Nullable Object value, String name, Object what) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(name + ": " + what + " must be a mapping");
    }

    private static List<?> list(@Nullable Object value, String name, Object what) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(name + ": " + what + " must be a list");
    }

    private static String text(@Nullable Object value, String name, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(name + ": " + what + " must be text");
    }
}
