package vn.lachan.alert.index;

import java.time.Instant;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.alert.AlertRecord;

/**
 * Maps alerts to Lucene documents and back: the whole alert as stored JSON, plus the fields the
 * filters and the sort need.
 */
final class AlertDocuments {
    static final String ID = "id";
    static final String LAST_SEEN = "lastSeen";
    static final String RULE = "rule.id";
    static final String LEVEL = "level";
    static final String ORGANIZATION = "organization";
    static final String SYSTEM = "system";
    static final String HOST = "host.name";
    static final String COUNT = "count";
    static final String JSON = "json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();
    private static final long NANOS = 1_000_000_000L;

    private AlertDocuments() {}

    static Document build(AlertRecord a) {
        Document doc = new Document();
        doc.add(new StringField(ID, a.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(a.id())));
        doc.add(new LongField(LAST_SEEN, nanos(a.lastSeen()), Field.Store.NO));
        doc.add(new StringField(RULE, a.ruleId(), Field.Store.NO));
        doc.add(new StringField(LEVEL, a.level().wire(), Field.Store.NO));
        doc.add(new StringField(ORGANIZATION, a.organization(), Field.Store.NO));
        doc.add(new StringField(SYSTEM, a.system(), Field.Store.NO));
        String host = a.entities().get(HOST);
        if (host != null) {
            doc.add(new StringField(HOST, host.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        doc.add(new LongField(COUNT, a.count(), Field.Store.NO));
        doc.add(new StoredField(JSON, MAPPER.writeValueAsBytes(StoredAlert.of(a))));
        return doc;
    }

    /** Reads an alert back from its stored JSON; a document that does not parse is a damaged index. */
    static AlertRecord read(Document doc, int docId) {
        BytesRef json = doc.getBinaryValue(JSON);
        if (json == null) {
            throw new IllegalStateException("alert document " + docId + " has no stored JSON");
        }
        try {
            return MAPPER.readValue(json.bytes, json.offset, json.length, StoredAlert.class)
                    .toRecord();
        } catch (RuntimeException e) {
            throw new IllegalStateException("alert document " + docId + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the instant in nanoseconds since the epoch, exact from 1677 to 2262 and saturated
     * beyond, so that ordering holds wherever an event time can sensibly fall.
     */
    static long nanos(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / NANOS) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / NANOS) {
            return Long.MIN_VALUE;
        }
        return seconds * NANOS + t.getNano();
    }
}
