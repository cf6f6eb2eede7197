package vn.lachan.sigma.correlate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns event field values into group keys, distinct values and numbers. */
final class Values {
    private Values() {}

    /** Returns the values of the fields as text, or null when one is missing. */
    static @Nullable List<String> key(List<String> names, FieldSource fields) {
        List<String> key = new ArrayList<>(names.size());
        for (String name : names) {
            Object value = fields.field(name);
            if (value == null) {
                return null;
            }
            key.add(text(value));
        }
        return key;
    }

    /** Returns the values of the fields joined (for distinct counting), or null when one is missing. */
    static @Nullable String distinct(List<String> names, FieldSource fields) {
        if (names.isEmpty()) {
            return null;
        }
        List<String> values = key(names, fields);
        return values == null ? null : String.join("\u0000", values);
    }

    /** Returns the first field's value as a number, or NaN when it is missing or not a number. */
    static double number(List<String> names, FieldSource fields) {
        if (names.isEmpty()) {
            return Double.NaN;
        }
        Object value = fields.field(names.getFirst());
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** Returns the value as text; numbers in one canonical form, so that 4624, 4624.0 and "4624" agree. */
    static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case Double d
            when d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            case BigDecimal b -> b.stripTrailingZeros().toPlainString();
            case List<?> list ->
                String.join(
                        ",",
                        list.stream().map(v -> v == null ? "null" : text(v)).toList());
            default -> String.valueOf(value);
        };
    }

    /** Returns the instant in microseconds since the epoch, saturated far beyond any real event time. */
    static long micros(Instant time) {
        long seconds = Math.clamp(time.getEpochSecond(), -9_000_000_000_000L, 9_000_000_000_000L);
        return seconds * 1_000_000L + time.getNano() / 1000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
