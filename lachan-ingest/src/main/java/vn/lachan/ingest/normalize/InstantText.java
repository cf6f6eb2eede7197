package vn.lachan.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes an instant exactly as {@link Instant#toString()} does (ISO-8601 in UTC, the fraction in groups of
 * three digits as needed), without the formatter machinery for the years 1970 to 9999: the detect thread
 * writes two or three times per event.
 */
final class InstantText {
    /** 10000-01-01T00:00:00Z: from there on the year takes a sign and five digits. */
    private static final long FAST_END = 253_402_300_800L;

    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {}

    static String of(Instant time) {
        long seconds = time.getEpochSecond();
        if (seconds < 0 || seconds >= FAST_END) {
            return time.toString();
        }
        int nanos = time.getNano();
        int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        byte[] out = new byte[20 + (digits == 0 ? 0 : 1 + digits)];
        date(seconds / SECONDS_PER_DAY, out);
        int second = (int) (seconds % SECONDS_PER_DAY);
        out[10] = 'T';
        two(second / 3600, out, 11);
        out[13] = ':';
        two(second / 60 % 60, out, 14);
        out[16] = ':';
        two(second % 60, out, 17);
        if (digits > 0) {
            out[19] = '.';
            int fraction = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
            for (int i = 19 + digits; i > 19; i--) {
                out[i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
        }
        out[out.length - 1] = 'Z';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Writes the civil date of {@code epochDay} (≥ 0) as yyyy-MM-dd at the start of {@code out}. */
    private static void date(long epochDay, byte[] out) {
        // days to civil date in the proleptic Gregorian calendar, eras of 400 years from 0000-03-01
        long shifted = epochDay + 719_468;
        long era = shifted / 146_097;
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        two(year / 100, out, 0);
        two(year % 100, out, 2);
        out[4] = '-';
        two(month, out, 5);
        out[7] = '-';
        two(day, out, 8);
    }

    private static void two(int value, byte[] out, int at) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
    }
}
