package vn.lachan.sigma.rule;

import java.util.Map;
import java.util.Objects;

/**
 * Holds a Sigma detection rule: what log it reads and what it looks for.
 *
 * @param info the descriptive fields
 * @param logsource the kind of log the rule applies to
 * @param searches the search identifiers by name, in the rule's order
 * @param condition how the searches combine; references only keys of {@code searches}
 */
public record DetectionRule(RuleInfo info, LogSource logsource, Map<String, Search> searches, Condition condition)
        implements RuleDocument {
    public DetectionRule {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(logsource, "logsource");
        searches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(searches));
        Objects.requireNonNull(condition, "condition");
    }
}
