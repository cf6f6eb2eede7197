package vn.lachan.sigma.rule;

import java.util.List;
import java.util.Objects;

/**
 * Combines search identifiers, as the {@code condition} of a detection says. Quantifiers ({@code 1
 * of sel*}, {@code all of them}) and condition lists are resolved by the parser into {@link Or} and
 * {@link And} of {@link Ref}s.
 */
public sealed interface Condition {

    /** True when every operand is true. */
    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("and needs operands");
            }
        }
    }

    /** True when any operand is true. */
    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("or needs operands");
            }
        }
    }

    /** True when the operand is false. */
    record Not(Condition operand) implements Condition {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** True when the named search identifier matches. */
    record Ref(String identifier) implements Condition {
        public Ref {
            Objects.requireNonNull(identifier, "identifier");
        }
    }
}
