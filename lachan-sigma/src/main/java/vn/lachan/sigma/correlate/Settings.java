package vn.lachan.sigma.correlate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.CorrelationRule.Type;
import vn.lachan.sigma.rule.RuleDocument;

/** Checks one correlation's settings and derives what its {@link Node} and inputs need. */
final class Settings {
    private static final double DEFAULT_PERCENTILE = 50.0;

    private Settings() {}

    /** Adds a problem for each setting the rule's type needs and lacks; returns whether it can run. */
    static boolean check(CorrelationRule rule, List<Problem> problems) {
        boolean ok = true;
        if (needsField(rule.type()) && rule.fields().isEmpty()) {
            problems.add(Plan.problem(rule, "of type " + keyword(rule.type()) + " needs condition.field"));
            ok = false;
        }
        if (!temporal(rule.type()) && rule.bounds().isEmpty()) {
            problems.add(
                    Plan.problem(rule, "of type " + keyword(rule.type()) + " needs a condition such as 'gte: 10'"));
            ok = false;
        }
        Double percentile = rule.percentile();
        if (percentile != null && !(percentile >= 0 && percentile <= 100)) {
            problems.add(Plan.problem(rule, "has percentile " + percentile + ": it must lie between 0 and 100"));
            ok = false;
        }
        if (rule.type() == Type.VALUE_PERCENTILE && percentile == null) {
            problems.add(Plan.problem(rule, "gives no condition.percentile: the median (50) is used"));
        }
        return ok;
    }

    /** Adds a warning for each alias entry naming a rule that the correlation does not reference. */
    static void checkAliases(CorrelationRule rule, List<RuleDocument> targets, List<Problem> problems) {
        for (Map.Entry<String, Map<String, String>> alias : rule.aliases().entrySet()) {
            for (String named : alias.getValue().keySet()) {
                boolean known = targets.stream()
                        .anyMatch(t -> named.equals(t.info().name())
                                || named.equals(t.info().id()));
                if (!known) {
                    problems.add(Plan.problem(
                            rule,
                            "defines alias '" + alias.getKey() + "' for rule '" + named
                                    + "', which is not among its rules: the alias entry is ignored"));
                }
            }
        }
    }

    static Node node(int index, CorrelationRule rule, List<Problem> problems) {
        List<CorrelationRule.Bound> bounds = rule.bounds();
        if (bounds.isEmpty()) {
            bounds = List.of(new CorrelationRule.Bound(
                    Comparison.GTE, BigDecimal.valueOf(rule.rules().size())));
        }
        Double percentile = rule.percentile();
        return new Node(index, rule, bounds, percentile == null ? DEFAULT_PERCENTILE : percentile);
    }

    /** Returns how the target rule, at this position of the node's rules, feeds the node. */
    static Node.Input input(Node node, int position, RuleDocument target) {
        CorrelationRule rule = node.rule;
        List<String> groupFields =
                rule.groupBy().stream().map(g -> field(rule, g, target)).toList();
        List<String> valueFields =
                rule.fields().stream().map(f -> field(rule, f, target)).toList();
        return new Node.Input(node, position, groupFields, valueFields);
    }

    private static String field(CorrelationRule rule, String name, RuleDocument target) {
        Map<String, String> perRule = rule.aliases().get(name);
        if (perRule == null) {
            return name;
        }
        String byName =
                target.info().name() == null ? null : perRule.get(target.info().name());
        if (byName != null) {
            return byName;
        }
        String byId =
                target.info().id() == null ? null : perRule.get(target.info().id());
        return byId != null ? byId : name;
    }

    static boolean temporal(Type type) {
        return type == Type.TEMPORAL || type == Type.TEMPORAL_ORDERED;
    }

    private static boolean needsField(Type type) {
        return type == Type.VALUE_COUNT
                || type == Type.VALUE_SUM
                || type == Type.VALUE_AVG
                || type == Type.VALUE_PERCENTILE;
    }

    static String keyword(Type type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
