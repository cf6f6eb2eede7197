package vn.lachan.ingest.evtx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.evtx.Instantiator.Resolved;
import vn.lachan.ingest.evtx.Instantiator.ResolvedAttribute;

/**
 * Lays a resolved record out as the JSON tree that {@code evtx_dump} (the Rust {@code evtx} crate)
 * writes: element names as keys, {@code #attributes} and {@code #text} where an element has both,
 * text alone as a value (integers and booleans as numbers), empty elements as null, repeated
 * elements as {@code Name}, {@code Name_1}, ..., and the {@code Data} elements of {@code
 * EventData}/{@code UserData} keyed by their {@code Name} attribute (or, without names, gathered
 * under {@code Data.#text}).
 */
final class EventJson {
    private static final String DATA = "Data";

    private EventJson() {}

    /** Returns {@code {root name: root value}}. */
    static Map<String, @Nullable Object> layout(Resolved root) {
        Map<String, @Nullable Object> event = new LinkedHashMap<>(2);
        event.put(root.name(), value(root, false));
        return event;
    }

    private static @Nullable Object value(Resolved element, boolean dataContainer) {
        boolean hasText = hasText(element.content());
        boolean attributeText = hasAttributeText(element);
        if (!element.hasElementChild() && !attributeText) {
            return hasText ? text(element.content()) : null;
        }
        return body(element, dataContainer);
    }

    private static Map<String, @Nullable Object> body(Resolved element, boolean dataContainer) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
        for (ResolvedAttribute attribute : element.attributes()) {
            if (hasText(attribute.value())) {
                attributes.put(attribute.name(), text(attribute.value()));
            }
        }
        if (!attributes.isEmpty()) {
            body.put("#attributes", attributes);
        }
        if (hasText(element.content())) {
            body.put("#text", text(element.content()));
        }
        boolean namedData = dataContainer && hasNamedData(element);
        boolean positionalDataDone = false;
        Map<String, Integer> seen = new HashMap<>();
        for (Object item : element.content()) {
            if (!(item instanceof Resolved child)) {
                continue;
            }
            if (dataContainer && child.name().equals(DATA)) {
                if (namedData) {
                    putNamedData(body, child);
                } else if (!positionalDataDone) {
                    body.put(DATA, positionalData(element));
                    positionalDataDone = true;
                }
                continue;
            }
            int count = seen.merge(child.name(), 1, Integer::sum);
            String key = count == 1 ? child.name() : child.name() + "_" + (count - 1);
            body.put(key, value(child, isDataContainer(child.name())));
        }
        return body;
    }

    private static void putNamedData(Map<String, @Nullable Object> body, Resolved data) {
        for (ResolvedAttribute attribute : data.attributes()) {
            if (attribute.name().equals("Name") && hasText(attribute.value())) {
                body.put(plainText(attribute.value()), dataValue(data));
                return;
            }
        }
    }

    private static Map<String, @Nullable Object> positionalData(Resolved container) {
        List<@Nullable Object> values = new ArrayList<>();
        for (Object item : container.content()) {
            if (item instanceof Resolved child && child.name().equals(DATA)) {
                values.add(dataValue(child));
            }
        }
        Map<String, @Nullable Object> data = new LinkedHashMap<>(2);
        data.put("#text", values.size() == 1 ? values.getFirst() : values);
        return data;
    }

    private static @Nullable Object dataValue(Resolved data) {
        if (data.hasElementChild()) {
            return body(data, false);
        }
        return hasText(data.content()) ? text(data.content()) : "";
    }

    private static boolean hasNamedData(Resolved container) {
        for (Object item : container.content()) {
            if (item instanceof Resolved child && child.name().equals(DATA)) {
                for (ResolvedAttribute attribute : child.attributes()) {
                    if (attribute.name().equals("Name") && hasText(attribute.value())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasAttributeText(Resolved element) {
        for (ResolvedAttribute attribute : element.attributes()) {
            if (hasText(attribute.value())) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether the nodes hold text or a value (empty values were dropped while resolving). */
    private static boolean hasText(List<Object> nodes) {
        for (Object node : nodes) {
            if (!(node instanceof Resolved)) {
                return true;
            }
        }
        return false;
    }

    /** Returns a lone integer or boolean as itself, anything else as the concatenated text. */
    private static Object text(List<Object> nodes) {
        @Nullable Object single = null;
        int count = 0;
        for (Object node : nodes) {
            if (!(node instanceof Resolved)) {
                single = node;
                count++;
            }
        }
        if (count == 1 && (single instanceof Long || single instanceof BigInteger || single instanceof Boolean)) {
            return single;
        }
        return count == 1 && single instanceof String text ? text : plainText(nodes);
    }

    private static String plainText(List<Object> nodes) {
        StringBuilder text = new StringBuilder();
        for (Object node : nodes) {
            if (!(node instanceof Resolved)) {
                text.append(node);
            }
        }
        return text.toString();
    }

    private static boolean isDataContainer(String name) {
        return name.equals("EventData") || name.equals("UserData");
    }
}
