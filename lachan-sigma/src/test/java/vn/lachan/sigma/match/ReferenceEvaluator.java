package vn.lachan.sigma.match;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/**
 * Evaluates a rule the naive way: recursive over the model, top-level field lookup, globs through
 * java.util.regex on char-folded text. Shares no matching code with the detector.
 */
final class ReferenceEvaluator {
    private static final Object ABSENT = new Object();

    private ReferenceEvaluator() {}

    static boolean matches(DetectionRule rule, Map<String, ?> event) {
        return condition(rule, rule.condition(), event);
    }

    private static boolean condition(DetectionRule rule, Condition c, Map<String, ?> event) {
        return switch (c) {
            case Condition.And a -> a.operands().stream().allMatch(o -> condition(rule, o, event));
            case Condition.Or o -> o.operands().stream().anyMatch(x -> condition(rule, x, event));
            case Condition.Not n -> !condition(rule, n.operand(), event);
            case Condition.Ref r ->
                search(java.util.Objects.requireNonNull(rule.searches().get(r.identifier())), event);
        };
    }

    private static boolean search(Search s, Map<String, ?> event) {
        return switch (s) {
            case Search.AllOf a -> a.parts().stream().allMatch(p -> search(p, event));
            case Search.AnyOf a -> a.parts().stream().anyMatch(p -> search(p, event));
            case Search.Not n -> !search(n.part(), event);
            case Search.Field f -> field(f.test(), event.containsKey(f.field()) ? event.get(f.field()) : ABSENT, event);
            case Search.Keyword k -> strings(event).stream().anyMatch(v -> scalar(k.test(), v, event));
        };
    }

    private static List<String> strings(Object node) {
        if (node instanceof String s) {
            return List.of(s);
        }
        if (node instanceof Map<?, ?> m) {
            return m.values().stream()
                    .filter(v -> v != null)
                    .flatMap(v -> strings(v).stream())
                    .toList();
        }
        if (node instanceof List<?> l) {
            return l.stream()
                    .filter(v -> v != null)
                    .flatMap(v -> strings(v).stream())
                    .toList();
        }
        return List.of();
    }

    private static boolean field(ValueTest test, @Nullable Object value, Map<String, ?> event) {
        if (test instanceof ValueTest.Null) {
            return value == null || value == ABSENT;
        }
        if (test instanceof ValueTest.Exists e) {
            return (value != ABSENT) == e.present();
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> v != null && field(test, v, event));
        }
        if (value == null || value == ABSENT || value instanceof Map) {
            return false;
        }
        return scalar(test, value, event);
    }

    private static @Nullable String text(@Nullable Object v) {
        if (v instanceof String || v instanceof Long || v instanceof Boolean) {
            return String.valueOf(v);
        }
        return null;
    }

    private static boolean scalar(ValueTest test, Object value, Map<String, ?> event) {
        String text = text(value);
        return switch (test) {
            case ValueTest.Text t ->
                text != null
                        && glob(t.glob(), t.cased())
                                .matcher(fold(text, t.cased()))
                                .matches();
            case ValueTest.Regex r ->
                text != null && Pattern.compile(r.pattern()).matcher(text).find();
            case ValueTest.Compare c -> number(text) instanceof BigDecimal n && c.op().holds(n.compareTo(c.value()));
            case ValueTest.FieldRef f -> text != null && fieldRef(f, text, text(event.get(f.field())));
            case ValueTest.Null n -> false;
            case ValueTest.Exists e -> e.present();
            default -> throw new IllegalArgumentException("the reference does not model " + test);
        };
    }

    private static boolean fieldRef(ValueTest.FieldRef f, String text, @Nullable String other) {
        if (other == null) {
            return false;
        }
        String a = fold(text, f.cased());
        String b = fold(other, f.cased());
        return switch (f.position()) {
            case EQUALS -> a.equals(b);
            case CONTAINS -> a.contains(b);
            case STARTS_WITH -> a.startsWith(b);
            case ENDS_WITH -> a.endsWith(b);
        };
    }

    private static @Nullable BigDecimal number(@Nullable String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fold(String text, boolean cased) {
        if (cased) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static Pattern glob(Glob glob, boolean cased) {
        StringBuilder regex = new StringBuilder();
        for (Glob.Part part : glob.parts()) {
            switch (part) {
                case Glob.Literal l -> regex.append(Pattern.quote(fold(l.text(), cased)));
                case Glob.AnyRun a -> regex.append(".*");
                case Glob.AnyChar c -> regex.append('.');
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
