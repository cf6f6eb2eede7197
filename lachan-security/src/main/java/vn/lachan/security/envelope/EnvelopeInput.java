package vn.lachan.security.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import vn.lachan.core.problem.Problem;

/**
 * Reads an envelope's bytes, counting the offset, and builds refusals that name the source and
 * where in it the problem is. Not thread-safe.
 */
final class EnvelopeInput {
    private final InputStream in;
    private final String source;
    private long offset;

    EnvelopeInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    long offset() {
        return offset;
    }

    String source() {
        return source;
    }

    /**
     * Reads exactly {@code length} bytes.
     *
     * @param what names what is being read, for the refusal when the data ends first
     */
    byte[] readExactly(int length, String what) throws IOException {
        byte[] out = in.readNBytes(length);
        offset += out.length;
        if (out.length < length) {
            throw refuse(
                    EnvelopeException.Reason.TRUNCATED,
                    at(offset),
                    "the data ends inside " + what + " (" + out.length + " of " + length
                            + " bytes); the file was cut short, copy it again");
        }
        return out;
    }

    /** Reads a 4-byte big-endian integer. */
    int readInt(String what) throws IOException {
        byte[] b = readExactly(4, what);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    /** Reads a 4-byte big-endian integer, or returns -1 when the data ends before its first byte. */
    long readIntOrEnd(String what) throws IOException {
        int first = in.read();
        if (first < 0) {
            return -1;
        }
        offset++;
        byte[] b = readExactly(3, what);
        return ((long) first << 24 | (b[0] & 0xff) << 16 | (b[1] & 0xff) << 8 | (b[2] & 0xff)) & 0xffff_ffffL;
    }

    /** Reads a 2-byte big-endian unsigned integer. */
    int readShort(String what) throws IOException {
        byte[] b = readExactly(2, what);
        return (b[0] & 0xff) << 8 | (b[1] & 0xff);
    }

    /** Returns how many bytes remain (reading them), up to a bound, to report appended data. */
    long drain() throws IOException {
        long skipped = 0;
        byte[] scratch = new byte[8192];
        int n;
        while (skipped < (1 << 20) && (n = in.read(scratch)) > 0) {
            skipped += n;
        }
        offset += skipped;
        return skipped;
    }

    void close() throws IOException {
        in.close();
    }

    EnvelopeException refuse(EnvelopeException.Reason reason, String location, String message) {
        return new EnvelopeException(reason, new Problem(source, location, message));
    }

    static String at(long offset) {
        return String.format(Locale.ROOT, "offset 0x%x", offset);
    }

    static String chunkAt(long index, long offset) {
        return String.format(Locale.ROOT, "chunk %d at offset 0x%x", index, offset);
    }
}
