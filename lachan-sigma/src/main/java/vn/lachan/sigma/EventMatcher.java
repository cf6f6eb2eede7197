package vn.lachan.sigma;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.correlate.FieldSource;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.LogSource;

/** Finds the detection rules an event matches: the seam between the facade and the compiled matcher. */
interface EventMatcher {

    /** Returns the rules the matcher compiled (those it rejected have a problem instead). */
    List<DetectionRule> rules();

    /** Returns the problems found while compiling: rules rejected, with why. */
    List<Problem> problems();

    /**
     * Calls the handler once per rule the event matches; with a declared log source, only rules
     * within it are tried and fields are read without renames. Must be safe to call from many
     * threads.
     */
    void detect(SourcedEvent event, @Nullable LogSource declared, Handler handler);

    /** Receives one match. */
    @FunctionalInterface
    interface Handler {
        /**
         * Takes a match of the rule, with the event's time when it has one and its fields by the
         * rule's field names.
         */
        void matched(DetectionRule rule, @Nullable Instant time, FieldSource fields);
    }
}
