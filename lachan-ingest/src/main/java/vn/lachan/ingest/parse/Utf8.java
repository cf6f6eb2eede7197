package vn.lachan.ingest.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Answers questions about raw UTF-8 payloads without decoding them: where the text starts and ends (a
 * BOM and trailing line ends and NULs left out, as {@link Texts#decode} leaves them out) and whether a
 * range is well-formed UTF-8 exactly as the JDK's decoder judges it (no overlong forms, no surrogates,
 * nothing above U+10FFFF), so that a byte-based parse is used only where decoding would replace nothing.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    /** Returns where the text of {@code payload[0, length)} starts: after a UTF-8 BOM, if any. */
    static int start(byte[] payload, int length) {
        return length >= 3 && (payload[0] & 0xff) == 0xef && (payload[1] & 0xff) == 0xbb && (payload[2] & 0xff) == 0xbf
                ? 3
                : 0;
    }

    /** Returns where the text ends: before trailing line ends and NULs, not before {@code start}. */
    static int end(byte[] payload, int start, int length) {
        int end = length;
        while (end > start && (payload[end - 1] == '\n' || payload[end - 1] == '\r' || payload[end - 1] == 0)) {
            end--;
        }
        return end;
    }

    /** Tells whether {@code bytes[from, to)} is well-formed UTF-8. */
    static boolean valid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
            } else if (bytes[i] >= 0) {
                i++;
            } else {
                i = sequence(bytes, i, to);
                if (i < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Checks the multi-byte sequence at {@code i}; returns the index after it, or -1 when it is malformed. */
    private static int sequence(byte[] bytes, int i, int to) {
        int lead = bytes[i] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80; // 0xe0 0x80..0x9f: overlong
            high = lead == 0xed ? 0x9f : 0xbf; // 0xed 0xa0..0xbf: surrogates
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : 0x80; // 0xf0 0x80..0x8f: overlong
            high = lead == 0xf4 ? 0x8f : 0xbf; // 0xf4 0x90..: above U+10FFFF
        } else {
            return -1;
        }
        if (i + length > to) {
            return -1;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < low || second > high) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            if ((bytes[i + k] & 0xc0) != 0x80) {
                return -1;
            }
        }
        return i + length;
    }
}
