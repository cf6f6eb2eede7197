package vn.lachan.sigma.correlate;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds what the correlator keeps in memory and how late an event may arrive.
 *
 * @param maxStates the most group states (one per correlation and group-by values) kept at once;
 *     beyond it the least recently updated state is evicted and counted
 * @param maxEntriesPerGroup the most matches one group's window keeps; beyond it the oldest is
 *     dropped (only reachable with huge thresholds)
 * @param maxEventRefs the most event references an alert carries (the first ones; the alert says
 *     how many there were in all)
 * @param lateness how far behind the newest event time seen a group may fall before its state is
 *     dropped; raise it when sources with different time ranges are read at the same time
 * @param maxChainDepth the most correlations that may be stacked on one another
 */
public record CorrelationLimits(
        int maxStates, int maxEntriesPerGroup, int maxEventRefs, Duration lateness, int maxChainDepth) {
    public CorrelationLimits {
        positive("maxStates", maxStates);
        positive("maxEntriesPerGroup", maxEntriesPerGroup);
        positive("maxEventRefs", maxEventRefs);
        positive("maxChainDepth", maxChainDepth);
        Objects.requireNonNull(lateness, "lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness must not be negative, was " + lateness);
        }
    }

    /** Returns the defaults: 100,000 states, 10,000 matches per group, 100 references, 1 h lateness, depth 10. */
    public static CorrelationLimits defaults() {
        return new CorrelationLimits(100_000, 10_000, 100, Duration.ofHours(1), 10);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
