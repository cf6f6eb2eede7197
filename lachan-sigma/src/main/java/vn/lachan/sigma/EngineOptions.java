package vn.lachan.sigma;

import java.time.Duration;
import vn.lachan.sigma.correlate.CorrelationLimits;

/**
 * Configures the engine's correlation memory and alert size.
 *
 * @param maxCorrelationStates the most correlation group states kept at once; the stalest is evicted
 *     beyond it (and counted)
 * @param maxEventRefs the most event references a correlation alert carries
 * @param lateness how far behind the newest event time a correlation group may fall before it is
 *     dropped; raise it when reading sources of different time ranges at once
 * @param maxChainDepth the most correlations that may be stacked on one another
 */
public record EngineOptions(int maxCorrelationStates, int maxEventRefs, Duration lateness, int maxChainDepth) {
    public EngineOptions {
        limits(maxCorrelationStates, maxEventRefs, lateness, maxChainDepth); // validates
    }

    /** Returns the defaults: 100,000 states, 100 references per alert, 1 h lateness, chains of 10. */
    public static EngineOptions defaults() {
        CorrelationLimits d = CorrelationLimits.defaults();
        return new EngineOptions(d.maxStates(), d.maxEventRefs(), d.lateness(), d.maxChainDepth());
    }

    CorrelationLimits correlationLimits() {
        return limits(maxCorrelationStates, maxEventRefs, lateness, maxChainDepth);
    }

    private static CorrelationLimits limits(int states, int refs, Duration lateness, int depth) {
        return new CorrelationLimits(states, CorrelationLimits.defaults().maxEntriesPerGroup(), refs, lateness, depth);
    }
}
