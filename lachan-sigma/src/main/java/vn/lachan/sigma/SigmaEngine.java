package vn.lachan.sigma;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.correlate.CorrelationAlert;
import vn.lachan.sigma.correlate.Correlator;
import vn.lachan.sigma.correlate.CorrelatorStats;
import vn.lachan.sigma.correlate.FieldSource;
import vn.lachan.sigma.correlate.MatchRef;
import vn.lachan.sigma.filter.FilterStage;
import vn.lachan.sigma.filter.FilteredRules;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.match.Detector;
import vn.lachan.sigma.parse.RuleLoader;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.RuleSet;

/**
 * Runs a set of Sigma rules over events: filters are ANDed into the rules they apply to, the rules
 * are compiled once, each event is matched, matches feed the correlations, and alerts come out.
 *
 * <p>A detection rule referenced by a correlation is reported on its own only when a referencing
 * correlation says {@code generate: true}. See {@link Correlator} for windows, late events and what
 * happens after a correlation fires.
 *
 * <p>Thread-safe: {@link #process} may be called from many threads at once; matching runs in
 * parallel, correlation updates are serialised on one short lock taken only for matches of rules
 * that correlations reference.
 */
public final class SigmaEngine {
    private final EventMatcher matcher;
    private final Correlator correlator;
    private final Supplier<Correlator> freshCorrelator;
    private final List<Problem> problems;
    private final LongAdder events = new LongAdder();
    private final LongAdder detections = new LongAdder();
    private final LongAdder detectionAlerts = new LongAdder();
    private final LongAdder correlationAlerts = new LongAdder();

    private SigmaEngine(
            EventMatcher matcher, Supplier<Correlator> freshCorrelator, Correlator correlator, List<Problem> problems) {
        this.matcher = matcher;
        this.freshCorrelator = freshCorrelator;
        this.correlator = correlator;
        this.problems = List.copyOf(problems);
    }

    /**
     * Compiles the rules: filters are ANDed into the rules they apply to, the rules are compiled for
     * events read through the map, correlations are resolved. Nothing in the rule set makes this
     * throw: what cannot run is left out and reported in {@link #problems()}.
     */
    public static SigmaEngine compile(RuleSet rules, LogSourceMap map, EngineOptions options) {
        return assemble(rules, options, filtered -> new DetectorMatcher(Detector.compile(filtered, map)));
    }

    /**
     * Loads the rule files and folders with the parser, then compiles them as {@link #compile} does.
     * Problems of documents that did not load are in {@link #problems()} too, first.
     */
    public static SigmaEngine load(List<Path> rulePaths, LogSourceMap map, EngineOptions options) {
        RuleSet rules = new RuleLoader().load(rulePaths);
        SigmaEngine engine = compile(rules, map, options);
        List<Problem> all = new ArrayList<>(rules.rejected());
        all.addAll(rules.warnings());
        all.addAll(engine.problems);
        return new SigmaEngine(engine.matcher, engine.freshCorrelator, engine.correlator, all);
    }

    /** Builds the engine around a matcher compiled from the filtered rules by {@code compiler}. */
    static SigmaEngine assemble(
            RuleSet rules, EngineOptions options, Function<List<DetectionRule>, EventMatcher> compiler) {
        FilteredRules filtered = FilterStage.apply(rules.detections(), rules.filters(), rules.correlations());
        EventMatcher matcher = compiler.apply(filtered.rules());
        Supplier<Correlator> correlators =
                () -> Correlator.build(matcher.rules(), rules.correlations(), options.correlationLimits());
        Correlator correlator = correlators.get();
        List<Problem> problems = new ArrayList<>(filtered.warnings());
        problems.addAll(matcher.problems());
        problems.addAll(correlator.problems());
        return new SigmaEngine(matcher, correlators, correlator, problems);
    }

    /**
     * Returns an engine that shares this one's compiled matcher (its routing caches and lazily built
     * automata) but keeps correlations and counters of its own: events run through it warm the matcher
     * up without opening a correlation window or counting in this engine's statistics.
     */
    public SigmaEngine detached() {
        return new SigmaEngine(matcher, freshCorrelator, freshCorrelator.get(), problems);
    }

    /**
     * Returns the problems found while compiling: filter warnings, rules the matcher rejected,
     * correlations that cannot run. The rule set's own problems (documents that did not load) are not
     * repeated here.
     */
    public List<Problem> problems() {
        return problems;
    }

    /** Returns how many rules run: detection rules compiled plus correlations. */
    public int rulesLoaded() {
        return matcher.rules().size() + correlator.correlations();
    }

    /**
     * Matches the event against every rule and hands each alert to the sink, on the calling thread.
     * Correlation alerts come out when the event completes them. The sink must not call back into this
     * engine's {@code process}.
     */
    public void process(SourcedEvent event, Consumer<Alert> sink) {
        process(event, null, sink);
    }

    /**
     * Matches the event as {@link #process(SourcedEvent, Consumer)} does, but when the input declares
     * what the event is ({@code declared} not null), tries only the rules within that log source and
     * reads their fields without the log-source map's renames.
     */
    public void process(SourcedEvent event, @Nullable LogSource declared, Consumer<Alert> sink) {
        events.increment();
        matcher.detect(event, declared, (rule, time, fields) -> matched(event, rule, time, fields, sink));
    }

    private void matched(
            SourcedEvent event,
            DetectionRule rule,
            java.time.@Nullable Instant time,
            FieldSource fields,
            Consumer<Alert> sink) {
        detections.increment();
        MatchRef ref = new MatchRef(event.source(), event.index(), time);
        if (correlator.reports(rule)) {
            detectionAlerts.increment();
            sink.accept(new Alert(
                    Alert.Kind.DETECTION,
                    rule.info(),
                    time,
                    List.of(new EventRef(event.source(), event.index(), time)),
                    1,
                    java.util.Map.of(),
                    null,
                    null));
        }
        if (correlator.watches(rule)) {
            correlator.accept(rule, time, ref, fields, alert -> {
                correlationAlerts.increment();
                sink.accept(toAlert(alert));
            });
        }
    }

    private static Alert toAlert(CorrelationAlert alert) {
        List<EventRef> refs = alert.events().stream()
                .map(r -> new EventRef(r.source(), r.index(), r.time()))
                .toList();
        return new Alert(
                Alert.Kind.CORRELATION,
                alert.rule().info(),
                alert.last(),
                refs,
                alert.totalEvents(),
                alert.groupBy(),
                alert.value(),
                alert.first());
    }

    /** Returns the counters; consistent enough for monitoring, not a snapshot taken under a lock. */
    public EngineStats stats() {
        CorrelatorStats c = correlator.stats();
        return new EngineStats(
                events.sum(),
                detections.sum(),
                detectionAlerts.sum(),
                correlationAlerts.sum(),
                c.liveStates(),
                c.evictions(),
                c.expired(),
                c.late(),
                c.ungrouped(),
                c.untimed());
    }
}
