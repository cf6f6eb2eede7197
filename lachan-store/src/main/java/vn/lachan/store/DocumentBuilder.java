package vn.lachan.store;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexableField;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.StoredEvent;

/**
 * Turns stored events into Lucene documents, typing each field by its partition's schema, reusing the
 * field instances of the previous document as Lucene recommends (one builder per indexing thread, not
 * thread-safe).
 *
 * <p>What is indexed (layout 2, ADR 0002): keywords one term each; doc values for aggregations only on
 * the ECS fields, numbers, IPs and dates (other keywords are aggregated from their terms); values of
 * other keyword fields longer than {@value EventDocuments#IGNORE_ABOVE} characters are not indexed, only
 * named in {@link EventDocuments#IGNORED} so that {@code _exists_} still finds them, as
 * Elasticsearch's {@code ignore_above} does; the message is the analysed full text.
 */
final class DocumentBuilder {
    private final List<IndexableField> doc = new ArrayList<>(96);
    private final FieldSlots slots = new FieldSlots();
    private final FieldsEncoder fieldsEncoder = new FieldsEncoder();
    private final FieldTypes types = new FieldTypes();
    private @Nullable Schema schema;
    private boolean messagePositions;

    /**
     * Returns the document of {@code event}, valid until the next call; text is indexed with positions
     * only when {@code positions} (a partition begun before layout 3).
     */
    List<IndexableField> build(StoredEvent event, Schema partitionSchema, boolean storeFields, boolean positions) {
        messagePositions = positions;
        doc.clear();
        slots.reset();
        schema = partitionSchema;
        doc.add(slots.storedLong(EventDocuments.ID_HIGH, event.id().high()));
        doc.add(slots.storedLong(EventDocuments.ID_LOW, event.id().low()));
        doc.add(slots.longField(EventDocuments.TIME, event.time().toEpochMilli()));
        doc.add(slots.storedString(EventDocuments.ORG, event.organization()));
        doc.add(slots.storedString(EventDocuments.SYSTEM, event.system()));
        // Bytes, not strings: the JDK encodes Latin-1 strings to UTF-8 far faster than Lucene's char loop.
        doc.add(slots.stored(EventDocuments.RAW, event.raw().getBytes(StandardCharsets.UTF_8)));
        if (storeFields) {
            // Layout 5: our binary form, not JSON (Jackson's escaping loop was most of the builder's CPU).
            // The buffer is reused: Lucene copies stored fields while the document is added.
            fieldsEncoder.encode(event.fields());
            doc.add(slots.stored(EventDocuments.FIELDS_BINARY, fieldsEncoder.buffer(), fieldsEncoder.length()));
        }
        addAll("", event.fields());
        schema = null;
        return doc;
    }

    private void addAll(String prefix, Map<String, @Nullable Object> fields) {
        for (Map.Entry<String, @Nullable Object> e : fields.entrySet()) {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            addValue(name, e.getValue());
        }
    }

    /** Adds one value; an instanceof chain, as a pattern switch here costs a bootstrap call per value. */
    @SuppressWarnings("unchecked")
    private void addValue(String name, @Nullable Object value) {
        if (value instanceof String s) {
            // Most values: String is final, so this test is one class compare, unlike the interface tests.
            if (!name.equals(EventDocuments.TIME)) {
                addTyped(name, s);
            }
        } else if (value == null) {
            return;
        } else if (value instanceof Map<?, ?> m) {
            addAll(name, (Map<String, @Nullable Object>) m);
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                addValue(name, v);
            }
        } else if (!name.equals(EventDocuments.TIME)) {
            addTyped(name, value);
        }
    }

    private void addTyped(String name, Object value) {
        Schema s = java.util.Objects.requireNonNull(schema);
        FieldTypes.Typed typed = types.typeFor(s, name, value);
        FieldType type = typed.type();
        boolean fits = switch (type) {
            case KEYWORD, KEYWORD_CI -> addKeyword(name, EventDocuments.text(value), type, typed.ecs());
            case TEXT -> {
                // WordTokenizer puts the words that need it in NFC, without scanning the rest of the text.
                doc.add(slots.text(name, EventDocuments.text(value), messagePositions));
                yield true;
            }
            case LONG -> addLong(name, Values.asLong(value));
            case DOUBLE -> addDouble(name, Values.asDouble(value));
            case IP -> addIp(name, value);
            case DATE -> addDate(name, Values.asInstant(value));
        };
        if (!fits) {
            s.countConflict(name);
            doc.add(slots.keyword(EventDocuments.CONFLICT, utf8(name)));
            String text = EventDocuments.text(value);
            if (EventDocuments.utf8Length(text) <= EventDocuments.TERM_LIMIT) {
                doc.add(slots.keyword(EventDocuments.conflictField(name), utf8(text)));
            }
        }
    }

    private boolean addKeyword(String name, String text, FieldType type, boolean ecs) {
        if (!ecs && text.length() > EventDocuments.IGNORE_ABOVE) {
            doc.add(slots.keyword(EventDocuments.IGNORED, utf8(name)));
            return true;
        }
        if (EventDocuments.utf8Length(text) > EventDocuments.TERM_LIMIT) {
            return false;
        }
        byte[] exact = utf8(text);
        if (type == FieldType.KEYWORD_CI) {
            String lower = text.toLowerCase(Locale.ROOT);
            doc.add(slots.keyword(name, lower.equals(text) ? exact : utf8(lower)));
        } else {
            doc.add(slots.keyword(name, exact));
        }
        if (ecs) {
            // Lucene wants the same structure for a field in every document: doc values always, cut short.
            byte[] value = text.length() <= EventDocuments.DOC_VALUES_LIMIT
                    ? exact
                    : utf8(text.substring(0, EventDocuments.DOC_VALUES_LIMIT));
            doc.add(slots.sortedSet(name, value));
        }
        return true;
    }

    private boolean addLong(String name, @Nullable Long parsed) {
        if (parsed == null) {
            return false;
        }
        doc.add(slots.longField(name, parsed));
        return true;
    }

    private boolean addDouble(String name, @Nullable Double parsed) {
        if (parsed == null) {
            return false;
        }
        doc.add(slots.doubleField(name, parsed));
        return true;
    }

    private boolean addIp(String name, Object value) {
        if (!(value instanceof String s)) {
            return false;
        }
        // IPv4, most addresses: one pass of our own, the same acceptance as Query.isIp (IpAddressTest).
        InetAddress address = s.indexOf(':') < 0 ? Ipv4.parse(s) : Query.isIp(s) ? InetAddress.ofLiteral(s) : null;
        if (address == null) {
            return false;
        }
        doc.add(slots.ip(name, address));
        doc.add(slots.sortedSet(name, utf8(address.getHostAddress())));
        return true;
    }

    private boolean addDate(String name, @Nullable Instant parsed) {
        if (parsed == null) {
            return false;
        }
        doc.add(slots.longField(name, parsed.toEpochMilli()));
        return true;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
