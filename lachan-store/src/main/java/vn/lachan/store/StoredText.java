package vn.lachan.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.jspecify.annotations.Nullable;

/**
 * Reads the values of one field from a stored event (its stored fields, or its original text rebuilt by
 * the store's function), to verify a phrase on text indexed without positions (layout 3).
 */
final class StoredText {
    private final @Nullable Function<String, Map<String, @Nullable Object>> fieldsOfRaw;

    StoredText(@Nullable Function<String, Map<String, @Nullable Object>> fieldsOfRaw) {
        this.fieldsOfRaw = fieldsOfRaw;
    }

    /** Returns the text values of {@code field} in document {@code doc}, each as the builder indexed it. */
    List<String> values(StoredFields stored, int doc, String field) throws IOException {
        Document d = stored.document(doc, StoredSource.FIELDS);
        Map<String, @Nullable Object> fields =
                StoredSource.fields(d, "a segment searched for a phrase", doc, fieldsOfRaw);
        if (fields == null) {
            throw new Refusal("a phrase on " + field + " is checked on the stored events, which this store"
                    + " cannot read back: open it with the function that rebuilds the fields");
        }
        List<String> values = new ArrayList<>(1);
        collect(fields, field, values);
        return values;
    }

    /** Collects the values at a dotted name the way the builder flattens nested maps and lists. */
    private static void collect(Map<String, @Nullable Object> fields, String field, List<String> out) {
        for (Map.Entry<String, @Nullable Object> e : fields.entrySet()) {
            String key = e.getKey();
            if (key.equals(field)) {
                leaves(e.getValue(), null, out);
            } else if (field.startsWith(key) && field.length() > key.length() && field.charAt(key.length()) == '.') {
                leaves(e.getValue(), field.substring(key.length() + 1), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void leaves(@Nullable Object value, @Nullable String rest, List<String> out) {
        if (value instanceof List<?> list) {
            list.forEach(v -> leaves(v, rest, out));
        } else if (value instanceof Map<?, ?> m) {
            if (rest != null) {
                collect((Map<String, @Nullable Object>) m, rest, out);
            }
        } else if (value != null && rest == null) {
            out.add(EventDocuments.text(value));
        }
    }
}
