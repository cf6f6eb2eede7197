package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.ValueTest;

/** Compiles the folded rule trees of one routing key into a {@link Bucket}. */
final class BucketBuilder {
    /** One rule tree to compile. */
    record Input(DetectionRule rule, int ruleId, Expr expr, Map<String, String> renames) {}

    private record SlotKey(String field, boolean keyword, List<String> keywordFields) {}

    private record PredKey(SlotKey slot, ValueTest test) {}

    private final Checks checks;
    private final Map<SlotKey, Integer> slotIds = new LinkedHashMap<>();
    private final Map<PredKey, Integer> predIds = new HashMap<>();
    private final List<Check> predChecks = new ArrayList<>();
    private final List<Integer> predSlots = new ArrayList<>();
    private final List<Integer> predKinds = new ArrayList<>();
    private final List<String> predPatterns = new ArrayList<>();
    private final List<Boolean> predCased = new ArrayList<>();

    BucketBuilder(Checks checks) {
        this.checks = checks;
    }

    Bucket build(List<Input> inputs) {
        Bucket.Variant[] variants = new Bucket.Variant[inputs.size()];
        for (int i = 0; i < variants.length; i++) {
            Input in = inputs.get(i);
            variants[i] = new Bucket.Variant(in.rule(), in.ruleId(), node(in.expr()), in.renames());
        }
        int preds = predChecks.size();
        int[] kinds = predKinds.stream().mapToInt(Integer::intValue).toArray();
        int[] slotOf = predSlots.stream().mapToInt(Integer::intValue).toArray();
        boolean[] keywordSlot = new boolean[slotIds.size()];
        slotIds.forEach((key, slot) -> keywordSlot[slot] = key.keyword());
        Triggers triggers = new Triggers(preds, kinds, predPatterns, keywordSlot, slotOf);
        triggers.index(variants);
        Bucket.Slot[] slots = slots(kinds, slotOf);
        return new Bucket(
                predChecks.toArray(Check[]::new),
                slotOf,
                kinds,
                triggers.triggersOf(),
                slots,
                variants,
                triggers.always(),
                triggers.directTriggers(),
                triggers.scanSlots());
    }

    private Bucket.Node node(Expr expr) {
        return switch (expr) {
            case Expr.And a -> new Bucket.And(cheapFirst(a.parts()));
            case Expr.Or o -> new Bucket.Or(cheapFirst(o.parts()));
            case Expr.Not n -> new Bucket.Not(node(n.part()));
            case Expr.Const c -> new Bucket.Const(c.value());
            case Expr.Leaf leaf -> new Bucket.Leaf(predicate(leaf));
        };
    }

    /**
     * Compiles the operands of an AND or OR, cheapest to evaluate first: the outcome does not depend
     * on the order (tests have no side effects), but a literal found by the automaton scan is nearly
     * free while a regex or a glob runs over the text.
     */
    private Bucket.Node[] cheapFirst(List<Expr> parts) {
        Bucket.Node[] nodes = parts.stream().map(this::node).toArray(Bucket.Node[]::new);
        java.util.Arrays.sort(nodes, java.util.Comparator.comparingInt(this::rank));
        return nodes;
    }

    private int rank(Bucket.Node node) {
        return switch (node) {
            case Bucket.Leaf leaf -> rank(leaf.predicate);
            case Bucket.And and ->
                java.util.Arrays.stream(and.parts).mapToInt(this::rank).max().orElse(0);
            case Bucket.Or or ->
                java.util.Arrays.stream(or.parts).mapToInt(this::rank).max().orElse(0);
            case Bucket.Not not -> rank(not.part);
            default -> 0;
        };
    }

    private int rank(int predicate) {
        int kind = predKinds.get(predicate);
        if (kind != Bucket.DIRECT) {
            return kind == Bucket.ANCHOR ? 1 : 0;
        }
        return switch (predChecks.get(predicate)) {
            case Check.RegexCheck r -> 3;
            case Check.TextCheck t -> 2;
            case Check.FieldRefCheck f -> 2;
            default -> 1;
        };
    }

