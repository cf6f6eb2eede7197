package vn.lachan.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.StoredEvent;

/** Turns stored events into Lucene documents, typing each field by its partition's schema. */
final class EventDocuments {
    static final String ID_HIGH = "_idh";
    static final String ID_LOW = "_idl";
    static final String TIME = "@timestamp";
    static final String ORG = "_org";
    static final String SYSTEM = "_sys";
    static final String RAW = "_raw";
    static final String FIELDS = "_fields";
    static final String CONFLICT = "_conflict";
    /** Longest keyword (in characters) kept whole in doc values, for aggregations; longer ones are cut. */
    static final int DOC_VALUES_LIMIT = 1024;
    /** Longest keyword (in UTF-8 bytes) indexed as a term: Lucene's limit. */
    static final int TERM_LIMIT = 32766;

    private EventDocuments() {}

    /** Returns the field that holds values that did not fit {@code field}'s type, as keywords. */
    static String conflictField(String field) {
        return CONFLICT + ":" + field;
    }

    static Document build(StoredEvent event, Schema schema, boolean storeFields) {
        Document doc = new Document();
        doc.add(new LongField(ID_HIGH, event.id().high(), Field.Store.YES));
        doc.add(new LongField(ID_LOW, event.id().low(), Field.Store.YES));
        doc.add(new LongField(TIME, event.time().toEpochMilli(), Field.Store.NO));
        doc.add(new StringField(ORG, event.organization(), Field.Store.YES));
        doc.add(new StringField(SYSTEM, event.system(), Field.Store.YES));
        // Bytes, not strings: the JDK encodes Latin-1 strings to UTF-8 far faster than Lucene's char loop.
        doc.add(new StoredField(RAW, event.raw().getBytes(StandardCharsets.UTF_8)));
        if (storeFields) {
            doc.add(new StoredField(FIELDS, Json.MAPPER.writeValueAsBytes(event.fields())));
        }
        addAll(doc, "", event.fields(), schema);
        return doc;
    }

    private static void addAll(Document doc, String prefix, Map<String, @Nullable Object> fields, Schema schema) {
        for (Map.Entry<String, @Nullable Object> e : fields.entrySet()) {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            addValue(doc, name, e.getValue(), schema);
        }
    }

    @SuppressWarnings("unchecked")
    private static void addValue(Document doc, String name, @Nullable Object value, Schema schema) {
        switch (value) {
            case null -> {}
            case Map<?, ?> m -> addAll(doc, name, (Map<String, @Nullable Object>) m, schema);
            case List<?> list -> list.forEach(v -> addValue(doc, name, v, schema));
            default -> {
                if (name.equals(TIME)) {
                    return;
                }
                addTyped(doc, name, value, schema);
            }
        }
    }

    private static void addTyped(Document doc, String name, Object value, Schema schema) {
        FieldType type = schema.typeFor(name, value);
        boolean fits = switch (type) {
            case KEYWORD, KEYWORD_CI -> addKeyword(doc, name, text(value), type == FieldType.KEYWORD_CI);
            case TEXT -> {
                // NFC: Vietnamese written decomposed (NFD) must find and be found as composed text.
                doc.add(new TextField(name, Normalizer.normalize(text(value), Normalizer.Form.NFC), Field.Store.NO));
                yield true;
            }
            case LONG -> addLong(doc, name, value);
            case DOUBLE -> addDouble(doc, name, value);
            case IP -> addIp(doc, name, value);
            case DATE -> addDate(doc, name, value);
        };
        if (!fits) {
            schema.countConflict(name);
            doc.add(new StringField(CONFLICT, name, Field.Store.NO));
            String text = text(value);
            if (utf8Length(text) <= TERM_LIMIT) {
                doc.add(new StringField(conflictField(name), text, Field.Store.NO));
            }
        }
    }

    private static boolean addKeyword(Document doc, String name, String text, boolean caseInsensitive) {
        int length = utf8Length(text);
        if (length > TERM_LIMIT) {
            return false;
        }
        BytesRef exact = new BytesRef(text.getBytes(StandardCharsets.UTF_8));
        BytesRef indexed =
                caseInsensitive ? new BytesRef(text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) : exact;
        doc.add(new StringField(name, indexed, Field.Store.NO));
        // Lucene wants the same structure for a field in every document: doc values always, cut short.
        BytesRef value = text.length() <= DOC_VALUES_LIMIT
                ? exact
                : new BytesRef(text.substring(0, DOC_VALUES_LIMIT).getBytes(StandardCharsets.UTF_8));
        doc.add(new SortedSetDocValuesField(name, value));
        return true;
    }

    private static boolean addLong(Document doc, String name, Object value) {
        Long parsed = Values.asLong(value);
        if (parsed == null) {
            return false;
        }
        doc.add(new LongField(name, parsed, Field.Store.NO));
        return true;
    }

    private static boolean addDouble(Document doc, String name, Object value) {
        Double parsed = Values.asDouble(value);
        if (parsed == null) {
            return false;
        }
        doc.add(new DoubleField(name, parsed, Field.Store.NO));
        return true;
    }

    private static boolean addIp(Document doc, String name, Object value) {
        if (!(value instanceof String s) || !Query.isIp(s)) {
            return false;
        }
        java.net.InetAddress address = java.net.InetAddress.ofLiteral(s);
        doc.add(new InetAddressPoint(name, address));
        doc.add(new SortedSetDocValuesField(name, new BytesRef(address.getHostAddress())));
        return true;
    }

    private static boolean addDate(Document doc, String name, Object value) {
        Instant parsed = Values.asInstant(value);
        if (parsed == null) {
            return false;
        }
        doc.add(new LongField(name, parsed.toEpochMilli(), Field.Store.NO));
        return true;
    }

    static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case BigInteger b -> b.toString();
            default -> String.valueOf(value);
        };
    }

    static int utf8Length(String s) {
        return s.length() * 3 <= TERM_LIMIT ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
