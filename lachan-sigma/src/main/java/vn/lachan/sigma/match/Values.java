package vn.lachan.sigma.match;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns event values into the text and numbers that tests compare. */
final class Values {
    /** Stands for a field the event does not have (distinct from a JSON null). */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private Values() {}

    /** Returns the canonical text of a scalar, or null for JSON null, maps, lists and MISSING. */
    static @Nullable String text(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case Boolean b -> b ? "true" : "false";
            case Double d -> doubleText(d);
            case Float f -> doubleText(f.doubleValue());
            case BigInteger b -> b.toString();
            case BigDecimal b -> b.toPlainString();
            case Short s -> Short.toString(s);
            case Byte b -> Byte.toString(b);
            default -> null;
        };
    }

    private static String doubleText(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** Returns whether the value is a scalar (has a canonical text). */
    static boolean isScalar(@Nullable Object value) {
        return value != null && value != MISSING && !(value instanceof Map) && !(value instanceof List);
    }

    /** Returns the value as a number, or null when it is not one (text is parsed, trimmed). */
    static @Nullable BigDecimal number(@Nullable Object value) {
        switch (value) {
            case null -> {
                return null;
            }
            case Long l -> {
                return BigDecimal.valueOf(l);
            }
            case Integer i -> {
                return BigDecimal.valueOf(i);
            }
            case Double d -> {
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            case BigInteger b -> {
                return new BigDecimal(b);
            }
            case BigDecimal b -> {
                return b;
            }
            case String s -> {
                return parseNumber(s.trim());
            }
            default -> {
                return null;
            }
        }
    }

    private static @Nullable BigDecimal parseNumber(String text) {
        if (text.isEmpty() || text.length() > 100) {
            return null;
        }
        char first = text.charAt(0);
        if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
