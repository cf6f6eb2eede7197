package vn.lachan.sigma.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;

/**
 * Evaluates correlation rules over detection matches.
 *
 * <p><b>Windows.</b> Each correlation keeps, per group-by values, the matches of the last {@code
 * timespan} of <em>event</em> time before the group's newest match (both ends inclusive): a sliding
 * window, not fixed buckets. The condition is checked at each match.
 *
 * <p><b>Out of order.</b> A match may arrive late: it takes its place by time as long as it is not
 * older than its group's window (or the group's last alert); older ones are dropped and counted as
 * {@code late}. Group state is dropped once the newest event time seen anywhere passes the group's
 * newest match by more than {@code timespan + lateness}.
 *
 * <p><b>After an alert</b> the group's window is emptied and matches up to the alert's time are not
 * counted again, so one burst gives one alert; the next alert needs a full new set of matches.
 *
 * <p><b>Chaining.</b> An alert of a correlation is itself a match for the correlations that
 * reference it, at the alert's time, with the alert's group-by values as its fields. <b>Generate.</b>
 * A rule referenced by correlations is reported on its own only when one of them says {@code
 * generate: true}.
 *
 * <p>Thread-safe: updates are serialised on one lock, taken only for matches of rules that
 * correlations reference; alerts are handed to the sink after the lock is released.
 */
public final class Correlator {
    private static final long SWEEP_EVERY_MICROS = 60_000_000L;

    private final Plan plan;
    private final CorrelationLimits limits;
    private final long latenessMicros;
    private final StateTable states;
    private long clock = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;
    private long alerts;
    private long late;
    private long ungrouped;
    private long untimed;

    private Correlator(Plan plan, CorrelationLimits limits) {
        this.plan = plan;
        this.limits = limits;
        this.latenessMicros = limits.lateness().toNanos() / 1000;
        this.states = new StateTable(limits.maxStates());
    }

    /**
     * Resolves the correlations against the rules and returns a correlator; correlations that cannot
     * run are left out, each with a problem (see {@link #problems()}).
     *
     * @param detections the detection rules, the very instances whose matches will be passed to
     *     {@link #accept}
     */
    public static Correlator build(
            List<DetectionRule> detections, List<CorrelationRule> correlations, CorrelationLimits limits) {
        return new Correlator(Plan.build(detections, correlations, limits.maxChainDepth()), limits);
    }

    /** Returns the problems found while building: rejected correlations and warnings. */
    public List<Problem> problems() {
        return List.copyOf(plan.problems);
    }

    /** Returns how many correlations run. */
    public int correlations() {
        return plan.nodes.size();
    }

    /** Returns whether a running correlation consumes the rule's matches. */
    public boolean watches(DetectionRule rule) {
        return plan.inputs.containsKey(rule);
    }

    /** Returns whether the rule's own matches are to be reported (false when only correlations use them). */
    public boolean reports(DetectionRule rule) {
        return plan.reported.getOrDefault(rule, true);
    }

    /**
     * Feeds one match of a detection rule; hands every reported alert it completes to the sink, on the
     * calling thread, after the state lock is released.
     *
     * @param time the event's time; a match without one cannot be placed in a window and is counted
     *     as {@code untimed}
     */
    public void accept(
            DetectionRule rule,
            @Nullable Instant time,
            MatchRef ref,
            FieldSource fields,
            Consumer<CorrelationAlert> sink) {
        List<Node.Input> inputs = plan.inputs.get(rule);
        if (inputs == null) {
            return;
        }
        List<CorrelationAlert> fired = new ArrayList<>();
        synchronized (this) {
            if (time == null) {
                untimed++;
                return;
            }
            long micros = Values.micros(time);
            for (Node.Input input : inputs) {
                feed(input, micros, micros, List.of(ref), 1, fields, fired);
            }
            advance(micros);
        }
        fired.forEach(sink);
    }

    private void feed(
            Node.Input input,
            long time,
            long since,
            List<MatchRef> refs,
            long refCount,
            FieldSource fields,
            List<CorrelationAlert> fired) {
        List<String> key = Values.key(input.groupFields(), fields);
        if (key == null) {
            ungrouped++;
            return;
        }
        Node node = input.node();
        GroupWindow.Entry entry = new GroupWindow.Entry(
                time,
                since,
                input.position(),
                Values.distinct(input.valueFields(), fields),
                Values.number(input.valueFields(), fields),
                refs,
                refCount);
        GroupWindow window = states.window(node, key);
        if (!window.add(entry, limits.maxEntriesPerGroup())) {
            late++;
            return;
        }
        double value = Measure.of(node, window.entries);
        if (!Measure.holds(node.bounds, value)) {
            return;
        }
        CorrelationAlert alert = alert(window, value);
        window.reset();
        alerts++;
        if (node.reported) {
            fired.add(alert);
        }
        for (Node.Input next : node.downstream) {
            feed(
                    next,
                    window.newest,
                    Values.micros(alert.first()),
                    alert.events(),
                    alert.totalEvents(),
                    alert.groupBy()::get,
                    fired);
        }
    }

    private CorrelationAlert alert(GroupWindow window, double value) {
        List<MatchRef> refs = new ArrayList<>();
        long total = 0;
        List<GroupWindow.Entry> entries =
                window.entries.subList(Measure.start(window.node, window.entries), window.entries.size());
        for (GroupWindow.Entry entry : entries) {
            total += entry.refCount();
            for (MatchRef ref : entry.refs()) {
                if (refs.size() < limits.maxEventRefs()) {
                    refs.add(ref);
                }
            }
        }
        Map<String, String> groupBy = new LinkedHashMap<>();
        List<String> names = window.node.rule.groupBy();
        for (int i = 0; i < names.size(); i++) {
            groupBy.put(names.get(i), window.key.get(i));
        }
        long since = entries.stream().mapToLong(GroupWindow.Entry::since).min().orElse(window.newest);
        Instant first = Values.instant(since);
        return new CorrelationAlert(
                window.node.rule, groupBy, first, Values.instant(window.newest), value, refs, total);
    }

    private void advance(long time) {
        clock = Math.max(clock, time);
        if (lastSweep == Long.MIN_VALUE) {
            lastSweep = clock;
        } else if (clock - lastSweep >= SWEEP_EVERY_MICROS) {
            states.expire(clock, latenessMicros);
            lastSweep = clock;
        }
    }

    /** Returns the counters and the number of live group states. */
    public synchronized CorrelatorStats stats() {
        return new CorrelatorStats(alerts, states.size(), states.evictions, states.expired, late, ungrouped, untimed);
    }
}
