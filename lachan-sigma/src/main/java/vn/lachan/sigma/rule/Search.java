package vn.lachan.sigma.rule;

import java.util.List;
import java.util.Objects;

/**
 * Describes what one search identifier (a selection) looks for in an event. A map of fields becomes
 * {@link AllOf}, a list of values or of maps {@link AnyOf} (or {@link AllOf} with {@code |all}), a
 * list of plain values without a field {@link Keyword}s, and {@code |neq} a {@link Not}.
 */
public sealed interface Search {

    /** True when every part matches. */
    record AllOf(List<Search> parts) implements Search {
        public AllOf {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("an all-of search needs parts");
            }
        }
    }

    /** True when any part matches. */
    record AnyOf(List<Search> parts) implements Search {
        public AnyOf {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("an any-of search needs parts");
            }
        }
    }

    /** True when the part does not match ({@code |neq}). */
    record Not(Search part) implements Search {
        public Not {
            Objects.requireNonNull(part, "part");
        }
    }

    /**
     * True when the named field passes the test. The field name is the rule's own (before any
     * log-source field mapping). For an array value, any element passing is enough.
     */
    record Field(String field, ValueTest test) implements Search {
        public Field {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(test, "test");
            if (field.isEmpty()) {
                throw new IllegalArgumentException("a field search needs a field name");
            }
        }
    }

    /** True when any string value of the event (a keyword search) passes the test. */
    record Keyword(ValueTest test) implements Search {
        public Keyword {
            Objects.requireNonNull(test, "test");
        }
    }
}
