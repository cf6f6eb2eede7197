package vn.lachan.sigma.logsource;

import java.util.List;
import java.util.Objects;

/**
 * Names a field that may hold the event time, with the formats to try on it in order.
 *
 * @param field the Sigma field name, resolved through the event's layout
 * @param formats the formats to try, in order
 */
public record TimestampField(String field, List<Format> formats) {
    public TimestampField {
        Objects.requireNonNull(field, "field");
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("timestamp field " + field + " needs at least one format");
        }
    }

    /** A way a timestamp is written. */
    public enum Format {
        /** ISO-8601 with an offset or {@code Z}, a {@code T} or a space between date and time. */
        ISO,
        /** {@code yyyy-MM-dd HH:mm:ss[.fraction]} without a zone, read as UTC. */
        SQL_UTC,
        /** Milliseconds since 1970-01-01T00:00Z, as a number or digits. */
        EPOCH_MILLIS,
        /** Seconds since 1970-01-01T00:00Z, as a number or digits (a fraction is allowed). */
        EPOCH_SECONDS
    }
}
