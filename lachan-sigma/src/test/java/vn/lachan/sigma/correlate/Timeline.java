package vn.lachan.sigma.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;

/** Feeds hand-built matches to a correlator and keeps the alerts it reports. */
final class Timeline {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    final Correlator correlator;
    final List<CorrelationAlert> alerts = new ArrayList<>();
    private long index;

    Timeline(List<DetectionRule> rules, List<CorrelationRule> correlations, CorrelationLimits limits) {
        this.correlator = Correlator.build(rules, correlations, limits);
    }

    Timeline(List<DetectionRule> rules, CorrelationRule... correlations) {
        this(rules, List.of(correlations), CorrelationLimits.defaults());
    }

    /** Feeds a match of the rule at T0 + seconds with the given fields. */
    Timeline at(double seconds, DetectionRule rule, Map<String, Object> fields) {
        Instant time = T0.plusNanos(Math.round(seconds * 1e9));
        correlator.accept(rule, time, new MatchRef("events.json", index++, time), fields::get, alerts::add);
        return this;
    }

    Timeline at(double seconds, DetectionRule rule) {
        return at(seconds, rule, Map.of());
    }
}
