package vn.lachan.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits newline-delimited bodies (NDJSON, the bulk API) into lines. */
public final class NdjsonLines {
    private NdjsonLines() {}

    /** Returns the non-blank lines, each without its line break (LF or CRLF). */
    public static List<byte[]> split(byte[] body) {
        int[] bounds = bounds(body);
        List<byte[]> out = new ArrayList<>(bounds.length / 2);
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(Arrays.copyOfRange(body, bounds[i], bounds[i + 1]));
        }
        return out;
    }

    /**
     * Returns where the non-blank lines lie, each without its line break (LF or CRLF): the start and the
     * end (exclusive) of each, two ints per line, without copying a line.
     */
    public static int[] bounds(byte[] body) {
        int[] out = new int[16];
        int count = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (firstNonBlank(body, start, end) >= 0) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = start;
                    out[count++] = end;
                }
                start = i + 1;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Returns the offset of the first byte in {@code [from, to)} that is not a space, tab or line break, or -1. */
    public static int firstNonBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }
}
