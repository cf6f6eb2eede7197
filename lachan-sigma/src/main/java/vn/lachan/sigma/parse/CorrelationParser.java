package vn.lachan.sigma.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import vn.lachan.core.problem.Suggestions;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.CorrelationRule.Bound;
import vn.lachan.sigma.rule.CorrelationRule.Type;
import vn.lachan.sigma.rule.RuleInfo;

/** Reads the {@code correlation:} block of a correlation (meta) rule. */
final class CorrelationParser {
    private static final Pattern TIMESPAN = Pattern.compile("(\\d{1,9})([smhdwMy])");
    private static final List<String> TYPES = List.of(
            "event_count", "value_count", "temporal", "temporal_ordered", "value_sum", "value_avg", "value_percentile");
    private static final List<String> OPERATORS = List.of("gt", "gte", "lt", "lte", "eq", "neq");

    private final YamlDocuments yaml;
    private final Issues issues;

    CorrelationParser(YamlDocuments yaml, Issues issues) {
        this.yaml = yaml;
        this.issues = issues;
    }

    /** Returns the correlation, or null when a problem was reported. */
    @Nullable
    CorrelationRule parse(Map<String, Nodes.Entry> doc, Node block, @Nullable RuleInfo info) {
        Map<String, Nodes.Entry> map = Nodes.mapping(block, "correlation", issues);
        if (map == null) {
            return null;
        }
        Type type = type(map, block);
        List<String> rules = rules(map, block);
        List<String> groupBy = groupBy(map, type);
        Duration timespan = timespan(map, block);
        Condition condition = condition(map, block, type, rules.size());
        Map<String, Map<String, String>> aliases = aliases(map);
        boolean generate = generate(doc, map);
        if (info == null || type == null || timespan == null || condition == null || issues.hasErrors()) {
            return null;
        }
        return new CorrelationRule(
                info,
                type,
                rules,
                groupBy,
                timespan,
                condition.bounds(),
                condition.fields(),
                condition.percentile(),
                aliases,
                generate);
    }

    private record Condition(
            List<Bound> bounds,
            List<String> fields,
            @Nullable Double percentile) {}

    private @Nullable Type type(Map<String, Nodes.Entry> map, Node block) {
        Nodes.Entry entry = map.get("type");
        String word = entry == null ? null : Nodes.text(entry.value(), "correlation type", issues);
        if (entry == null) {
            issues.error(block, "the correlation has no 'type' (required: one of " + String.join(", ", TYPES) + ")");
        } else if (word != null && !TYPES.contains(word)) {
            issues.error(
                    entry.value(),
                    "unknown correlation type '" + word + "' (expected one of " + String.join(", ", TYPES) + ")"
                            + Suggestions.hint(word, TYPES));
        } else if (word != null) {
            return Type.valueOf(word.toUpperCase(Locale.ROOT));
        }
        return null;
    }

    private List<String> rules(Map<String, Nodes.Entry> map, Node block) {
        Nodes.Entry entry = map.get("rules");
        if (entry == null) {
            issues.error(block, "the correlation has no 'rules' (required: the ids or names of the correlated rules)");
            return List.of();
        }
        List<String> rules = Nodes.texts(entry.value(), "'rules'", issues);
        if (rules.isEmpty()) {
            issues.error(entry.value(), "'rules' lists no rule");
        }
        if (new HashSet<>(rules).size() != rules.size()) {
            issues.error(entry.value(), "'rules' lists a rule twice");
        }
        return rules;
    }

    private List<String> groupBy(Map<String, Nodes.Entry> map, @Nullable Type type) {
        Nodes.Entry entry = map.get("group-by");
        if (entry == null) {
            if (type != null && type != Type.TEMPORAL && type != Type.TEMPORAL_ORDERED) {
                issues.warn(null, "the correlation has no 'group-by': all matching events form one group");
            }
            return List.of();
        }
        return Nodes.texts(entry.value(), "'group-by'", issues);
    }

