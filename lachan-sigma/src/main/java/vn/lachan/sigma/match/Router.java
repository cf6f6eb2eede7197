package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.logsource.LogSourceEntry;
import vn.lachan.sigma.rule.LogSource;

/**
 * Routes events to buckets: reads the few fields the log-source conditions use, makes a key of
 * their values and returns the bucket compiled for it (once, then cached). Tests on those fields
 * are folded into constants when a bucket is built, so a bucket holds only the rules that can
 * still match. Thread-safe: the caches are concurrent maps of immutable buckets.
 */
final class Router {
    private static final int MAX_KEYS = 4096;
    private static final String ABSENT = "\u0001";
    private static final String NULL = "\u0002";
    private static final String COMPLEX = "\u0003";

    private final List<LogSourceEntry> entries;
    private final List<RulePlan> plans;
    private final Checks checks;
    private final String[] fields;
    private final ConcurrentHashMap<String, Bucket> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<BitSet, Bucket> byEntries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<Signature>, Bucket> bySignature = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LogSource, Bucket> declared = new ConcurrentHashMap<>();

    private record Signature(int ruleId, Expr expr, Map<String, String> renames) {}

    Router(List<LogSourceEntry> entries, List<RulePlan> plans, Checks checks) {
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
    }

    /** Returns the bucket for the event bound to the view. */
    Bucket route(EventView view, StringBuilder key) {
        key.setLength(0);
        key.append(view.layout());
        for (String field : fields) {
            key.append('\u0000').append(component(view.get(field)));
        }
        String k = key.toString();
        Bucket bucket = byKey.get(k);
        if (bucket != null) {
            return bucket;
        }
        Map<String, @Nullable Object> known = known(view);
        if (byKey.size() >= MAX_KEYS) {
            return byEntries.computeIfAbsent(matched(known), m -> build(m, field -> Expr.UNKNOWN));
        }
        return byKey.computeIfAbsent(k, x -> build(matched(known), field -> known.getOrDefault(field, Expr.UNKNOWN)));
    }

    private static String component(@Nullable Object value) {
        if (value == Values.MISSING) {
            return ABSENT;
        }
        if (value == null) {
            return NULL;
        }
        String text = Values.text(value);
        return text == null ? COMPLEX : text;
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
