package vn.lachan.ingest.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the bytes a parser reads through it, from a mark on, so that the text of a value can be cut
 * out of the stream by the byte offsets the parser reports. Offsets count from the first byte read
 * through the tape. Bytes before the mark are dropped when room is needed, so the tape holds about one
 * value plus the parser's read-ahead. Not thread-safe.
 */
final class TextTape extends FilterInputStream {
    private byte[] kept = new byte[1 << 14];
    /** The offset in the stream of {@code kept[0]}. */
    private long base;
    /** How many bytes of {@code kept} are in use. */
    private int length;
    /** The offset in the stream before which nothing is wanted any more. */
    private long mark;

    TextTape(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            room(1);
            kept[length++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            room(n);
            System.arraycopy(b, off, kept, length, n);
            length += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // a skip would leave a hole in the tape: read through it instead
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would replay bytes the tape has already recorded
    }

    /** Returns the bytes {@code [from, to)} of the stream as UTF-8 text; they must be at or after the mark. */
    String text(long from, long to) {
        if (from < mark || from < base || to > base + length || to < from) {
            throw new IllegalArgumentException("the tape holds bytes " + Math.max(base, mark) + " to " + (base + length)
                    + ", not " + from + " to " + to);
        }
        return new String(kept, (int) (from - base), (int) (to - from), StandardCharsets.UTF_8);
    }

    /** Drops the wish to read anything before the stream offset {@code offset}. */
    void release(long offset) {
        mark = Math.max(mark, offset);
    }

    private void room(int n) {
        if (length + n <= kept.length) {
            return;
        }
        int dropped = (int) Math.min(mark - base, length);
        if (dropped > 0) {
            System.arraycopy(kept, dropped, kept, 0, length - dropped);
            length -= dropped;
            base += dropped;
        }
        if (length + n > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(kept.length * 2, length + n));
        }
    }
}
