package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one event's fields through its layout, with the layout decided and its containers found
 * once per event. Mutable and reused: one per thread (see {@link Evaluator}).
 */
final class EventView {
    private final FieldReader reader;
    private final List<Map<?, ?>> containers = new ArrayList<>(4);
    private Map<String, ?> event = Map.of();
    private int layout = -1;

    EventView(FieldReader reader) {
        this.reader = reader;
    }

    void bind(Map<String, ?> fields) {
        event = fields;
        layout = reader.layoutOf(fields);
        containers.clear();
        reader.containers(layout, fields, containers);
    }

    /** Returns the field's value, null for JSON null, or {@link Values#MISSING}. */
    @Nullable
    Object get(String field) {
        return reader.read(layout, event, containers, field);
    }

    /** Returns whether a keyword search over the whole event leaves this top-level key out. */
    boolean keywordSkipped(String key) {
        return reader.keywordSkipped(layout, key);
    }

    Map<String, ?> event() {
        return event;
    }

    int layout() {
        return layout;
    }
}
