package vn.lachan.ingest.normalize;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Converts mapped values to the type their ECS field has; a value that does not fit gives null. */
final class Values {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private Values() {}

    /** Tells how a field's values are converted. */
    enum Type {
        TIME,
        LONG,
        IP,
        TEXT
    }

    static @Nullable Object convert(Type type, Object value) {
        return switch (type) {
            case TIME -> {
                Instant time = value instanceof String s ? time(s) : null;
                yield time == null ? null : time.toString();
            }
            case LONG -> number(value);
            case IP -> ip(value);
            case TEXT ->
                value instanceof java.util.Map<?, ?> || value instanceof java.util.List<?>
                        ? null
                        : String.valueOf(value);
        };
    }

    /** Reads an ISO-8601 instant, or {@code yyyy-MM-dd HH:mm:ss[.f…]} as UTC; null when neither. */
    static @Nullable Instant time(@Nullable Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            return s.indexOf('T') > 0
                    ? Instant.parse(s)
                    : LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Long number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        String s = String.valueOf(value).strip();
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String ip(Object value) {
        String s = String.valueOf(value).strip();
        if (s.startsWith("::ffff:") && s.indexOf('.') > 0) {
            s = s.substring(7);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+") && !s.equals("::");
        return v4 || v6 ? s : null;
    }
}
