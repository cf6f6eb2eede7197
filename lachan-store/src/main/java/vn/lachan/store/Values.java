package vn.lachan.store;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads event values and query values as numbers and instants, the way the field types need. */
final class Values {
    private Values() {}

    static @Nullable Long asLong(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> (long) i;
            case BigInteger b -> b.bitLength() < 64 ? b.longValue() : null;
            case Double d -> d == Math.rint(d) && Math.abs(d) < 0x1p63 ? d.longValue() : null;
            case String s -> parseLong(s);
            default -> null;
        };
    }

    static @Nullable Double asDouble(Object value) {
        return switch (value) {
            case Number n -> n.doubleValue();
            case String s -> parseDouble(s);
            default -> null;
        };
    }

    /** Reads an ISO-8601 instant, date-time (UTC when no offset) or date (its midnight UTC), or epoch ms. */
    static @Nullable Instant asInstant(Object value) {
        return switch (value) {
            case Long l -> Instant.ofEpochMilli(l);
            case String s -> parseInstant(s);
            default -> null;
        };
    }

    static @Nullable Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable Double parseDouble(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable Instant parseInstant(String s) {
        try {
            if (s.indexOf('T') < 0 && s.indexOf(' ') < 0) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = s.replace(' ', 'T');
            char last = iso.charAt(iso.length() - 1);
            boolean offset = last == 'Z' || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
            return offset
                    ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Returns whether a date value names a whole day (no time part), which a term then spans. */
    static boolean isDay(String s) {
        return s.indexOf('T') < 0 && s.indexOf(' ') < 0;
    }
}
