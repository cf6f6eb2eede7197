package vn.lachan.sigma.match;

import vn.lachan.sigma.rule.DetectionRule;

/** Receives the rules an event matches. */
@FunctionalInterface
public interface MatchSink {
    /**
     * Takes one match; called on the detecting thread, once per matching rule and event, in the
     * order the rules were given to {@link Detector#compile}.
     */
    void matched(DetectionRule rule, MatchedEvent event);
}
