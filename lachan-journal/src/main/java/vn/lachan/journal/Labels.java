package vn.lachan.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the receipt time and the labels of the last record decoded, so that the next record with the
 * same bytes shares them instead of decoding its own: the records of one request carry the same ones.
 * Not thread-safe: one per reader.
 */
final class Labels {
    static final int INPUT = 0;
    static final int PEER = 1;
    static final int FORMAT = 2;
    static final int SOURCE = 3;
    static final int PROBLEM = 4;
    static final int ORIGIN = 5;
    /** A label longer than this is decoded every time: the cache is for short, repeated labels. */
    private static final int LONGEST = 1024;

    private final byte[][] bytes = new byte[6][];
    private final String[] texts = new String[6];
    private long seconds = Long.MIN_VALUE;
    private int nanos = -1;
    private @Nullable Instant received;

    /** Returns the instant {@code seconds} and {@code nanos} give, the last one when they are the same. */
    Instant received(long seconds, int nanos) {
        Instant last = received;
        if (last != null && seconds == this.seconds && nanos == this.nanos) {
            return last;
        }
        Instant time = Instant.ofEpochSecond(seconds, nanos);
        this.seconds = seconds;
        this.nanos = nanos;
        this.received = time;
        return time;
    }

    /** Returns the UTF-8 text in {@code array[offset, offset + length)}, the last one of {@code slot} when equal. */
    String text(int slot, byte[] array, int offset, int length) {
        byte[] last = bytes[slot];
        if (last != null && Arrays.equals(last, 0, last.length, array, offset, offset + length)) {
            return texts[slot];
        }
        String text = new String(array, offset, length, StandardCharsets.UTF_8);
        if (length <= LONGEST) {
            bytes[slot] = Arrays.copyOfRange(array, offset, offset + length);
            texts[slot] = text;
        }
        return text;
    }
}
