package vn.lachan.store;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.query.Query;
import vn.lachan.core.store.StoredEvent;

/**
 * Evaluates a query over one event in memory, the slow obvious way, for the fields of {@link TestEvents}:
 * the reference that the store's answers are compared with.
 */
final class NaiveMatcher {
    private static final Map<String, FieldType> TYPES = Map.of(
            "host.name", FieldType.KEYWORD_CI,
            "user.name", FieldType.KEYWORD_CI,
            "event.code", FieldType.KEYWORD,
            "tag", FieldType.KEYWORD,
            "source.ip", FieldType.IP,
            "destination.port", FieldType.LONG,
            "network.bytes", FieldType.LONG,
            "risk", FieldType.DOUBLE,
            "message", FieldType.TEXT);

    private NaiveMatcher() {}

    static boolean matches(Query q, StoredEvent e) {
        return matches(q, flatten(e.fields()));
    }

    static Map<String, List<Object>> flatten(Map<String, @Nullable Object> fields) {
        Map<String, List<Object>> flat = new LinkedHashMap<>();
        flatten("", fields, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, @Nullable Object> fields, Map<String, List<Object>> flat) {
        fields.forEach((k, v) -> {
            String name = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> m) {
                flatten(name, (Map<String, @Nullable Object>) m, flat);
            } else if (v != null) {
                flat.computeIfAbsent(name, x -> new ArrayList<>()).add(v);
            }
        });
    }

    private static boolean matches(Query q, Map<String, List<Object>> e) {
        return switch (q) {
            case Query.Term t -> term(e, t.field(), t.value());
            case Query.Phrase p -> term(e, p.field(), p.text());
            case Query.Wildcard w -> any(e, w.field(), v -> wildcard(TYPES.get(w.field()), w.pattern(), v));
            case Query.Range r -> any(e, r.field(), v -> range(TYPES.get(r.field()), r, v));
            case Query.Exists x -> e.containsKey(x.field());
            case Query.Cidr c -> any(e, c.field(), v -> inNetwork(c, String.valueOf(v)));
            case Query.FreeText f -> freeText(e, f);
            case Query.And a -> a.clauses().stream().allMatch(c -> matches(c, e));
            case Query.Or o -> o.clauses().stream().anyMatch(c -> matches(c, e));
            case Query.Not n -> !matches(n.clause(), e);
            case Query.MatchAll m -> true;
        };
    }

    private static boolean any(Map<String, List<Object>> e, String field, Predicate<Object> test) {
        return e.getOrDefault(field, List.of()).stream().anyMatch(test);
    }

    private static boolean term(Map<String, List<Object>> e, String field, String value) {
        FieldType type = TYPES.get(field);
        if (type == null) {
            return false;
        }
        return any(e, field, v -> switch (type) {
            case KEYWORD -> v.equals(value);
            case KEYWORD_CI -> ((String) v).toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
            case LONG -> value.matches("-?\\d+") && Long.parseLong(value) == (Long) v;
            case DOUBLE -> isDouble(value) && Double.parseDouble(value) == (Double) v;
            case IP -> Query.isIp(value) && InetAddress.ofLiteral(value).equals(InetAddress.ofLiteral((String) v));
            case TEXT ->
                Collections.indexOfSubList(words((String) v), words(value)) >= 0
                        && !words(value).isEmpty();
            case DATE -> false;
        });
    }

    private static boolean freeText(Map<String, List<Object>> e, Query.FreeText f) {
        if (f.kind() == Query.FreeText.Kind.WILDCARD) {
            return any(e, "message", v -> wildcard(FieldType.TEXT, f.text(), v))
                    || any(e, "host.name", v -> wildcard(FieldType.KEYWORD_CI, f.text(), v))
                    || any(e, "user.name", v -> wildcard(FieldType.KEYWORD_CI, f.text(), v))
                    || any(e, "event.code", v -> wildcard(FieldType.KEYWORD, f.text(), v));
        }
        return term(e, "message", f.text())
                || term(e, "host.name", f.text())
                || term(e, "user.name", f.text())
                || term(e, "event.code", f.text());
    }

    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static boolean wildcard(@Nullable FieldType type, String pattern, Object v) {
        if (type == null) {
            return false;
        }
        boolean fold = type != FieldType.KEYWORD;
        Pattern regex = Pattern.compile(glob(fold ? pattern.toLowerCase(Locale.ROOT) : pattern));
        if (type == FieldType.TEXT) {
            return words((String) v).stream().anyMatch(w -> regex.matcher(w).matches());
        }
        String text = fold ? ((String) v).toLowerCase(Locale.ROOT) : (String) v;
        return regex.matcher(text).matches();
    }

    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static boolean range(@Nullable FieldType type, Query.Range r, Object v) {
        if (type == null) {
            return false;
        }
        return within(r.lower(), true, type, v) && within(r.upper(), false, type, v);
    }

    private static boolean within(Query.@Nullable Bound b, boolean lower, FieldType type, Object v) {
        if (b == null) {
            return true;
        }
        int c = switch (type) {
            case LONG, DOUBLE -> Double.compare(((Number) v).doubleValue(), Double.parseDouble(b.value()));
            case IP -> new BigInteger(1, bytes((String) v)).compareTo(new BigInteger(1, bytes(b.value())));
            case KEYWORD -> ((String) v).compareTo(b.value());
            case KEYWORD_CI, TEXT ->
                ((String) v).toLowerCase(Locale.ROOT).compareTo(b.value().toLowerCase(Locale.ROOT));
            case DATE -> 0;
        };
        return lower ? (b.inclusive() ? c >= 0 : c > 0) : (b.inclusive() ? c <= 0 : c < 0);
    }

    private static byte[] bytes(String ip) {
        byte[] raw = InetAddress.ofLiteral(ip).getAddress();
        if (raw.length == 16) {
            return raw;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    private static boolean inNetwork(Query.Cidr c, String value) {
        if (!Query.isIp(value)) {
            return false;
        }
        byte[] a = InetAddress.ofLiteral(value).getAddress();
        byte[] n = c.address().getAddress();
        if (a.length != n.length) {
            return false;
        }
        int bits = c.prefixLength();
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDouble(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException ex) {
            return false;
        }
    }
}
