package vn.lachan.sigma.correlate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.lachan.sigma.rule.CorrelationRule;

/**
 * Reports that a correlation rule fired for one group.
 *
 * @param rule the correlation that fired
 * @param groupBy the group-by names (aliases included) and the group's values, in the rule's order
 * @param first the time of the oldest match in the window
 * @param last the time of the newest match in the window (the alert's time)
 * @param value what was measured: count, distinct count, number of rules, sum, average or percentile
 * @param events the first events that built the alert, at most {@link CorrelationLimits#maxEventRefs()}
 * @param totalEvents how many events built the alert in all
 */
public record CorrelationAlert(
        CorrelationRule rule,
        Map<String, String> groupBy,
        Instant first,
        Instant last,
        double value,
        List<MatchRef> events,
        long totalEvents) {
    public CorrelationAlert {
        Objects.requireNonNull(rule, "rule");
        groupBy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupBy));
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        events = List.copyOf(events);
        if (totalEvents < events.size()) {
            throw new IllegalArgumentException("totalEvents " + totalEvents + " < " + events.size() + " references");
        }
    }
}
