package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/**
 * A rule's condition with its searches inlined and its fields mapped: the form routing folds and
 * buckets compile. Records, so that equal trees share a compiled bucket.
 */
sealed interface Expr {
    /** Stands for a field whose value routing does not know. */
    Object UNKNOWN = new Object();

    record And(List<Expr> parts) implements Expr {}

    record Or(List<Expr> parts) implements Expr {}

    record Not(Expr part) implements Expr {}

    record Const(boolean value) implements Expr {}

    /**
     * One test: on a mapped event field, or ({@code keyword}) on every string value of the event or
     * of {@code keywordFields} when given.
     */
    record Leaf(String field, boolean keyword, List<String> keywordFields, ValueTest test) implements Expr {}

    Const TRUE = new Const(true);
    Const FALSE = new Const(false);

    /** Values routing knows for some fields. */
    interface Known {
        /** Returns the field's canonical text, null for JSON null, MISSING, or {@link #UNKNOWN}. */
        @Nullable
        Object value(String field);
    }

    /** Returns the rule's condition as a tree, fields renamed by {@code renames}. */
    static Expr of(DetectionRule rule, Map<String, String> renames, List<String> keywordFields) {
        return condition(rule, rule.condition(), renames, keywordFields);
    }

    private static Expr condition(DetectionRule rule, Condition c, Map<String, String> renames, List<String> kw) {
        return switch (c) {
            case Condition.And a ->
                and(a.operands().stream()
                        .map(o -> condition(rule, o, renames, kw))
                        .toList());
            case Condition.Or o ->
                or(o.operands().stream()
                        .map(x -> condition(rule, x, renames, kw))
                        .toList());
            case Condition.Not n -> not(condition(rule, n.operand(), renames, kw));
            case Condition.Ref r -> {
                Search search = rule.searches().get(r.identifier());
                if (search == null) {
                    throw new IllegalArgumentException(
                            "the condition names '" + r.identifier() + "', which is not a search of the rule");
                }
                yield search(search, renames, kw);
            }
        };
    }

    private static Expr search(Search s, Map<String, String> renames, List<String> kw) {
        return switch (s) {
            case Search.AllOf a ->
                and(a.parts().stream().map(p -> search(p, renames, kw)).toList());
            case Search.AnyOf a ->
                or(a.parts().stream().map(p -> search(p, renames, kw)).toList());
            case Search.Not n -> not(search(n.part(), renames, kw));
            case Search.Field f ->
                new Leaf(renames.getOrDefault(f.field(), f.field()), false, List.of(), rename(f.test(), renames));
            case Search.Keyword k -> new Leaf("", true, kw, k.test());
        };
    }

    private static ValueTest rename(ValueTest test, Map<String, String> renames) {
        if (test instanceof ValueTest.FieldRef ref && renames.containsKey(ref.field())) {
            return new ValueTest.FieldRef(renames.getOrDefault(ref.field(), ref.field()), ref.position(), ref.cased());
        }
        return test;
    }

    static Expr and(List<Expr> parts) {
        List<Expr> kept = new ArrayList<>();
        for (Expr part : parts) {
            if (part instanceof Const c) {
                if (!c.value()) {
                    return FALSE;
                }
            } else if (part instanceof And inner) {
                kept.addAll(inner.parts());
            } else {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.getFirst() : new And(List.copyOf(kept));
    }

    static Expr or(List<Expr> parts) {
        List<Expr> kept = new ArrayList<>();
        for (Expr part : parts) {
            if (part instanceof Const c) {
                if (c.value()) {
                    return TRUE;
                }
            } else if (part instanceof Or inner) {
                kept.addAll(inner.parts());
            } else {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? FALSE : kept.size() == 1 ? kept.getFirst() : new Or(List.copyOf(kept));
    }

    static Expr not(Expr part) {
        return switch (part) {
            case Const c -> c.value() ? FALSE : TRUE;
            case Not n -> n.part();
            default -> new Not(part);
        };
    }

    /** Returns the tree with every test on a known field replaced by its outcome. */
    static Expr fold(Expr expr, Known known, Checks checks) {
        return switch (expr) {
            case And a ->
                and(a.parts().stream().map(p -> fold(p, known, checks)).toList());
            case Or o -> or(o.parts().stream().map(p -> fold(p, known, checks)).toList());
            case Not n -> not(fold(n.part(), known, checks));
            case Const c -> c;
            case Leaf leaf -> foldLeaf(leaf, known, checks);
        };
    }

    private static Expr foldLeaf(Leaf leaf, Known known, Checks checks) {
        if (leaf.keyword() || leaf.test() instanceof ValueTest.FieldRef) {
            return leaf;
        }
        Object value = known.value(leaf.field());
        if (value == UNKNOWN) {
            return leaf;
        }
        return checks.get(leaf.test()).testField(value, checks.emptyView()) ? TRUE : FALSE;
    }
}
