package vn.lachan.sigma.match;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.logsource.TimestampField;

/** Parses event timestamps in the formats the log-source map names, never throwing. */
final class TimeParser {
    private static final List<TimestampField.Format> ALL = List.of(TimestampField.Format.values());

    private TimeParser() {}

    /** Returns the instant written in the value by the first format that reads it, or null. */
    static @Nullable Instant parse(@Nullable Object value, List<TimestampField.Format> formats) {
        for (TimestampField.Format format : formats) {
            Instant instant = parse(value, format);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    /** Returns the instant read with every known format, for time-part tests. */
    static @Nullable Instant parseAny(@Nullable Object value) {
        return parse(value, ALL);
    }

    private static @Nullable Instant parse(@Nullable Object value, TimestampField.Format format) {
        if (value instanceof Number number) {
            return switch (format) {
                case EPOCH_MILLIS -> Instant.ofEpochMilli(number.longValue());
                case EPOCH_SECONDS -> Instant.ofEpochMilli(Math.round(number.doubleValue() * 1000.0));
                default -> null;
            };
        }
        if (!(value instanceof String text) || text.length() < 4 || text.length() > 64) {
            return null;
        }
        try {
            return switch (format) {
                case ISO -> iso(text);
                case SQL_UTC ->
                    LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                case EPOCH_MILLIS -> digits(text) ? Instant.ofEpochMilli(Long.parseLong(text)) : null;
                case EPOCH_SECONDS -> epochSeconds(text);
            };
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant iso(String text) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        return OffsetDateTime.parse(t).toInstant();
    }

    private static @Nullable Instant epochSeconds(String text) {
        if (!digits(text.replace(".", ""))) {
            return null;
        }
        return Instant.ofEpochMilli(Math.round(Double.parseDouble(text) * 1000.0));
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 19) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
