package vn.lachan.store;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Keeps the field instances of one indexing thread for reuse from document to document: per kind and
 * name, as many as the most values one document had. Not thread-safe.
 */
final class FieldSlots {
    private enum Kind {
        KEYWORD,
        SORTED_SET,
        LONG,
        STORED_LONG,
        DOUBLE,
        IP,
        TEXT,
        TEXT_POSITIONS,
        STORED_STRING,
        STORED
    }

    private static final BytesRef EMPTY = new BytesRef();
    /** Analysed text without frequencies or positions: phrases are verified on the stored event instead. */
    private static final org.apache.lucene.document.FieldType WORDS = words();
    /** Most names kept per kind: events whose field names never repeat must not grow the heap. */
    private static final int MAX_NAMES = 4096;

    private final List<Map<String, Slot>> byKind = new ArrayList<>();
    private final List<Slot> used = new ArrayList<>();

    FieldSlots() {
        for (int i = 0; i < Kind.values().length; i++) {
            byKind.add(new HashMap<>());
        }
    }

    /** Makes every instance available again, for the next document. */
    void reset() {
        for (Slot s : used) {
            s.next = 0;
        }
        used.clear();
    }

    Field keyword(String name, byte[] value) {
        Field f = take(Kind.KEYWORD, name, n -> new StringField(n, EMPTY, Field.Store.NO));
        f.setBytesValue(new BytesRef(value));
        return f;
    }

    Field sortedSet(String name, byte[] value) {
        Field f = take(Kind.SORTED_SET, name, n -> new SortedSetDocValuesField(n, EMPTY));
        f.setBytesValue(new BytesRef(value));
        return f;
    }

    Field longField(String name, long value) {
        Field f = take(Kind.LONG, name, n -> new LongField(n, 0L, Field.Store.NO));
        f.setLongValue(value);
        return f;
    }

    Field storedLong(String name, long value) {
        Field f = take(Kind.STORED_LONG, name, n -> new LongField(n, 0L, Field.Store.YES));
        f.setLongValue(value);
        return f;
    }

    Field doubleField(String name, double value) {
        Field f = take(Kind.DOUBLE, name, n -> new DoubleField(n, 0d, Field.Store.NO));
        f.setDoubleValue(value);
        return f;
    }

    Field ip(String name, InetAddress value) {
        InetAddressPoint f =
                (InetAddressPoint) take(Kind.IP, name, n -> new InetAddressPoint(n, InetAddressPoint.MIN_VALUE));
        f.setInetAddressValue(value);
        return f;
    }

    /** Returns the analysed text field: words only (layout 3), or words with positions (earlier layouts). */
    Field text(String name, String value, boolean positions) {
        Field f = positions
                ? take(Kind.TEXT_POSITIONS, name, n -> new TextField(n, "", Field.Store.NO))
                : take(Kind.TEXT, name, n -> new Field(n, "", WORDS));
        f.setStringValue(value);
        return f;
    }

    Field storedString(String name, String value) {
        Field f = take(Kind.STORED_STRING, name, n -> new StringField(n, "", Field.Store.YES));
        f.setStringValue(value);
        return f;
    }

    Field stored(String name, byte[] value) {
        Field f = take(Kind.STORED, name, n -> new StoredField(n, EMPTY));
        f.setBytesValue(value);
        return f;
    }

    /** Returns a stored field over the first {@code length} bytes of {@code value}, not copied. */
    Field stored(String name, byte[] value, int length) {
        Field f = take(Kind.STORED, name, n -> new StoredField(n, EMPTY));
        f.setBytesValue(new BytesRef(value, 0, length));
        return f;
    }

    private static org.apache.lucene.document.FieldType words() {
        var type = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.freeze();
        return type;
    }

    private Field take(Kind kind, String name, Function<String, Field> create) {
        Map<String, Slot> slots = byKind.get(kind.ordinal());
        Slot slot = slots.get(name);
        if (slot == null) {
            if (slots.size() >= MAX_NAMES) {
                return create.apply(name);
            }
            slot = new Slot();
            slots.put(name, slot);
        }
        if (slot.next == 0) {
            used.add(slot);
        }
        if (slot.next == slot.fields.size()) {
            slot.fields.add(create.apply(name));
        }
        return slot.fields.get(slot.next++);
    }

    /** The instances of one kind and name, and how many the current document uses. */
    private static final class Slot {
        final List<Field> fields = new ArrayList<>(1);
        int next;
    }
}