    private int predicate(Expr.Leaf leaf) {
        SlotKey slot = new SlotKey(leaf.field(), leaf.keyword(), leaf.keywordFields());
        PredKey key = new PredKey(slot, leaf.test());
        Integer known = predIds.get(key);
        if (known != null) {
            return known;
        }
        int id = predChecks.size();
        predIds.put(key, id);
        predChecks.add(checks.get(leaf.test()));
        predSlots.add(slotIds.computeIfAbsent(slot, k -> slotIds.size()));
        classify(leaf.test());
        return id;
    }

    private void classify(ValueTest test) {
        if (test instanceof ValueTest.Regex regex) {
            RegexAnchor anchor =
                    RegexAnchor.of(regex.pattern(), regex.flags().contains(ValueTest.RegexFlag.IGNORE_CASE));
            if (anchor == null) {
                add(Bucket.DIRECT, "", false);
            } else {
                add(Bucket.ANCHOR, anchor.literal(), !anchor.folded());
            }
            return;
        }
        if (!(test instanceof ValueTest.Text text) || text.glob().parts().isEmpty()) {
            add(Bucket.DIRECT, "", false);
            return;
        }
        List<Glob.Part> parts = text.glob().parts();
        int n = parts.size();
        boolean cased = text.cased();
        if (n == 1 && parts.getFirst() instanceof Glob.Literal l) {
            add(Bucket.EQUALS, l.text(), cased);
        } else if (n == 2 && parts.get(0) instanceof Glob.Literal l && parts.get(1) instanceof Glob.AnyRun) {
            add(Bucket.PREFIX, l.text(), cased);
        } else if (n == 2 && parts.get(0) instanceof Glob.AnyRun && parts.get(1) instanceof Glob.Literal l) {
            add(Bucket.SUFFIX, l.text(), cased);
        } else if (n == 3
                && parts.get(0) instanceof Glob.AnyRun
                && parts.get(1) instanceof Glob.Literal l
                && parts.get(2) instanceof Glob.AnyRun) {
            add(Bucket.CONTAINS, l.text(), cased);
        } else {
            String anchor = longestLiteral(parts);
            add(anchor.isEmpty() ? Bucket.DIRECT : Bucket.ANCHOR, anchor, cased);
        }
    }

    private static String longestLiteral(List<Glob.Part> parts) {
        String best = "";
        for (Glob.Part part : parts) {
            if (part instanceof Glob.Literal l && l.text().length() > best.length()) {
                best = l.text();
            }
        }
        return best;
    }

    private void add(int kind, String literal, boolean cased) {
        predKinds.add(kind);
        predPatterns.add(cased ? literal : GlobMatcher.fold(literal));
        predCased.add(cased);
    }

    private Bucket.Slot[] slots(int[] kinds, int[] slotOf) {
        Bucket.Slot[] out = new Bucket.Slot[slotIds.size()];
        for (Map.Entry<SlotKey, Integer> e : slotIds.entrySet()) {
            int slot = e.getValue();
            SlotKey key = e.getKey();
            Bucket.Automata all = new Bucket.Automata(
                    build(uses(slot, false, kinds, slotOf), false), build(uses(slot, true, kinds, slotOf), true));
            out[slot] = new Bucket.Slot(key.field(), key.keyword(), key.keywordFields(), all);
        }
        return out;
    }

    /** Returns the slot's literals (of one case mode) and the predicates each serves. */
    private Map<String, List<Integer>> uses(int slot, boolean cased, int[] kinds, int[] slotOf) {
        Map<String, List<Integer>> uses = new LinkedHashMap<>();
        for (int p = 0; p < kinds.length; p++) {
            if (slotOf[p] == slot && kinds[p] != Bucket.DIRECT && predCased.get(p) == cased) {
                uses.computeIfAbsent(predPatterns.get(p), k -> new ArrayList<>())
                        .add(p);
            }
        }
        return uses;
    }

    private Bucket.Scan build(Map<String, List<Integer>> uses, boolean cased) {
        if (uses.isEmpty()) {
            return Bucket.Scan.NONE;
        }
        List<String> patterns = new ArrayList<>(uses.size());
        int[][] byPattern = new int[uses.size()][];
        for (Map.Entry<String, List<Integer>> e : uses.entrySet()) {
            byPattern[patterns.size()] =
                    e.getValue().stream().mapToInt(Integer::intValue).toArray();
            patterns.add(e.getKey());
        }
        return new Bucket.Scan(checks.automaton(patterns, !cased), byPattern);
    }
}
