package vn.lachan.sigma.match;

import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.ValueTest;

/**
 * Tests one field's value directly (no automaton): the compiled form of a {@link ValueTest}.
 * Immutable; {@link #compile} throws {@link IllegalArgumentException} for a test that cannot run.
 */
abstract class Check {
    private static final int MAX_DEPTH = 8;

    /** Returns the check for a test; the message of the exception says what is wrong. */
    static Check compile(ValueTest test) {
        return switch (test) {
            case ValueTest.Text t -> new TextCheck(new GlobMatcher(t.glob(), t.cased()));
            case ValueTest.Regex r -> new RegexCheck(regex(r));
            case ValueTest.Cidr c -> new CidrCheck(CidrBlock.parse(c.network()));
            case ValueTest.Compare c -> new CompareCheck(c.op(), c.value());
            case ValueTest.Null n -> new NullCheck();
            case ValueTest.Exists e -> new ExistsCheck(e.present());
            case ValueTest.FieldRef f -> new FieldRefCheck(f);
            case ValueTest.TimePart t -> new TimePartCheck(t);
        };
    }

    private static Pattern regex(ValueTest.Regex regex) {
        int flags = 0;
        for (ValueTest.RegexFlag flag : regex.flags()) {
            flags |= switch (flag) {
                case IGNORE_CASE -> Pattern.CASE_INSENSITIVE;
                case MULTILINE -> Pattern.MULTILINE;
                case DOT_ALL -> Pattern.DOTALL;
            };
        }
        try {
            return Pattern.compile(regex.pattern(), flags);
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "regular expression /" + regex.pattern() + "/ is not supported by RE2: " + e.getDescription(), e);
        }
    }

    /** Returns whether a field's value (MISSING, null, scalar, list or map) passes. */
    boolean testField(@Nullable Object value, EventView view) {
        return anyElement(value, view, 0);
    }

    private boolean anyElement(@Nullable Object value, EventView view, int depth) {
        if (value == null || value == Values.MISSING || value instanceof Map) {
            return false;
        }
        if (value instanceof List<?> list) {
            if (depth >= MAX_DEPTH) {
                return false;
            }
            for (Object element : list) {
                if (anyElement(element, view, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        return testScalar(value, view);
    }

    /** Returns whether one scalar value (string, number or boolean) passes. */
    abstract boolean testScalar(Object scalar, EventView view);

    /** Returns whether the test can hold for a keyword (a string value of the event). */
    boolean appliesToKeywords() {
        return true;
    }

    static final class TextCheck extends Check {
        final GlobMatcher glob;

        TextCheck(GlobMatcher glob) {
            this.glob = glob;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            String text = Values.text(scalar);
            return text != null && glob.matches(text);
        }
    }

    static final class RegexCheck extends Check {
        private final Pattern pattern;

        RegexCheck(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            String text = Values.text(scalar);
            return text != null && pattern.matcher(text).find();
        }
    }

    static final class CidrCheck extends Check {
        private final CidrBlock block;

        CidrCheck(CidrBlock block) {
            this.block = block;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            return scalar instanceof String text && block.contains(text);
        }
    }

    static final class CompareCheck extends Check {
        private final Comparison op;
        private final BigDecimal value;

        CompareCheck(Comparison op, BigDecimal value) {
            this.op = op;
            this.value = value;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            BigDecimal number = Values.number(scalar);
            return number != null && op.holds(number.compareTo(value));
        }
    }

    static final class NullCheck extends Check {
        @Override
        boolean testField(@Nullable Object value, EventView view) {
            return value == null || value == Values.MISSING;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            return false;
        }

        @Override
        boolean appliesToKeywords() {
            return false;
        }
    }

    static final class ExistsCheck extends Check {
        private final boolean present;

        ExistsCheck(boolean present) {
            this.present = present;
        }

        @Override
        boolean testField(@Nullable Object value, EventView view) {
            return (value != Values.MISSING) == present;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            return present;
        }

        @Override
        boolean appliesToKeywords() {
            return false;
        }
    }

    static final class FieldRefCheck extends Check {
        private final ValueTest.FieldRef ref;

        FieldRefCheck(ValueTest.FieldRef ref) {
            this.ref = ref;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            String text = Values.text(scalar);
            String other = Values.text(view.get(ref.field()));
            if (text == null || other == null) {
                return false;
            }
            if (!ref.cased()) {
                text = GlobMatcher.fold(text);
                other = GlobMatcher.fold(other);
            }
            return switch (ref.position()) {
                case EQUALS -> text.equals(other);
                case CONTAINS -> text.contains(other);
                case STARTS_WITH -> text.startsWith(other);
                case ENDS_WITH -> text.endsWith(other);
            };
        }
    }

    static final class TimePartCheck extends Check {
        private final ValueTest.TimePart part;

        TimePartCheck(ValueTest.TimePart part) {
            this.part = part;
        }

        @Override
        boolean testScalar(Object scalar, EventView view) {
            Instant instant = TimeParser.parseAny(scalar);
            if (instant == null) {
                return false;
            }
            ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
            long value = switch (part.unit()) {
                case MINUTE -> utc.getMinute();
                case HOUR -> utc.getHour();
                case DAY -> utc.getDayOfMonth();
                case WEEK -> utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case MONTH -> utc.getMonthValue();
                case YEAR -> utc.getYear();
            };
            return part.op().holds(Long.compare(value, part.value()));
        }
    }
}
