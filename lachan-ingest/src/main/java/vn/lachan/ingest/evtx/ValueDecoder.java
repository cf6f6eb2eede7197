package vn.lachan.ingest.evtx;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decodes substitution values. Integers become {@link Long} (a uint64 above {@code Long.MAX_VALUE}
 * a {@link BigInteger}), booleans {@link Boolean}, every other scalar the {@link String} that
 * {@code evtx_dump} writes, arrays an {@link ArrayValue}, nested Binary XML a {@link Fragment}, and
 * null or empty values Java {@code null}.
 */
final class ValueDecoder {
    static final int NULL = 0x00;
    static final int STRING = 0x01;
    static final int ANSI_STRING = 0x02;
    static final int SIZE_T = 0x10;
    static final int BIN_XML = 0x21;
    static final int ARRAY = 0x80;
    private static final Charset ANSI = Charset.forName("windows-1252");

    /** An array value; {@code evtx_dump} repeats the element holding it once per item. */
    record ArrayValue(List<Object> items) {}

    /** A nested Binary XML value, rendered as the elements it holds. */
    record Fragment(List<XmlNode> nodes) {}

    private ValueDecoder() {}

    /** Decodes {@code size} bytes at {@code at} as a value of {@code type}; nested Binary XML goes to {@code parser}. */
    static @Nullable Object decode(byte[] data, int at, int size, int type, BinXmlParser parser, int depth) {
        if (size == 0 && type != BIN_XML) {
            return null;
        }
        if ((type & ARRAY) != 0) {
            return array(data, at, size, type & ~ARRAY);
        }
        if (type == BIN_XML) {
            return size == 0 ? null : new Fragment(parser.parseFragment(at, at + size, depth + 1));
        }
        return scalar(data, at, size, type);
    }

    private static @Nullable Object scalar(byte[] data, int at, int size, int type) {
        return switch (type) {
            case NULL -> null;
            case STRING -> utf16(data, at, size);
            case ANSI_STRING -> ansi(data, at, size);
            case 0x03 -> (long) data[at];
            case 0x04 -> (long) (data[at] & 0xff);
            case 0x05 -> (long) (short) fixed(data, at, size, 2);
            case 0x06 -> fixed(data, at, size, 2);
            case 0x07 -> (long) (int) fixed(data, at, size, 4);
            case 0x08 -> fixed(data, at, size, 4);
            case 0x09 -> fixed(data, at, size, 8);
            case 0x0a -> unsigned64(fixed(data, at, size, 8));
            case 0x0b -> real(Float.intBitsToFloat((int) fixed(data, at, size, 4)));
            case 0x0c -> real(Double.longBitsToDouble(fixed(data, at, size, 8)));
            case 0x0d -> bool(data, at, size);
            case 0x0f -> ValueText.guid(data, at + checked(size, 16));
            case SIZE_T -> ValueText.hexInt(fixed(data, at, size, size >= 8 ? 8 : 4));
            case 0x11 -> ValueText.filetime(fixed(data, at, size, 8));
            case 0x12 -> ValueText.systemtime(data, at + checked(size, 16));
            case 0x13 -> ValueText.sid(data, at, size);
            case 0x14 -> ValueText.hexInt(fixed(data, at, size, 4));
            case 0x15 -> ValueText.hexInt(fixed(data, at, size, 8));
            // Binary, handles, EvtXml and types this reader does not know: keep the bytes, as hex.
            default -> ValueText.hex(data, at, size);
        };
    }

    private static @Nullable Object array(byte[] data, int at, int size, int type) {
        if (type == STRING || type == ANSI_STRING) {
            return strings(data, at, size, type);
        }
        int width = width(type, size);
        List<Object> items = new ArrayList<>(size / width);
        for (int item = at; item + width <= at + size; item += width) {
            int itemSize = type == 0x13 ? 8 + 4 * (data[item + 1] & 0xff) : width;
            if (item + itemSize > at + size) {
                break;
            }
            Object value = scalar(data, item, itemSize, type);
            if (value != null) {
                items.add(value);
            }
            item += itemSize - width;
        }
        return items.isEmpty() ? null : new ArrayValue(items);
    }

    private static @Nullable Object strings(byte[] data, int at, int size, int type) {
        int unit = type == STRING ? 2 : 1;
        List<Object> items = new ArrayList<>();
        int start = at;
        for (int i = at; i + unit <= at + size; i += unit) {
            if (data[i] == 0 && (unit == 1 || data[i + 1] == 0)) {
                items.add(type == STRING ? utf16(data, start, i - start) : ansi(data, start, i - start));
                start = i + unit;
            }
        }
        if (start < at + size) {
            items.add(type == STRING ? utf16(data, start, at + size - start) : ansi(data, start, at + size - start));
        }
        return items.isEmpty() ? null : new ArrayValue(items);
    }

    private static int width(int type, int size) {
        return switch (type) {
            case 0x03, 0x04 -> 1;
            case 0x05, 0x06 -> 2;
            case 0x07, 0x08, 0x0b, 0x0d, 0x14 -> 4;
            case 0x0f, 0x12 -> 16;
            case 0x13 -> 8;
            case SIZE_T -> size % 8 == 0 ? 8 : 4;
            default -> 8;
        };
    }

    /**
     * Decodes a UTF-16LE string up to its first NUL, without trailing white space: {@code evtx_dump}
     * (since 0.8.5) trims it, e.g. Sysmon's {@code ParentCommandLine} ends in a space on disk.
     */
    static String utf16(byte[] data, int at, int size) {
        int end = at + (size & ~1);
        for (int i = at; i < end; i += 2) {
            if (data[i] == 0 && data[i + 1] == 0) {
                end = i;
                break;
            }
        }
        while (end > at && isWhiteSpace((char) Cursor.u16(data, end - 2))) {
            end -= 2;
        }
        return new String(data, at, end - at, StandardCharsets.UTF_16LE);
    }

    /** Tells whether a character has the Unicode White_Space property (as Rust's {@code char::is_whitespace}). */
    static boolean isWhiteSpace(char c) {
        return c == ' '
                || c >= '\t' && c <= '\r'
                || c == '\u0085'
                || c == '\u00a0'
                || c == '\u1680'
                || c >= '\u2000' && c <= '\u200a'
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202f'
                || c == '\u205f'
                || c == '\u3000';
    }

    private static String ansi(byte[] data, int at, int size) {
        int end = at;
        while (end < at + size && data[end] != 0) {
            end++;
        }
        return new String(data, at, end - at, ANSI);
    }

    private static long fixed(byte[] data, int at, int size, int width) {
        checked(size, width);
        return switch (width) {
            case 1 -> data[at] & 0xffL;
            case 2 -> Cursor.u16(data, at);
            case 4 -> Cursor.u32(data, at);
            default -> Cursor.u64(data, at);
        };
    }

    private static boolean bool(byte[] data, int at, int size) {
        for (int i = at; i < at + Math.min(size, 4); i++) {
            if (data[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns 0 when {@code size} holds {@code width} bytes, so it can be added to an offset; throws otherwise. */
    private static int checked(int size, int width) {
        if (size < width) {
            throw new MalformedEvtxException(String.format(
                    Locale.ROOT, "a value of %d bytes is too short for its type (%d bytes)", size, width));
        }
        return 0;
    }

    private static Object unsigned64(long value) {
        return value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value));
    }

    private static String real(double value) {
        return Double.toString(value).replace('E', 'e');
    }

    private static String real(float value) {
        return Float.toString(value).replace('E', 'e');
    }
}
