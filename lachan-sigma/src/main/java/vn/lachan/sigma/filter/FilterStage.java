package vn.lachan.sigma.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.FilterRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.RuleInfo;

/**
 * Applies filters to detection rules. A filter applies to a rule when the rule's log source lies
 * within the filter's (every key the filter gives has the same value in the rule, so {@code product:
 * windows} alone covers every Windows rule) and the filter names the rule by id or name, or names no
 * rule ({@code rules: any}). Filters never apply to correlation rules. Stateless and thread-safe.
 */
public final class FilterStage {
    private FilterStage() {}

    /**
     * Returns the rules with every applicable filter ANDed to their condition, in the filters' order.
     *
     * @param correlations the loaded correlations, only to tell a filter that names one that it has
     *     no effect there
     */
    public static FilteredRules apply(
            List<DetectionRule> rules, List<FilterRule> filters, List<CorrelationRule> correlations) {
        int[] uses = new int[filters.size()];
        List<DetectionRule> out = new ArrayList<>(rules.size());
        for (DetectionRule rule : rules) {
            DetectionRule current = rule;
            for (int i = 0; i < filters.size(); i++) {
                if (appliesTo(filters.get(i), rule)) {
                    current = Combination.combine(current, filters.get(i), i);
                    uses[i]++;
                }
            }
            out.add(current);
        }
        List<Problem> warnings = new ArrayList<>();
        int applied = 0;
        for (int i = 0; i < filters.size(); i++) {
            applied += uses[i];
            warnings.addAll(check(filters.get(i), uses[i], rules, correlations));
        }
        return new FilteredRules(out, applied, warnings);
    }

    /** Returns whether the filter applies to the rule (log source containment and rule naming). */
    static boolean appliesTo(FilterRule filter, DetectionRule rule) {
        return within(rule.logsource(), filter.logsource()) && (filter.rules().isEmpty() || names(filter, rule.info()));
    }

    /** Returns whether every key the outer log source gives has the same value in the inner one. */
    static boolean within(LogSource inner, LogSource outer) {
        if (!same(outer.category(), inner.category())
                || !same(outer.product(), inner.product())
                || !same(outer.service(), inner.service())) {
            return false;
        }
        for (Map.Entry<String, String> key : outer.extra().entrySet()) {
            if (!same(key.getValue(), inner.extra().get(key.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(@Nullable String outer, @Nullable String inner) {
        return outer == null
                || (inner != null && outer.toLowerCase(Locale.ROOT).equals(inner.toLowerCase(Locale.ROOT)));
    }

    private static boolean names(FilterRule filter, RuleInfo info) {
        return filter.rules().stream().anyMatch(r -> r.equals(info.id()) || r.equals(info.name()));
    }

    private static List<Problem> check(
            FilterRule filter, int uses, List<DetectionRule> rules, List<CorrelationRule> correlations) {
        List<Problem> warnings = new ArrayList<>();
        for (String named : filter.rules()) {
            DetectionRule rule = rules.stream()
                    .filter(r ->
                            named.equals(r.info().id()) || named.equals(r.info().name()))
                    .findFirst()
                    .orElse(null);
            if (rule != null && !within(rule.logsource(), filter.logsource())) {
                warnings.add(warning(
                        filter,
                        "names rule '" + named + "', whose log source " + text(rule.logsource())
                                + " is not within the filter's " + text(filter.logsource())
                                + ": it does not apply there"));
            } else if (rule == null
                    && correlations.stream()
                            .anyMatch(c -> named.equals(c.info().id())
                                    || named.equals(c.info().name()))) {
                warnings.add(warning(
                        filter,
                        "names correlation '" + named
                                + "': filters never apply to correlations; name the rules it references"));
            } else if (rule == null) {
                warnings.add(warning(
                        filter,
                        "names rule '" + named + "', which is not loaded (no detection rule"
                                + " has this id or name)"));
            }
        }
        if (uses == 0) {
            warnings.add(warning(filter, "applies to no loaded rule"));
        }
        return warnings;
    }

    private static Problem warning(FilterRule filter, String message) {
        return new Problem(
                filter.info().origin().file(),
                "line " + filter.info().origin().line(),
                "filter '" + filter.info().title() + "' " + message);
    }

    private static String text(LogSource source) {
        List<String> keys = new ArrayList<>();
        addKey(keys, "category", source.category());
        addKey(keys, "product", source.product());
        addKey(keys, "service", source.service());
        source.extra().forEach((k, v) -> addKey(keys, k, v));
        return keys.isEmpty() ? "{}" : "{" + String.join(", ", keys) + "}";
    }

    private static void addKey(List<String> keys, String name, @Nullable String value) {
        if (value != null) {
            keys.add(name + ": " + Objects.requireNonNull(value));
        }
    }
}
