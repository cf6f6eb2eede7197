package vn.lachan.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Decodes payloads and answers small questions about text, with hand-written scanners. */
final class Texts {
    private Texts() {}

    /**
     * Holds a decoded payload.
     *
     * @param text the text, trailing line ends and NULs removed
     * @param invalid how many invalid UTF-8 sequences were replaced with U+FFFD
     */
    record Decoded(String text, int invalid) {}

    /** Decodes UTF-8, replacing invalid sequences and counting them; drops a BOM and trailing line ends. */
    static Decoded decode(byte[] payload, int length) {
        int start = Utf8.start(payload, length);
        int end = Utf8.end(payload, start, length);
        String text = new String(payload, start, end - start, StandardCharsets.UTF_8);
        int invalid = text.indexOf('\uFFFD') < 0 ? 0 : countInvalid(payload, start, end);
        return new Decoded(text, invalid);
    }

    private static int countInvalid(byte[] payload, int start, int end) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(payload, start, end - start);
        CharBuffer out = CharBuffer.allocate(Math.max(16, end - start));
        int invalid = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                invalid++;
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                out.clear();
            } else {
                return invalid;
            }
        }
    }

    /** Reads a non-negative decimal number of at most 18 digits, or null. */
    static @Nullable Long decimal(@Nullable String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Tells whether {@code s} is an IPv4 address in dotted decimal or a plausible IPv6 address. */
    static boolean isIp(String s) {
        return isIpv4(s, 0, s.length()) || isIpv6(s);
    }

    static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (i < to && parts < 4) {
            int value = 0;
            int digits = 0;
            while (i < to && digits < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i++) - '0');
                digits++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return false;
            }
            parts++;
            if (parts < 4 && (i >= to || s.charAt(i++) != '.')) {
                return false;
            }
        }
        return parts == 4 && i == to;
    }

    private static boolean isIpv6(String s) {
        int colons = 0;
        int n = s.length();
        if (n < 2 || n > 45) {
            return false;
        }
        int lastColon = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
                lastColon = i;
            } else if (c == '.') {
                return colons >= 2 && isIpv4(s, lastColon + 1, n);
            } else if (Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return colons >= 2 && colons <= 7 && !s.equals("::");
    }

    /** Returns the index of the first character at or after {@code from} that is not a space. */
    static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Returns the index of the next space at or after {@code from}, or the length. */
    static int nextSpace(String s, int from) {
        int i = s.indexOf(' ', from);
        return i < 0 ? s.length() : i;
    }

    /** Tells whether {@code c} may appear in a key of a key=value list. */
    static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '-'
                || c == '.';
    }

    /** Returns {@code s} cut to at most {@code max} characters, marked with an ellipsis when cut. */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
