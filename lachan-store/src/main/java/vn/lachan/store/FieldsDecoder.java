package vn.lachan.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the binary field tree that {@link FieldsEncoder} writes back as the JSON round trip of the same
 * fields gives it: maps as {@link LinkedHashMap} in their order, lists as {@link ArrayList}, integers as
 * {@link Integer} when they fit, else {@link Long} or {@link BigInteger}, numbers with a fraction as
 * {@link Double}. Bad bytes throw {@link CorruptFieldsException} with the offset and what was wrong,
 * never anything else. Thread-safe (no state).
 */
final class FieldsDecoder {
    /** Deepest nesting read, as Jackson's default limit: deeper input is not the encoder's. */
    static final int MAX_DEPTH = 1000;

    private final byte[] bytes;
    private final int start;
    private final int end;
    private int at;

    private FieldsDecoder(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.start = offset;
        this.at = offset;
        this.end = offset + length;
    }

    /** Decodes the fields of {@code length} bytes of {@code bytes} from {@code offset}. */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> decode(byte[] bytes, int offset, int length) {
        FieldsDecoder in = new FieldsDecoder(bytes, offset, length);
        byte version = in.readByte();
        if (version != FieldsEncoder.VERSION) {
            throw in.corrupt("unknown version " + version);
        }
        if (in.readByte() != FieldsEncoder.MAP) {
            throw in.corrupt("the fields are not a map");
        }
        Map<String, @Nullable Object> fields = in.readMap(0);
        if (in.at != in.end) {
            throw in.corrupt((in.end - in.at) + " bytes after the fields");
        }
        return fields;
    }

    private @Nullable Object readValue(int depth) {
        byte tag = readByte();
        return switch (tag) {
            case FieldsEncoder.STRING -> readText();
            case FieldsEncoder.NULL -> null;
            case FieldsEncoder.INTEGER -> readInteger();
            case FieldsEncoder.MAP -> readMap(depth + 1);
            case FieldsEncoder.LIST -> readList(depth + 1);
            case FieldsEncoder.TRUE -> Boolean.TRUE;
            case FieldsEncoder.FALSE -> Boolean.FALSE;
            case FieldsEncoder.DOUBLE -> Double.longBitsToDouble(readLong());
            case FieldsEncoder.BIG_INTEGER -> readBig();
            case FieldsEncoder.JSON -> readJson();
            default -> throw corrupt("unknown tag " + tag);
        };
    }

    private Map<String, @Nullable Object> readMap(int depth) {
        checkDepth(depth);
        int size = readCount(2);
        // the capacity Jackson's LinkedHashMap would reach, without rehashing
        Map<String, @Nullable Object> map = new LinkedHashMap<>(Math.max(4, size * 4 / 3 + 1));
        for (int i = 0; i < size; i++) {
            String key = readText();
            map.put(key, readValue(depth));
        }
        return map;
    }

    private List<@Nullable Object> readList(int depth) {
        checkDepth(depth);
        int size = readCount(1);
        List<@Nullable Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(readValue(depth));
        }
        return list;
    }

    private Object readInteger() {
        long zigzag = readVarint();
        long value = (zigzag >>> 1) ^ -(zigzag & 1);
        if (value == (int) value) {
            return Integer.valueOf((int) value); // as Jackson reads an integer that fits
        }
        return Long.valueOf(value);
    }

    private String readText() {
        int length = readCount(1);
        String text = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    private BigInteger readBig() {
        byte[] magnitude = readBytes();
        if (magnitude.length == 0) {
            throw corrupt("a big integer of no bytes");
        }
        return new BigInteger(magnitude);
    }

    private byte[] readBytes() {
        int length = readCount(1);
        byte[] copy = Arrays.copyOfRange(bytes, at, at + length);
        at += length;
        return copy;
    }

    private @Nullable Object readJson() {
        int start = at;
        byte[] json = readBytes();
        try {
            return Json.MAPPER.readValue(json, Object.class);
        } catch (RuntimeException e) {
            at = start;
            throw corrupt("bad JSON value: " + e.getMessage());
        }
    }

    /** Reads a count of items each at least {@code minBytes} long, refusing one the rest cannot hold. */
    private int readCount(int minBytes) {
        long count = readVarint();
        if (count < 0 || count > (end - at) / minBytes) {
            throw corrupt("a length of " + count + " with " + (end - at) + " bytes left");
        }
        return (int) count;
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw corrupt("a varint longer than 10 bytes");
    }

    private long readLong() {
        if (end - at < 8) {
            throw corrupt("a double cut short");
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at++] & 0xFF);
        }
        return value;
    }

    private byte readByte() {
        if (at >= end) {
            throw corrupt("the fields end too early");
        }
        return bytes[at++];
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw corrupt("nested deeper than " + MAX_DEPTH);
        }
    }

    private CorruptFieldsException corrupt(String what) {
        return new CorruptFieldsException("bad stored fields at byte " + (at - start) + ": " + what);
    }

    /** Says that stored bytes are not a field tree this decoder reads; the message names the offset. */
    static final class CorruptFieldsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptFieldsException(String message) {
            super(message);
        }
    }
}
