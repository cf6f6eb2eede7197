package vn.lachan.ingest.evtx;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Formats Windows binary values as text exactly as {@code evtx_dump} writes them. */
final class ValueText {
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    private static final long FILETIME_TICKS_PER_SECOND = 10_000_000L;
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private ValueText() {}

    /** Writes a GUID ({@code D1-D2-D3-D4[0..2]-D4[2..8]}, the first three fields little-endian) in upper case. */
    static String guid(byte[] data, int at) {
        StringBuilder text = new StringBuilder(36);
        int[] order = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
        for (int index : order) {
            if (index < 0) {
                text.append('-');
            } else {
                hexByte(text, data[at + index]);
            }
        }
        return text.toString();
    }

    /** Writes bytes as upper-case hex digits, two per byte. */
    static String hex(byte[] data, int at, int length) {
        StringBuilder text = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            hexByte(text, data[at + i]);
        }
        return text.toString();
    }

    /** Writes an unsigned value as {@code 0x} and lower-case hex digits without leading zeros. */
    static String hexInt(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Writes a SID as {@code S-revision-authority-sub1-...}; missing sub-authorities are left out. */
    static String sid(byte[] data, int at, int length) {
        if (length < 8) {
            return "S-?";
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (data[at + i] & 0xff);
        }
        StringBuilder text = new StringBuilder(48)
                .append("S-")
                .append(data[at] & 0xff)
                .append('-')
                .append(authority);
        int count = Math.min(data[at + 1] & 0xff, (length - 8) / 4);
        for (int i = 0; i < count; i++) {
            text.append('-').append(Cursor.u32(data, at + 8 + 4 * i));
        }
        return text.toString();
    }

    /** Writes a FILETIME (100 ns ticks since 1601, unsigned) as UTC with microseconds. */
    static String filetime(long ticks) {
        long seconds = Long.divideUnsigned(ticks, FILETIME_TICKS_PER_SECOND) - FILETIME_EPOCH_OFFSET_SECONDS;
        int micros = (int) (Long.remainderUnsigned(ticks, FILETIME_TICKS_PER_SECOND) / 10);
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, micros * 1000, ZoneOffset.UTC);
        return timestamp(
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getHour(),
                time.getMinute(),
                time.getSecond(),
                micros);
    }

    /** Writes a SYSTEMTIME (eight 16-bit fields) as UTC with microseconds, without judging its fields. */
    static String systemtime(byte[] data, int at) {
        return timestamp(
                Cursor.u16(data, at),
                Cursor.u16(data, at + 2),
                Cursor.u16(data, at + 6),
                Cursor.u16(data, at + 8),
                Cursor.u16(data, at + 10),
                Cursor.u16(data, at + 12),
                Cursor.u16(data, at + 14) * 1000);
    }

    private static String timestamp(int year, int month, int day, int hour, int minute, int second, int micros) {
        StringBuilder text = new StringBuilder(27);
        digits(text, year, 4).append('-');
        digits(text, month, 2).append('-');
        digits(text, day, 2).append('T');
        digits(text, hour, 2).append(':');
        digits(text, minute, 2).append(':');
        digits(text, second, 2).append('.');
        return digits(text, micros, 6).append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(number);
    }

    private static void hexByte(StringBuilder text, byte value) {
        text.append(UPPER[(value >> 4) & 0xf]).append(UPPER[value & 0xf]);
    }
}
