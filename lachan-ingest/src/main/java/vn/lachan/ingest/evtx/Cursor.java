package vn.lachan.ingest.evtx;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads little-endian values from a chunk's bytes between a position and a limit, checking bounds. */
final class Cursor {
    final byte[] data;
    int pos;
    final int limit;

    Cursor(byte[] data, int pos, int limit) {
        this.data = data;
        this.pos = pos;
        this.limit = limit;
    }

    int remaining() {
        return limit - pos;
    }

    void require(long count) {
        if (count < 0 || count > limit - pos) {
            throw new MalformedEvtxException(String.format(
                    Locale.ROOT, "needs %d bytes at offset 0x%x but only %d remain", count, pos, limit - pos));
        }
    }

    int peek() {
        require(1);
        return data[pos] & 0xff;
    }

    int u8() {
        require(1);
        return data[pos++] & 0xff;
    }

    int u16() {
        require(2);
        int value = u16(data, pos);
        pos += 2;
        return value;
    }

    /** Reads an unsigned 32-bit value as a long, so that huge length fields cannot turn negative. */
    long u32() {
        require(4);
        long value = u32(data, pos);
        pos += 4;
        return value;
    }

    /** Reads a 32-bit offset or count that must fit an int (chunks are 64 KiB). */
    int offset() {
        long value = u32();
        if (value > Integer.MAX_VALUE) {
            throw new MalformedEvtxException(
                    String.format(Locale.ROOT, "offset or size 0x%x before 0x%x is out of range", value, pos));
        }
        return (int) value;
    }

    void skip(long count) {
        require(count);
        pos += (int) count;
    }

    String utf16(int chars) {
        long bytes = 2L * chars;
        require(bytes);
        String text = new String(data, pos, (int) bytes, StandardCharsets.UTF_16LE);
        pos += (int) bytes;
        return text;
    }

    static int u16(byte[] data, int at) {
        return (data[at] & 0xff) | (data[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] data, int at) {
        return (u16(data, at) | (long) u16(data, at + 2) << 16) & 0xffffffffL;
    }

    static long u64(byte[] data, int at) {
        return u32(data, at) | u32(data, at + 4) << 32;
    }
}
