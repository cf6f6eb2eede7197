package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.logsource.LogSourceEntry;
import vn.lachan.sigma.rule.LogSource;

/**
 * Routes events to buckets: reads the few fields the log-source conditions use, looks their values
 * up in nested maps and returns the bucket compiled for them (once, then cached). Tests on those fields
 * are folded into constants when a bucket is built, so a bucket holds only the rules that can
 * still match. Thread-safe: the caches are concurrent maps of immutable buckets.
 */
final class Router {
    private static final int MAX_KEYS = 4096;
    private static final Object ABSENT = new Object();
    private static final Object NULL = new Object();
    private static final Object COMPLEX = new Object();

    private final List<LogSourceEntry> entries;
    private final List<RulePlan> plans;
    private final Checks checks;
    private final String[] fields;
    /** Per layout (index + 1, 0 for none), nested maps by routing-field value down to the bucket. */
    private final ConcurrentHashMap<Object, Object>[] roots;

    private final AtomicInteger keys = new AtomicInteger();
    private final ConcurrentHashMap<BitSet, Bucket> byEntries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<Signature>, Bucket> bySignature = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LogSource, Bucket> declared = new ConcurrentHashMap<>();

    private record Signature(int ruleId, Expr expr, Map<String, String> renames) {}

    Router(List<LogSourceEntry> entries, List<RulePlan> plans, Checks checks, int layouts) {
        this.entries = entries;
        this.plans = plans;
        this.checks = checks;
        TreeSet<String> names = new TreeSet<>();
        for (LogSourceEntry entry : entries) {
            for (Map<String, List<String>> alternative : entry.when()) {
                names.addAll(alternative.keySet());
            }
        }
        fields = names.toArray(String[]::new);
        roots = newRoots(layouts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConcurrentHashMap<Object, Object>[] newRoots(int layouts) {
        ConcurrentHashMap<Object, Object>[] out = new ConcurrentHashMap[layouts + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ConcurrentHashMap<>();
        }
        return out;
    }

    /**
     * Returns the bucket for the event bound to the view: a walk down one small map per routing
     * field, keyed by the field's raw value (no key string is built per event).
     */
    Bucket route(EventView view) {
        Object node = roots[view.layout() + 1];
        if (fields.length == 0) {
            node = ((ConcurrentHashMap<?, ?>) node).get(NULL);
            return node == null ? miss(view) : (Bucket) node;
        }
        for (String field : fields) {
            Object next = ((ConcurrentHashMap<?, ?>) node).get(component(view.get(field)));
            if (next == null) {
                return miss(view);
            }
            node = next;
        }
        return (Bucket) node;
    }

    private Bucket miss(EventView view) {
        Map<String, @Nullable Object> known = known(view);
        if (keys.get() >= MAX_KEYS) {
            return byEntries.computeIfAbsent(matched(known), m -> build(m, field -> Expr.UNKNOWN));
        }
        Bucket bucket = build(matched(known), field -> known.getOrDefault(field, Expr.UNKNOWN));
        ConcurrentHashMap<Object, Object> level = roots[view.layout() + 1];
        for (int i = 0; i < fields.length - 1; i++) {
            Object next = level.computeIfAbsent(component(view.get(fields[i])), k -> new ConcurrentHashMap<>());
            level = cast(next);
        }
        Object key = component(fields.length == 0 ? null : view.get(fields[fields.length - 1]));
        if (level.putIfAbsent(key, bucket) == null) {
            keys.incrementAndGet();
        }
        return bucket;
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<Object, Object> cast(Object level) {
        return (ConcurrentHashMap<Object, Object>) level;
    }

    /**
     * Returns the routing key of a value: the value itself when it is a scalar (equal values route
     * alike; a Long and a String of the same text only get separate entries for the same bucket),
     * else a marker for missing, null or a container.
     */
    private static Object component(@Nullable Object value) {
        if (value == Values.MISSING) {
            return ABSENT;
        }
        if (value == null) {
            return NULL;
        }
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value : COMPLEX;
    }

    private Map<String, @Nullable Object> known(EventView view) {
        Map<String, @Nullable Object> known = new HashMap<>();
        for (String field : fields) {
            Object value = view.get(field);
            if (value == Values.MISSING || value == null) {
                known.put(field, value);
            } else if (Values.text(value) instanceof String text) {
                known.put(field, text);
            }
        }
        return known;
    }

    private BitSet matched(Map<String, @Nullable Object> known) {
        BitSet out = new BitSet();
        for (int i = 0; i < entries.size(); i++) {
            for (Map<String, List<String>> alternative : entries.get(i).when()) {
                if (holds(alternative, known)) {
                    out.set(i);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean holds(Map<String, List<String>> conditions, Map<String, @Nullable Object> known) {
        for (Map.Entry<String, List<String>> c : conditions.entrySet()) {
            Object value = known.getOrDefault(c.getKey(), Values.MISSING);
            if (!(value instanceof String text) || !accepts(c.getValue(), text)) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(List<String> accepted, String text) {
        for (String a : accepted) {
            if (a.equals("*") || a.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Bucket build(BitSet matched, Expr.Known known) {
        List<BucketBuilder.Input> inputs = new ArrayList<>();
        List<Signature> signature = new ArrayList<>();
        for (RulePlan plan : plans) {
            for (RulePlan.Variant variant : plan.variants()) {
                if (!variant.entries().intersects(matched)) {
                    continue;
                }
                Expr folded = Expr.fold(variant.expr(), known, checks);
                if (!(folded instanceof Expr.Const c && !c.value())) {
                    inputs.add(new BucketBuilder.Input(plan.rule(), plan.ruleId(), folded, variant.renames()));
                    signature.add(new Signature(plan.ruleId(), folded, variant.renames()));
                }
            }
        }
        return bySignature.computeIfAbsent(signature, s -> new BucketBuilder(checks).build(inputs));
    }

    /** Returns the bucket of rules whose log source the declared one satisfies, fields unmapped. */
    Bucket declared(LogSource logSource) {
        Bucket bucket = declared.get(logSource);
        if (bucket != null) {
            return bucket;
        }
        List<BucketBuilder.Input> inputs = new ArrayList<>();
        for (RulePlan plan : plans) {
            if (vn.lachan.sigma.logsource.LogSourceMap.covers(
                    logSource, plan.rule().logsource())) {
                Expr expr = Expr.of(plan.rule(), Map.of(), List.of());
                inputs.add(new BucketBuilder.Input(plan.rule(), plan.ruleId(), expr, Map.of()));
            }
        }
        Bucket built = new BucketBuilder(checks).build(inputs);
        if (declared.size() < MAX_KEYS) {
            declared.putIfAbsent(logSource, built);
        }
        return built;
    }

    /** Returns how many distinct buckets were compiled so far. */
    int buckets() {
        return bySignature.size() + declared.size();
    }
}
