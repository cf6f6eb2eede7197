package vn.lachan.sigma.rule;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds a Sigma filter (meta filter): a condition added to other rules as {@code (rule) and
 * (filter)}, with no automatic negation.
 *
 * @param info the descriptive fields (a filter has no level)
 * @param logsource the filter applies only to rules whose log source lies within this one
 * @param rules ids or names of the rules it applies to; empty means every rule of the log source
 *     ({@code rules: any})
 * @param searches the filter's search identifiers by name
 * @param condition the filter's condition as written
 */
public record FilterRule(
        RuleInfo info, LogSource logsource, List<String> rules, Map<String, Search> searches, Condition condition)
        implements RuleDocument {
    public FilterRule {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(logsource, "logsource");
        rules = List.copyOf(rules);
        searches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(searches));
        Objects.requireNonNull(condition, "condition");
    }
}
