package vn.lachan.sigma.match;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.DetectionRule;

/**
 * The compiled rules that apply to one routing key: shared predicates, one automaton per field
 * (and case mode) over every literal of the bucket, rule trees over predicate ids, and the trigger
 * index that picks candidate rules. Immutable; per-event state lives in {@link Evaluator}.
 */
final class Bucket {
    static final int DIRECT = -1;
    static final int EQUALS = 0;
    static final int PREFIX = 1;
    static final int SUFFIX = 2;
    static final int CONTAINS = 3;
    static final int ANCHOR = 4;

    final Check[] checks;
    final int[] slotOf;
    final int[] kind;
    final int[] @Nullable [] triggersOf;
    final Slot[] slots;
    final Variant[] variants;
    final int[] always;
    final int[] directTriggers;
    final int[] scanSlots;

    Bucket(
            Check[] checks,
            int[] slotOf,
            int[] kind,
            int[] @Nullable [] triggersOf,
            Slot[] slots,
            Variant[] variants,
            int[] always,
            int[] directTriggers,
            int[] scanSlots) {
        this.checks = checks;
        this.slotOf = slotOf;
        this.kind = kind;
        this.triggersOf = triggersOf;
        this.slots = slots;
        this.variants = variants;
        this.always = always;
        this.directTriggers = directTriggers;
        this.scanSlots = scanSlots;
    }

    int predicates() {
        return checks.length;
    }

    /** One rule as compiled for this bucket (a rule may appear twice with different renames). */
    record Variant(DetectionRule rule, int ruleId, Node root, Map<String, String> renames) {}

    /** A field (or a keyword scope) that tests read, with the automata over its literals. */
    static final class Slot {
        final String field;
        final boolean keyword;
        final List<String> keywordFields;
        final Automata all;

        Slot(String field, boolean keyword, List<String> keywordFields, Automata all) {
            this.field = field;
            this.keyword = keyword;
            this.keywordFields = keywordFields;
            this.all = all;
        }
    }

    /** The automata of one set of literals: folded and cased. */
    record Automata(Scan folded, Scan cased) {}

    /**
     * One automaton and, for each of its patterns, the predicates it serves.
     *
     * @param automaton null when there are no literals
     * @param uses pattern index to predicate ids
     */
    record Scan(@Nullable Automaton automaton, int[][] uses) {
        static final Scan NONE = new Scan(null, new int[0][]);
    }

    /** A node of a compiled rule tree. */
    abstract static class Node {
        abstract boolean eval(Evaluator e);
    }

    static final class And extends Node {
        final Node[] parts;

        And(Node[] parts) {
            this.parts = parts;
        }

        @Override
        boolean eval(Evaluator e) {
            for (Node part : parts) {
                if (!part.eval(e)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class Or extends Node {
        final Node[] parts;

        Or(Node[] parts) {
            this.parts = parts;
        }

        @Override
        boolean eval(Evaluator e) {
            for (Node part : parts) {
                if (part.eval(e)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Not extends Node {
        final Node part;

        Not(Node part) {
            this.part = part;
        }

        @Override
        boolean eval(Evaluator e) {
            return !part.eval(e);
        }
    }

    static final class Leaf extends Node {
        final int predicate;

        Leaf(int predicate) {
            this.predicate = predicate;
        }

        @Override
        boolean eval(Evaluator e) {
            return e.predicate(predicate);
        }
    }

    static final class Const extends Node {
        final boolean value;

        Const(boolean value) {
            this.value = value;
        }

        @Override
        boolean eval(Evaluator e) {
            return value;
        }
    }
}
