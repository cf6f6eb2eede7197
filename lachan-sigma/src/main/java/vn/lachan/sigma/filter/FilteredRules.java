package vn.lachan.sigma.filter;

import java.util.List;

/**
 * Holds the detection rules after filters were applied, with what is worth telling about the filters.
 *
 * @param rules every detection rule, in the input order; a rule a filter applies to is replaced by
 *     a new rule whose condition is {@code (rule) and (filter)}, the others are the same instances
 * @param applied how many (filter, rule) pairs were combined
 * @param warnings filters naming rules that are not loaded or that lie outside their log source,
 *     filters naming correlations, filters that apply to nothing
 */
public record FilteredRules(
        List<vn.lachan.sigma.rule.DetectionRule> rules, int applied, List<vn.lachan.core.problem.Problem> warnings) {
    public FilteredRules {
        rules = List.copyOf(rules);
        warnings = List.copyOf(warnings);
        if (applied < 0) {
            throw new IllegalArgumentException("applied must be >= 0, was " + applied);
        }
    }
}
