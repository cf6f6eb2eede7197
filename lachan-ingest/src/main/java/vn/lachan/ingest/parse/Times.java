package vn.lachan.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads the timestamps log formats write, by hand where the shape is fixed. */
final class Times {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private Times() {}

    /** Holds a timestamp read from text and the index just past it. */
    record Stamp(Instant instant, int end) {}

    /** Returns the month (1–12) of an English three-letter abbreviation at {@code at}, or 0. */
    static int month(String s, int at) {
        if (at + 3 > s.length()) {
            return 0;
        }
        char a = Character.toUpperCase(s.charAt(at));
        char b = Character.toLowerCase(s.charAt(at + 1));
        char c = Character.toLowerCase(s.charAt(at + 2));
        for (int m = 0; m < 12; m++) {
            int k = m * 3;
            if (MONTHS.charAt(k) == a && MONTHS.charAt(k + 1) == b && MONTHS.charAt(k + 2) == c) {
                return m + 1;
            }
        }
        return 0;
    }

    /**
     * Reads a BSD syslog timestamp {@code Mmm dd hh:mm:ss[.fff]}, also with a year after the day
     * ({@code Mar 05 2024 10:00:00}, as Cisco writes). Without a year, takes the one that puts the time
     * nearest {@code received}, so a December line read in January stays in December.
     */
    static @Nullable Stamp bsd(String s, int at, Instant received, ZoneId zone) {
        int month = month(s, at);
        if (month == 0 || at + 15 > s.length() || s.charAt(at + 3) != ' ') {
            return null;
        }
        int i = at + 4;
        if (s.charAt(i) == ' ') {
            i++;
        }
        int dayEnd = digitsEnd(s, i, 2);
        if (dayEnd == i || dayEnd >= s.length() || s.charAt(dayEnd) != ' ') {
            return null;
        }
        int day = Integer.parseInt(s, i, dayEnd, 10);
        i = dayEnd + 1;
        int year = -1;
        int yearEnd = digitsEnd(s, i, 4);
        if (yearEnd - i == 4 && yearEnd < s.length() && s.charAt(yearEnd) == ' ') {
            year = Integer.parseInt(s, i, yearEnd, 10);
            i = yearEnd + 1;
        }
        Clock clock = clock(s, i);
        if (clock == null) {
            return null;
        }
        try {
            Instant instant = year > 0
                    ? LocalDateTime.of(year, month, day, clock.h, clock.m, clock.sec, clock.nanos)
                            .atZone(zone)
                            .toInstant()
                    : nearest(received, zone, month, day, clock);
            return new Stamp(instant, clock.end);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant nearest(Instant received, ZoneId zone, int month, int day, Clock c) {
        int year = received.atZone(zone).getYear();
        Instant best = null;
        for (int y = year - 1; y <= year + 1; y++) {
            if (day == 29 && month == 2 && !java.time.Year.isLeap(y)) {
                continue;
            }
            Instant t = LocalDateTime.of(y, month, day, c.h, c.m, c.sec, c.nanos)
                    .atZone(zone)
                    .toInstant();
            if (best == null
                    || Math.abs(t.getEpochSecond() - received.getEpochSecond())
                            < Math.abs(best.getEpochSecond() - received.getEpochSecond())) {
                best = t;
            }
        }
        if (best == null) {
            throw new DateTimeException("no year near " + received + " has February 29");
        }
        return best;
    }

    private record Clock(int h, int m, int sec, int nanos, int end) {}

    /** Reads {@code hh:mm:ss[.f…]} at {@code i}. */
    private static @Nullable Clock clock(String s, int i) {
        if (i + 8 > s.length() || s.charAt(i + 2) != ':' || s.charAt(i + 5) != ':') {
            return null;
        }
        if (digitsEnd(s, i, 2) != i + 2 || digitsEnd(s, i + 3, 2) != i + 5 || digitsEnd(s, i + 6, 2) != i + 8) {
            return null;
        }
        int h = Integer.parseInt(s, i, i + 2, 10);
        int m = Integer.parseInt(s, i + 3, i + 5, 10);
        int sec = Integer.parseInt(s, i + 6, i + 8, 10);
        int end = i + 8;
        int nanos = 0;
        if (end < s.length() && s.charAt(end) == '.') {
            int fracEnd = digitsEnd(s, end + 1, 9);
            for (int k = end + 1; k < end + 10; k++) {
                nanos = nanos * 10 + (k < fracEnd ? s.charAt(k) - '0' : 0);
            }
            end = fracEnd;
        }
        return h > 23 || m > 59 || sec > 60 ? null : new Clock(h, m, Math.min(sec, 59), nanos, end);
    }

    /** Returns the end of the run of at most {@code max} ASCII digits starting at {@code i}. */
    static int digitsEnd(String s, int i, int max) {
        int j = i;
        while (j < s.length() && j - i < max && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        return j;
    }

    /**
     * Reads an RFC 3339 / ISO-8601 timestamp token at {@code at} (up to the next space); one without an
     * offset is read in {@code zone}.
     */
    static @Nullable Stamp iso(String s, int at, ZoneId zone) {
        int end = Texts.nextSpace(s, at);
        Instant instant = iso(s.substring(at, end), zone);
        return instant == null ? null : new Stamp(instant, end);
    }

    /** Reads an ISO-8601 timestamp with or without offset ({@code T} or a space between date and time). */
    static @Nullable Instant iso(String text, ZoneId zone) {
        if (text.length() < 19 || digitsEnd(text, 0, 4) != 4 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        String t = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            char last = t.charAt(t.length() - 1);
            if (last == 'Z' || last == 'z') {
                return OffsetDateTime.parse(t.substring(0, t.length() - 1) + 'Z')
                        .toInstant();
            }
            int sign = Math.max(t.indexOf('+', 19), t.indexOf('-', 19));
            if (sign < 0) {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            }
            return t.indexOf(':', sign) > 0
                    ? OffsetDateTime.parse(t).toInstant()
                    : OffsetDateTime.parse(t, OFFSET_NO_COLON).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final DateTimeFormatter OFFSET_NO_COLON = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HHmm", "Z")
            .toFormatter(Locale.ROOT);

    /** Reads seconds, milliseconds, microseconds or nanoseconds since the epoch, told apart by length. */
    static @Nullable Instant epoch(@Nullable String digits) {
        if (digits == null || digits.isEmpty() || digits.length() > 19 || digitsEnd(digits, 0, 19) != digits.length()) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
        return switch (digits.length()) {
            case 9, 10 -> Instant.ofEpochSecond(n);
            case 12, 13 -> Instant.ofEpochMilli(n);
            case 15, 16 -> Instant.ofEpochSecond(n / 1_000_000, (n % 1_000_000) * 1000);
            case 18, 19 -> Instant.ofEpochSecond(n / 1_000_000_000, n % 1_000_000_000);
            default -> null;
        };
    }

    /** Reads a decimal epoch in seconds with a fraction, such as auditd's {@code 1709607600.123}. */
    static @Nullable Instant epochSeconds(String s) {
        int dot = s.indexOf('.');
        Long sec = Texts.decimal(dot < 0 ? s : s.substring(0, dot));
        if (sec == null) {
            return null;
        }
        long nanos = 0;
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            Long f = Texts.decimal(frac.length() > 9 ? frac.substring(0, 9) : frac);
            if (f == null) {
                return null;
            }
            nanos = f * (long) Math.pow(10, 9 - Math.min(9, frac.length()));
        }
        return Instant.ofEpochSecond(sec, nanos);
    }

    /** Reads Sophos UTM's {@code yyyy:MM:dd-hh:mm:ss} at {@code at}, in {@code zone}. */
    static @Nullable Stamp utm(String s, int at, ZoneId zone) {
        int end = at + 19;
        if (end > s.length() || s.charAt(at + 4) != ':' || s.charAt(at + 7) != ':' || s.charAt(at + 10) != '-') {
            return null;
        }
        String iso = s.substring(at, at + 4)
                + '-'
                + s.substring(at + 5, at + 7)
                + '-'
                + s.substring(at + 8, at + 10)
                + 'T'
                + s.substring(at + 11, end);
        Instant instant = iso(iso, zone);
        return instant == null ? null : new Stamp(instant, end);
    }

    /** Reads an access-log time {@code 05/Mar/2024:10:00:00 +0700}. */
    static @Nullable Instant accessLog(String s, ZoneId zone) {
        if (s.length() < 20 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':') {
            return null;
        }
        int month = month(s, 3);
        Clock clock = clock(s, 12);
        Long day = Texts.decimal(s.substring(0, 2));
        Long year = Texts.decimal(s.substring(7, 11));
        if (month == 0 || clock == null || day == null || year == null) {
            return null;
        }
        try {
            LocalDateTime local =
                    LocalDateTime.of(year.intValue(), month, day.intValue(), clock.h, clock.m, clock.sec, clock.nanos);
            ZoneId z = clock.end + 6 <= s.length() && s.charAt(clock.end) == ' '
                    ? ZoneOffset.of(s.substring(clock.end + 1, clock.end + 6))
                    : zone;
            return local.atZone(z).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
