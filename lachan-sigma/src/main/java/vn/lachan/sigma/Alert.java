package vn.lachan.sigma;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.RuleInfo;

/**
 * Reports a rule that fired: a detection rule on one event, or a correlation rule on a group of
 * events.
 *
 * @param kind detection or correlation
 * @param rule the rule's descriptive fields
 * @param time the event's time (detection) or the newest event's time (correlation); null when the
 *     event has no time
 * @param events the event (detection) or the first events that built the correlation, at most
 *     {@link EngineOptions#maxEventRefs()}
 * @param totalEvents how many events built the alert in all (1 for a detection)
 * @param groupBy the correlation's group-by names and values in its order; empty for a detection
 * @param value what the correlation measured (count, distinct count, number of rules, sum, average,
 *     percentile); null for a detection
 * @param windowStart the oldest event's time in the correlation's window; null for a detection
 */
public record Alert(
        Kind kind,
        RuleInfo rule,
        @Nullable Instant time,
        List<EventRef> events,
        long totalEvents,
        Map<String, String> groupBy,
        @Nullable Double value,
        @Nullable Instant windowStart) {
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        events = List.copyOf(events);
        groupBy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupBy));
        if (totalEvents < events.size()) {
            throw new IllegalArgumentException("totalEvents " + totalEvents + " < " + events.size() + " references");
        }
    }

    /** What fired. */
    public enum Kind {
        /** A detection rule matched one event. */
        DETECTION,
        /** A correlation rule's condition held over a group of events. */
        CORRELATION
    }
}