    private @Nullable Duration timespan(Map<String, Nodes.Entry> map, Node block) {
        Nodes.Entry entry = map.get("timespan");
        String text = entry == null ? null : Nodes.text(entry.value(), "'timespan'", issues);
        if (entry == null) {
            issues.error(block, "the correlation has no 'timespan' (required, such as 90m)");
            return null;
        }
        Matcher m = text == null ? null : TIMESPAN.matcher(text.strip());
        if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
            if (text != null) {
                issues.error(
                        entry.value(),
                        "timespan '" + text
                                + "' must be a positive number and a unit s, m, h, d (or w, M, y), such as 90m");
            }
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            case "M" -> Duration.ofSeconds(2_629_746L * n);
            default -> Duration.ofSeconds(31_556_952L * n);
        };
    }

    private @Nullable Condition condition(
            Map<String, Nodes.Entry> map, Node block, @Nullable Type type, int ruleCount) {
        boolean temporal = type == Type.TEMPORAL || type == Type.TEMPORAL_ORDERED;
        Nodes.Entry entry = map.get("condition");
        if (entry == null) {
            if (!temporal && type != null) {
                issues.error(
                        block,
                        "the correlation has no 'condition' (required for "
                                + type.name().toLowerCase(Locale.ROOT) + ")");
                return null;
            }
            return new Condition(List.of(new Bound(Comparison.GTE, BigDecimal.valueOf(ruleCount))), List.of(), null);
        }
        if (entry.value() instanceof ScalarNode s && !Nodes.isNull(s)) {
            issues.error(
                    s,
                    "a condition written as an expression (draft Sigma 2.2 temporal conditions) is not supported: "
                            + "use a map such as 'gte: 2'");
            return null;
        }
        Map<String, Nodes.Entry> ops = Nodes.mapping(entry.value(), "the correlation condition", issues);
        return ops == null ? null : condition(ops, entry.value(), type, temporal);
    }

    private @Nullable Condition condition(
            Map<String, Nodes.Entry> ops, Node at, @Nullable Type type, boolean temporal) {
        List<Bound> bounds = new ArrayList<>();
        List<String> fields = List.of();
        Double percentile = null;
        for (Nodes.Entry op : ops.values()) {
            switch (op.key()) {
                case "field" -> fields = Nodes.texts(op.value(), "condition 'field'", issues);
                case "percentile" -> percentile = percentile(op.value());
                default -> bound(op, bounds);
            }
        }
        if (bounds.isEmpty()) {
            issues.error(
                    at, "the correlation condition needs one of " + String.join(", ", OPERATORS) + " with a number");
        }
        boolean needsField = type != null && type != Type.EVENT_COUNT && !temporal;
        if (type != null && needsField && fields.isEmpty()) {
            issues.error(
                    at, "a " + type.name().toLowerCase(Locale.ROOT) + " correlation needs 'field' in its condition");
        } else if (!needsField && !fields.isEmpty()) {
            issues.warn(at, "'field' in the condition is ignored by this correlation type");
        }
        return new Condition(bounds, fields, percentile);
    }

    private void bound(Nodes.Entry op, List<Bound> bounds) {
        if (!OPERATORS.contains(op.key())) {
            issues.error(
                    op.keyNode(),
                    "unknown condition operator '" + op.key() + "' (expected one of " + String.join(", ", OPERATORS)
                            + ", field, percentile)" + Suggestions.hint(op.key(), OPERATORS));
            return;
        }
        BigDecimal number = number(op.value());
        if (number == null) {
            issues.error(op.value(), "'" + op.key() + "' needs a number, not " + Nodes.describe(op.value()));
            return;
        }
        bounds.add(new Bound(Comparison.valueOf(op.key().toUpperCase(Locale.ROOT)), number));
    }

    private @Nullable Double percentile(Node node) {
        BigDecimal number = number(node);
        if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
            issues.error(node, "'percentile' needs a number from 0 to 100, not " + Nodes.describe(node));
            return null;
        }
        return number.doubleValue();
    }

    private @Nullable BigDecimal number(Node node) {
        Object value = node instanceof ScalarNode s ? yaml.value(s) : null;
        return switch (value) {
            case BigInteger i -> new BigDecimal(i);
            case BigDecimal d -> d;
            case null, default -> null;
        };
    }

    private Map<String, Map<String, String>> aliases(Map<String, Nodes.Entry> map) {
        Nodes.Entry entry = map.get("aliases");
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        Map<String, Nodes.Entry> names = entry == null ? null : Nodes.mapping(entry.value(), "'aliases'", issues);
        if (names == null) {
            return aliases;
        }
        for (Nodes.Entry alias : names.values()) {
            Map<String, Nodes.Entry> perRule = Nodes.mapping(alias.value(), "alias '" + alias.key() + "'", issues);
            Map<String, String> fields = new LinkedHashMap<>();
            if (perRule != null) {
                perRule.forEach((rule, field) -> {
                    String text = Nodes.text(field.value(), "the field of alias '" + alias.key() + "'", issues);
                    if (text != null) {
                        fields.put(rule, text);
                    }
                });
            }
            aliases.put(alias.key(), fields);
        }
        return aliases;
    }

    private boolean generate(Map<String, Nodes.Entry> doc, Map<String, Nodes.Entry> map) {
        Nodes.Entry entry = map.containsKey("generate") ? map.get("generate") : doc.get("generate");
        if (entry == null) {
            return false;
        }
        Object value = entry.value() instanceof ScalarNode s ? yaml.value(s) : null;
        if (value instanceof Boolean b) {
            return b;
        }
        issues.error(entry.value(), "'generate' must be true or false, not " + Nodes.describe(entry.value()));
        return false;
    }
}
