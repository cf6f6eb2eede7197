package vn.lachan.bench.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Moves the {@code "@timestamp"} of a raw OTRF JSON line, without parsing the rest of the line. */
final class Timestamps {
    private static final byte[] KEY = "\"@timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int LONGEST = 40;

    private Timestamps() {}

    /**
     * Returns {@code line} with its first {@code "@timestamp":"…"} value moved by {@code shift}, or the
     * line itself when it has none or the value is not an ISO-8601 instant (the server then keeps what
     * the event says, as for any event).
     */
    static byte[] shift(byte[] line, Duration shift) {
        int key = indexOf(line, KEY);
        if (key < 0) {
            return line;
        }
        int from = key + KEY.length;
        int to = from;
        while (to < line.length && to - from < LONGEST && line[to] != '"') {
            to++;
        }
        if (to >= line.length || line[to] != '"') {
            return line;
        }
        Instant moved;
        try {
            moved = Instant.parse(new String(line, from, to - from, StandardCharsets.US_ASCII))
                    .plus(shift);
        } catch (DateTimeParseException e) {
            return line;
        }
        byte[] value = moved.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[line.length - (to - from) + value.length];
        System.arraycopy(line, 0, out, 0, from);
        System.arraycopy(value, 0, out, from, value.length);
        System.arraycopy(line, to, out, from + value.length, line.length - to);
        return out;
    }

    static int indexOf(byte[] text, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= text.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (text[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
