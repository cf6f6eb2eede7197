package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.logsource.LogSourceEntry;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Origin;

/**
 * Matches events against compiled Sigma detection rules.
 *
 * <p>Each event is routed by the fields the log-source map's conditions read (Channel, EventID,
 * …) to a bucket compiled for that key on first sight: only the rules whose log source the event
 * provides, field-mapped, with the tests on routing fields already decided. Inside a bucket,
 * identical tests are shared, every literal of a field is found in one automaton pass, and only
 * rules with a true trigger test are evaluated.
 *
 * <p>Thread-safe: the compiled state is immutable (bucket caches are concurrent); per-event
 * scratch lives in a per-thread {@link ThreadLocal} evaluator, reused across events.
 */
public final class Detector {
    private final LogSourceMap map;
    private final FieldReader reader;
    private final Router router;
    private final List<Problem> problems;
    private final int rules;
    private final List<DetectionRule> compiled;
    private final Bucket empty;
    private final ThreadLocal<Evaluator> local;

    private Detector(LogSourceMap map, List<RulePlan> plans, Checks checks, List<Problem> problems) {
        this.map = map;
        this.reader = new FieldReader(map.layouts());
        this.router = new Router(map.entries(), plans, checks, map.layouts().size());
        this.problems = List.copyOf(problems);
        this.rules = plans.isEmpty() ? 0 : plans.getLast().ruleId() + 1;
        this.compiled = plans.stream().map(RulePlan::rule).toList();
        this.empty = new BucketBuilder(checks).build(List.of());
        this.local = ThreadLocal.withInitial(() -> new Evaluator(reader, rules, empty));
    }

    /**
     * Compiles the rules for events read through the map. A rule that cannot run (a regex RE2
     * rejects, a bad network) is left out and reported in {@link #problems()}; a rule whose log
     * source no entry provides is reported too, but kept for inputs that declare their log source.
     */
    public static Detector compile(List<DetectionRule> rules, LogSourceMap map) {
        Checks checks = new Checks();
        List<Problem> problems = new ArrayList<>();
        List<RulePlan> plans = new ArrayList<>();
        for (DetectionRule rule : rules) {
            try {
                Expr.of(rule, Map.of(), List.of());
                validate(Expr.of(rule, Map.of(), List.of()), checks);
            } catch (IllegalArgumentException e) {
                problems.add(problem(rule, "rule left out: " + e.getMessage()));
                continue;
            }
            RulePlan plan = plan(rule, plans.size(), map);
            if (plan.variants().isEmpty()) {
                problems.add(problem(rule, noMapping(rule.logsource())));
            }
            plans.add(plan);
        }
        return new Detector(map, plans, checks, problems);
    }

    private static void validate(Expr expr, Checks checks) {
        switch (expr) {
            case Expr.And a -> a.parts().forEach(p -> validate(p, checks));
            case Expr.Or o -> o.parts().forEach(p -> validate(p, checks));
            case Expr.Not n -> validate(n.part(), checks);
            case Expr.Const c -> {}
            case Expr.Leaf leaf -> checks.get(leaf.test());
        }
    }

    private static RulePlan plan(DetectionRule rule, int id, LogSourceMap map) {
        List<LogSourceEntry> providing = map.providing(rule.logsource());
        if (rule.logsource().category() == null) {
            List<LogSourceEntry> general = providing.stream()
                    .filter(e -> e.provides().category() == null)
                    .toList();
            providing = general.isEmpty() ? providing : general;
        }
        Map<List<Object>, BitSet> groups = new LinkedHashMap<>();
        for (LogSourceEntry entry : providing) {
            groups.computeIfAbsent(List.of(entry.renames(), entry.keywordFields()), k -> new BitSet())
                    .set(map.entries().indexOf(entry));
        }
        List<RulePlan.Variant> variants = new ArrayList<>();
        for (Map.Entry<List<Object>, BitSet> group : groups.entrySet()) {
            LogSourceEntry first = map.entries().get(group.getValue().nextSetBit(0));
            Expr expr = Expr.of(rule, first.renames(), first.keywordFields());
            variants.add(new RulePlan.Variant(group.getValue(), first.renames(), expr));
        }
        return new RulePlan(rule, id, variants);
    }

    private static String noMapping(LogSource ls) {
        return "no log source mapping for category " + ls.category() + " product " + ls.product() + " service "
                + ls.service() + "; the rule cannot match any event unless an input declares that log source";
    }

    private static Problem problem(DetectionRule rule, String message) {
        Origin origin = rule.info().origin();
        return new Problem(
                origin.file(),
                "line " + origin.line(),
                "rule '" + rule.info().title() + "' (" + rule.info().reference() + "): " + message);
    }

    /** Returns the rules left out or unroutable, with the reason, in rule order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Calls the sink for every rule the event matches, routing it by the log-source map. */
    public void detect(SourcedEvent event, MatchSink sink) {
        Evaluator e = evaluator();
        e.begin(event.fields());
        run(e, router.route(e.view), event, sink);
    }

    /**
     * Calls the sink for every rule whose log source the declared one satisfies (the input says
     * what the event is; rule fields are read without renames).
     */
    public void detect(SourcedEvent event, LogSource declared, MatchSink sink) {
        Evaluator e = evaluator();
        e.begin(event.fields());
        run(e, router.declared(declared), event, sink);
    }

    private Evaluator evaluator() {
        Evaluator e = local.get();
        return e.busy ? new Evaluator(reader, rules, empty) : e;
    }

    private void run(Evaluator e, Bucket bucket, SourcedEvent event, MatchSink sink) {
        e.busy = true;
        try {
            int n = e.select(bucket);
            for (int i = 0; i < n; i++) {
                Bucket.Variant v = bucket.variants[e.candidate(i)];
                if (!e.reported(v.ruleId()) && v.root().eval(e)) {
                    e.report(v.ruleId());
                    sink.matched(v.rule(), new MatchedEvent(event, reader, v.renames(), map.timestamps()));
                }
            }
        } finally {
            e.busy = false;
        }
    }

    /**
     * Returns the rules that run, in the order given: every rule passed to {@link #compile} except
     * those left out (see {@link #problems()}). Rules without a log-source mapping are included: they
     * run for inputs that declare their log source.
     */
    public List<DetectionRule> rules() {
        return compiled;
    }

    /** Returns how many distinct buckets have been compiled so far (for monitoring). */
    public int compiledBuckets() {
        return router.buckets();
    }
}
