package vn.lachan.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import vn.lachan.core.intake.RawRecord;

/**
 * Encodes a raw record as a frame body: epoch seconds (8 bytes), nanoseconds (4), then input, peer,
 * format, source and problem as a variable-length byte count plus UTF-8, then the payload to the end.
 *
 * <p>The nanoseconds never use the top bit (they stay below 10<sup>9</sup>); set, it says that the origin
 * (a byte count plus UTF-8) follows the problem. Records without an origin keep the first layout, so the
 * segments written before the origin existed read as they are.
 */
final class RecordCodec {
    private static final int ORIGIN_FLAG = 0x8000_0000;

    private RecordCodec() {}

    /** Returns the number of bytes {@link #encode} writes for {@code record}. */
    static int size(RawRecord record) {
        int size = 12
                + textSize(record.input())
                + textSize(record.peer())
                + textSize(record.format())
                + textSize(record.source())
                + textSize(record.problem());
        if (!record.origin().isEmpty()) {
            size += textSize(record.origin());
        }
        return size + record.payload().length;
    }

    /** Appends the body of {@code record} to {@code sink} and returns the number of bytes written. */
    static int encode(RawRecord record, ByteSink sink) {
        int start = sink.size();
        Instant received = record.received();
        long seconds = received.getEpochSecond();
        int nanos = received.getNano();
        boolean hasOrigin = !record.origin().isEmpty();
        sink.putLong(seconds);
        sink.putInt(hasOrigin ? nanos | ORIGIN_FLAG : nanos);
        putString(sink, record.input());
        putString(sink, record.peer());
        putString(sink, record.format());
        putString(sink, record.source());
        putString(sink, record.problem());
        if (hasOrigin) {
            putString(sink, record.origin());
        }
        sink.put(record.payload(), 0, record.payload().length);
        return sink.size() - start;
    }

    /**
     * Decodes the body of {@code length} bytes at {@code offset} of {@code buffer}.
     *
     * @throws IllegalArgumentException when the bytes are not a record body
     */
    static RawRecord decode(ByteBuffer buffer, int offset, int length) {
        return decode(buffer, offset, length, new Labels());
    }

    /**
     * Decodes as {@link #decode(ByteBuffer, int, int)} does, sharing the receipt time and the labels with the
     * record {@code labels} saw last when they are the same bytes.
     *
     * @throws IllegalArgumentException when the bytes are not a record body
     */
    static RawRecord decode(ByteBuffer buffer, int offset, int length, Labels labels) {
        ByteBuffer in = buffer.slice(offset, length);
        try {
            long seconds = in.getLong();
            int nanos = in.getInt();
            Instant received = labels.received(seconds, nanos & ~ORIGIN_FLAG);
            String input = getString(in, labels, Labels.INPUT);
            String peer = getString(in, labels, Labels.PEER);
            String format = getString(in, labels, Labels.FORMAT);
            String source = getString(in, labels, Labels.SOURCE);
            String problem = getString(in, labels, Labels.PROBLEM);
            String origin = (nanos & ORIGIN_FLAG) != 0 ? getString(in, labels, Labels.ORIGIN) : "";
            byte[] payload = new byte[in.remaining()];
            in.get(payload);
            return new RawRecord(received, input, peer, format, source, payload, problem, origin);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a record body (" + e.getMessage() + ")", e);
        }
    }

    private static void putString(ByteSink sink, String text) {
        if (isAscii(text)) {
            sink.putVarInt(text.length());
            sink.putAscii(text);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.putVarInt(bytes.length);
        sink.put(bytes, 0, bytes.length);
    }

    /** Returns the bytes of {@code text} as {@link #putString} writes it: its length, then its UTF-8. */
    private static int textSize(String text) {
        int length = isAscii(text) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
        return varIntSize(length) + length;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int varIntSize(int value) {
        int size = 1;
        for (int v = value >>> 7; v != 0; v >>>= 7) {
            size++;
        }
        return size;
    }

    private static String getString(ByteBuffer in, Labels labels, int slot) {
        int length = getVarInt(in);
        if (length > in.remaining()) {
            throw new IllegalArgumentException("a text of " + length + " bytes overruns the body");
        }
        String text = labels.text(slot, in.array(), in.arrayOffset() + in.position(), length);
        in.position(in.position() + length);
        return text;
    }

    private static int getVarInt(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (value < 0) {
                    throw new IllegalArgumentException("negative length");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("length runs over five bytes");
    }

    /**
     * Grows a byte array as bytes are appended, big-endian like {@link ByteBuffer}; sized up front from
     * {@link #size}, it never grows.
     */
    static final class ByteSink {
        private byte[] bytes;
        private int size;

        ByteSink(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        int size() {
            return size;
        }

        byte[] array() {
            return bytes;
        }

        void skip(int count) {
            ensure(count);
            size += count;
        }

        void put(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        /** Appends the chars of {@code text}, every one below 0x80, one byte each. */
        void putAscii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        void putLong(long value) {
            ensure(8);
            ByteBuffer.wrap(bytes, size, 8).putLong(value);
            size += 8;
        }

        void putInt(int value) {
            ensure(4);
            ByteBuffer.wrap(bytes, size, 4).putInt(value);
            size += 4;
        }

        void putVarInt(int value) {
            ensure(5);
            int v = value;
            while ((v & ~0x7F) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
