package vn.lachan.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stored event's normalized fields from whichever form its document holds: the binary fields
 * (layout 5), their JSON (layouts 1 to 4), or the original text rebuilt by the store's function. Stored
 * fields that cannot be decoded are not a failure of the search: the fields are rebuilt from the original
 * when the store can, else the event comes back with only {@value #ISSUE}, saying where and what.
 */
final class StoredSource {
    /** The field that says why an event's stored fields could not be read. */
    static final String ISSUE = "lachan.fields.issue";
    /** The stored fields that hold the normalized fields, in any layout. */
    static final Set<String> FIELDS = Set.of(EventDocuments.FIELDS_BINARY, EventDocuments.FIELDS, EventDocuments.RAW);

    private StoredSource() {}

    /**
     * Returns the fields of {@code d}, document {@code doc} of {@code partition} (e.g. "partition
     * 2026-03-01"; both only named in an issue); null when the document holds neither stored fields nor, with a function to
     * rebuild them, its original.
     */
    static @Nullable Map<String, @Nullable Object> fields(
            Document d,
            String partition,
            int doc,
            @Nullable Function<String, Map<String, @Nullable Object>> fieldsOfRaw) {
        BytesRef binary = d.getBinaryValue(EventDocuments.FIELDS_BINARY);
        if (binary != null) {
            try {
                return FieldsDecoder.decode(binary.bytes, binary.offset, binary.length);
            } catch (FieldsDecoder.CorruptFieldsException e) {
                return unreadable(d, fieldsOfRaw, partition + ", document " + doc + ": " + e.getMessage());
            }
        }
        BytesRef json = d.getBinaryValue(EventDocuments.FIELDS);
        if (json != null) {
            try {
                return Json.parse(json.utf8ToString());
            } catch (RuntimeException e) {
                return unreadable(
                        d, fieldsOfRaw, partition + ", document " + doc + ": bad fields JSON: " + e.getMessage());
            }
        }
        BytesRef raw = d.getBinaryValue(EventDocuments.RAW);
        return raw == null || fieldsOfRaw == null ? null : fieldsOfRaw.apply(raw.utf8ToString());
    }

    private static Map<String, @Nullable Object> unreadable(
            Document d, @Nullable Function<String, Map<String, @Nullable Object>> fieldsOfRaw, String why) {
        BytesRef raw = d.getBinaryValue(EventDocuments.RAW);
        if (raw != null && fieldsOfRaw != null) {
            Map<String, @Nullable Object> rebuilt = new LinkedHashMap<>(fieldsOfRaw.apply(raw.utf8ToString()));
            rebuilt.put(ISSUE, why + " (fields rebuilt from the original)");
            return rebuilt;
        }
        Map<String, @Nullable Object> issue = new LinkedHashMap<>();
        issue.put(ISSUE, why + " (the original text is intact)");
        return issue;
    }
}
