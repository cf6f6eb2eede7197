package vn.lachan.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Lays out a record frame: a 20-byte header (length with the end-of-offer flag in its top bit, the
 * position, the body's CRC32C, the CRC32C of those 16 bytes) then the body.
 *
 * <p>The header has its own checksum so that a damaged region can be stepped over: a reader looks for
 * the next offset whose header checks out.
 */
final class Frames {
    static final int HEADER = 20;
    static final int END_OF_OFFER = 0x8000_0000;

    private Frames() {}

    /** Writes the header of a frame whose body of {@code length} bytes follows at {@code offset + HEADER}. */
    static void writeHeader(byte[] bytes, int offset, int length, boolean endOfOffer, long position) {
        ByteBuffer header = ByteBuffer.wrap(bytes, offset, HEADER);
        header.putInt(length | (endOfOffer ? END_OF_OFFER : 0));
        header.putLong(position);
        header.putInt(crc(bytes, offset + HEADER, length));
        header.putInt(crc(bytes, offset, 16));
    }

    /** Returns whether the header at {@code offset} checks out; it needs {@code HEADER} bytes there. */
    static boolean headerValid(ByteBuffer buffer, int offset, int maxBody) {
        int stored = buffer.getInt(offset + 16);
        if (crc(buffer, offset, 16) != stored) {
            return false;
        }
        int length = bodyLength(buffer, offset);
        return length <= maxBody && buffer.getLong(offset + 4) >= 0;
    }

    /** Returns whether the body of the (valid) header at {@code offset} matches its checksum. */
    static boolean bodyValid(ByteBuffer buffer, int offset) {
        return crc(buffer, offset + HEADER, bodyLength(buffer, offset)) == buffer.getInt(offset + 12);
    }

    static int bodyLength(ByteBuffer buffer, int offset) {
        return buffer.getInt(offset) & ~END_OF_OFFER;
    }

    static boolean endOfOffer(ByteBuffer buffer, int offset) {
        return (buffer.getInt(offset) & END_OF_OFFER) != 0;
    }

    static long position(ByteBuffer buffer, int offset) {
        return buffer.getLong(offset + 4);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static int crc(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(offset, length));
        return (int) crc.getValue();
    }
}
