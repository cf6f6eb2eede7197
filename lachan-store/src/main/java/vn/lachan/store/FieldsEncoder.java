package vn.lachan.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes an event's field tree in the store's compact binary form (layout 5, {@link
 * EventDocuments#FIELDS_BINARY}) into a buffer reused from event to event; {@link FieldsDecoder} reads it
 * back as the tree that a JSON round trip of the fields gives (see there). One encoder per indexing
 * thread, not thread-safe.
 *
 * <p>The form: a version byte ({@value #VERSION}), then the top-level map as a value. A value is a tag
 * byte and its body: a string, a key and a big integer as an unsigned varint length and their bytes
 * (UTF-8, two's complement); an integer as a zigzag varint; a double as its 8 bytes (IEEE 754, big
 * endian); a map as a varint count of key-value pairs; a list as a varint count of values; any other
 * value (a float, a decimal, a non-finite double, a date, an array, a map with keys that are not
 * strings) as the JSON that Jackson writes of it, read back by Jackson: the same as the JSON round trip.
 */
final class FieldsEncoder {
    static final byte VERSION = 1;
    static final byte NULL = 0;
    static final byte TRUE = 1;
    static final byte FALSE = 2;
    static final byte STRING = 3;
    static final byte INTEGER = 4;
    static final byte DOUBLE = 5;
    static final byte MAP = 6;
    static final byte LIST = 7;
    static final byte BIG_INTEGER = 8;
    static final byte JSON = 9;

    private static final int INITIAL = 8192;
    /** A buffer grown past this by one huge event is dropped before the next, so it does not stay on the heap. */
    private static final int KEPT = 1 << 20;

    private byte[] buffer = new byte[INITIAL];
    private int length;

    /** Encodes {@code fields}; the bytes are {@link #buffer()} up to {@link #length()}, until the next call. */
    void encode(Map<String, @Nullable Object> fields) {
        length = 0;
        if (buffer.length > KEPT) {
            buffer = new byte[INITIAL];
        }
        buffer[length++] = VERSION;
        writeMap(fields);
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** Writes one value; an instanceof chain, most values being strings (a final class, one compare). */
    private void writeValue(@Nullable Object value) {
        if (value instanceof String s) {
            writeTag(STRING);
            writeText(s);
        } else if (value == null) {
            writeTag(NULL);
        } else if (value instanceof Long l) {
            writeInteger(l);
        } else if (value instanceof Map<?, ?> m) {
            writeMap(m);
        } else if (value instanceof Collection<?> c) {
            writeList(c);
        } else if (value instanceof Boolean b) {
            writeTag(b ? TRUE : FALSE);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writeInteger(((Number) value).longValue());
        } else if (value instanceof Double d && Double.isFinite(d)) {
            writeTag(DOUBLE);
            writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof BigInteger b) {
            writeBig(b);
        } else {
            writeJson(value);
        }
    }

    private void writeMap(Map<?, ?> map) {
        int start = length;
        writeTag(MAP);
        writeVarint(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                // Jackson writes such keys its own way (or refuses a null one): let it
                length = start;
                writeJson(map);
                return;
            }
            writeText(key);
            writeValue(e.getValue());
        }
    }

    private void writeList(Collection<?> list) {
        writeTag(LIST);
        writeVarint(list.size());
        for (Object v : list) {
            writeValue(v);
        }
    }

    private void writeInteger(long value) {
        writeTag(INTEGER);
        writeVarint((value << 1) ^ (value >> 63));
    }

    private void writeBig(BigInteger value) {
        if (value.bitLength() < 64) {
            writeInteger(value.longValue());
            return;
        }
        writeTag(BIG_INTEGER);
        writeBytes(value.toByteArray());
    }

    private void writeJson(Object value) {
        writeTag(JSON);
        writeBytes(Json.MAPPER.writeValueAsBytes(value));
    }

    /** Writes a string as UTF-8 (an unpaired surrogate becomes '?', as in the stored original and the terms). */
    private void writeText(String text) {
        writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(byte[] bytes) {
        writeVarint(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void writeTag(byte tag) {
        ensure(1);
        buffer[length++] = tag;
    }

    private void writeVarint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[length++] = (byte) v;
    }

    private void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
