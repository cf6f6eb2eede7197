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

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.%a-zA-Z0-9]+");

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
                yield time == null ? null : InstantText.of(time);
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
        Instant quick = quickTime(s);
        if (quick != null) {
            return quick;
        }
        try {
            return s.indexOf('T') > 0
                    ? Instant.parse(s)
                    : LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Reads the common shapes without the JDK's general parser (a tenth of the pipeline's detect thread):
     * {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, with {@code ±hh:mm} instead of {@code Z}, and {@code yyyy-MM-dd
     * HH:mm:ss[.f…]} (UTC). Returns null for anything else, which the JDK's parser then decides, so this
     * accepts nothing that parser refuses.
     */
    static @Nullable Instant quickTime(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        char sep = s.charAt(10);
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((sep != 'T' && sep != ' ')
                || year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (at < n && s.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 9 && isDigit(s.charAt(at))) {
                nanos = nanos * 10 + s.charAt(at++) - '0';
            }
            if (at == start || at < n && isDigit(s.charAt(at))) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = offset(s, at, sep == ' ');
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Returns the offset in seconds that ends {@code s} at {@code at}, or MIN_VALUE when it is not one. */
    private static int offset(String s, int at, boolean local) {
        int n = s.length();
        if (local) {
            return at == n ? 0 : Integer.MIN_VALUE;
        }
        if (at == n - 1 && s.charAt(at) == 'Z') {
            return 0;
        }
        if (at != n - 6 || s.charAt(at + 3) != ':' || (s.charAt(at) != '+' && s.charAt(at) != '-')) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 3600 + minutes * 60;
        return s.charAt(at) == '-' ? -total : total;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
        boolean v4 = IPV4.matcher(s).matches();
        boolean v6 = s.indexOf(':') >= 0 && IPV6.matcher(s).matches() && !s.equals("::");
        return v4 || v6 ? s : null;
    }
}
