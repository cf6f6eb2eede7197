package vn.lachan.sigma.rule;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/** Tests one event value, with every modifier of the rule already applied. */
public sealed interface ValueTest {

    /**
     * True when the value, as a string (numbers and booleans in their canonical text), matches the
     * glob as a whole: case-insensitively (Unicode simple case folding, {@code Locale.ROOT}) unless
     * {@code cased}.
     */
    record Text(Glob glob, boolean cased) implements ValueTest {
        public Text {
            Objects.requireNonNull(glob, "glob");
        }
    }

    /**
     * True when the regular expression (RE2 syntax) is found anywhere in the value ({@code find},
     * not a whole match); case-sensitive unless {@link RegexFlag#IGNORE_CASE}.
     */
    record Regex(String pattern, Set<RegexFlag> flags) implements ValueTest {
        public Regex {
            Objects.requireNonNull(pattern, "pattern");
            flags = Set.copyOf(flags);
        }
    }

    /** True when the value is an IPv4 or IPv6 address inside the network, written {@code 10.0.0.0/8}. */
    record Cidr(String network) implements ValueTest {
        public Cidr {
            Objects.requireNonNull(network, "network");
        }
    }

    /** True when the value parses as a number and compares to {@code value} as {@code op} says. */
    record Compare(Comparison op, BigDecimal value) implements ValueTest {
        public Compare {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    /** True when the field is absent or JSON null ({@code field: null}). */
    record Null() implements ValueTest {}

    /** True when the field is present (even with a null value) and {@code present}, or absent and not. */
    record Exists(boolean present) implements ValueTest {}

    /**
     * True when the value equals (or contains, starts or ends with) the value of another field of
     * the same event ({@code |fieldref}).
     */
    record FieldRef(String field, Position position, boolean cased) implements ValueTest {
        public FieldRef {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * True when the value parses as a date-time and its part (minute, hour, day of month, ISO week,
     * month, year; taken in UTC) compares to {@code value} as {@code op} says.
     */
    record TimePart(Unit unit, Comparison op, long value) implements ValueTest {
        public TimePart {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(op, "op");
        }

        /** The part of a date-time a time modifier extracts. */
        public enum Unit {
            MINUTE,
            HOUR,
            DAY,
            WEEK,
            MONTH,
            YEAR
        }
    }

    /** Where one value must stand in another. */
    enum Position {
        EQUALS,
        CONTAINS,
        STARTS_WITH,
        ENDS_WITH
    }

    /** A flag of a rule's regular expression. */
    enum RegexFlag {
        IGNORE_CASE,
        MULTILINE,
        DOT_ALL
    }
}
