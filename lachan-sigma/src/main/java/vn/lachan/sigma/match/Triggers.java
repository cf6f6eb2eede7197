package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives, for each rule of a bucket, a set of predicates at least one of which must be true for
 * the rule to match (AND: the cheapest, most selective operand; OR: the union; NOT: none, the rule
 * is always a candidate), and indexes rules by those predicates.
 */
final class Triggers {
    private final int[] kinds;
    private final List<String> patterns;
    private final boolean[] keywordSlot;
    private final int[] slotOf;
    private final List<List<Integer>> byPredicate = new ArrayList<>();
    private final List<Integer> always = new ArrayList<>();

    Triggers(int predicates, int[] kinds, List<String> patterns, boolean[] keywordSlot, int[] slotOf) {
        this.kinds = kinds;
        this.patterns = patterns;
        this.keywordSlot = keywordSlot;
        this.slotOf = slotOf;
        for (int i = 0; i < predicates; i++) {
            byPredicate.add(new ArrayList<>());
        }
    }

    /** A trigger set and its estimated cost (roughly, how often it lets a rule through). */
    private record Set2(Set<Integer> predicates, double cost) {}

    void index(Bucket.Variant[] variants) {
        for (int v = 0; v < variants.length; v++) {
            Set2 set = of(variants[v].root());
            if (set == null) {
                always.add(v);
            } else {
                for (int p : set.predicates()) {
                    byPredicate.get(p).add(v);
                }
            }
        }
    }

    private @Nullable Set2 of(Bucket.Node node) {
        return switch (node) {
            case Bucket.Leaf leaf -> new Set2(Set.of(leaf.predicate), cost(leaf.predicate));
            case Bucket.And and -> cheapest(and.parts);
            case Bucket.Or or -> union(or.parts);
            case Bucket.Const c -> c.value ? null : new Set2(Set.of(), 0);
            default -> null;
        };
    }

    private @Nullable Set2 cheapest(Bucket.Node[] parts) {
        Set2 best = null;
        for (Bucket.Node part : parts) {
            Set2 set = of(part);
            if (set != null && (best == null || set.cost() < best.cost())) {
                best = set;
            }
        }
        return best;
    }

    private @Nullable Set2 union(Bucket.Node[] parts) {
        Set<Integer> all = new LinkedHashSet<>();
        double cost = 0;
        for (Bucket.Node part : parts) {
            Set2 set = of(part);
            if (set == null) {
                return null;
            }
            all.addAll(set.predicates());
            cost += set.cost();
        }
        return new Set2(all, cost);
    }

    private double cost(int predicate) {
        double factor = keywordSlot[slotOf[predicate]] ? 3 : 1;
        // past a few chars a longer literal is not rarer: long path prefixes such as
        // C:\Windows\System32\ occur in most events, while a short exact value is selective
        int length = Math.min(patterns.get(predicate).length(), 8);
        double base = switch (kinds[predicate]) {
            case Bucket.EQUALS -> 0.2 / (1 + length);
            case Bucket.PREFIX, Bucket.SUFFIX -> 0.5 / (1 + length);
            case Bucket.CONTAINS, Bucket.ANCHOR -> 1.0 / (1 + length);
            default -> 1.5;
        };
        return base * factor;
    }

    int[] @Nullable [] triggersOf() {
        int[] @Nullable [] out = new int[byPredicate.size()][];
        for (int p = 0; p < out.length; p++) {
            List<Integer> rules = byPredicate.get(p);
            out[p] = rules.isEmpty()
                    ? null
                    : rules.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    int[] always() {
        return always.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] directTriggers() {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < byPredicate.size(); p++) {
            if (kinds[p] == Bucket.DIRECT && !byPredicate.get(p).isEmpty()) {
                out.add(p);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] scanSlots() {
        Set<Integer> out = new LinkedHashSet<>();
        for (int p = 0; p < byPredicate.size(); p++) {
            if (kinds[p] != Bucket.DIRECT && !byPredicate.get(p).isEmpty()) {
                out.add(slotOf[p]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
