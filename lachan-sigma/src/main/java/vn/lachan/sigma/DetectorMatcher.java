package vn.lachan.sigma;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.match.Detector;
import vn.lachan.sigma.match.MatchSink;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.LogSource;

/** Adapts the compiled {@link Detector} to the facade's matcher seam. */
final class DetectorMatcher implements EventMatcher {
    private final Detector detector;
    private final List<DetectionRule> rules;

    DetectorMatcher(Detector detector) {
        this.detector = detector;
        this.rules = detector.rules();
    }

    @Override
    public List<DetectionRule> rules() {
        return rules;
    }

    @Override
    public List<Problem> problems() {
        return detector.problems();
    }

    @Override
    public void detect(SourcedEvent event, @Nullable LogSource declared, Handler handler) {
        MatchSink sink = (rule, matched) -> handler.matched(rule, matched.timestamp(), matched::field);
        if (declared == null) {
            detector.detect(event, sink);
        } else {
            detector.detect(event, declared, sink);
        }
    }
}
