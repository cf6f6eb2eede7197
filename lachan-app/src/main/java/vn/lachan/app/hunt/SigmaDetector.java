package vn.lachan.app.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.Alert;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.parse.Placeholders;
import vn.lachan.sigma.parse.RuleLoader;
import vn.lachan.sigma.rule.RuleSet;

/** Detects with the Sigma engine: rules loaded by the parser, compiled with the log-source mapping. */
final class SigmaDetector implements Detector {
    private final SigmaEngine engine;
    private final List<Problem> rejected;
    private final List<Problem> warnings;

    private SigmaDetector(SigmaEngine engine, List<Problem> rejected, List<Problem> warnings) {
        this.engine = engine;
        this.rejected = List.copyOf(rejected);
        this.warnings = List.copyOf(warnings);
    }

    /** Loads the rules, placeholders and mapping the options name and compiles them. */
    static SigmaDetector load(HuntOptions options) {
        Placeholders placeholders =
                options.placeholders() == null ? Placeholders.none() : Placeholders.load(options.placeholders());
        RuleSet rules = new RuleLoader(placeholders).load(options.rules());
        LogSourceMap map = options.mapping() == null ? LogSourceMap.bundled() : LogSourceMap.load(options.mapping());
        List<Problem> warnings = new ArrayList<>(map.problems());
        warnings.addAll(rules.warnings());
        SigmaEngine engine = SigmaEngine.compile(rules, map, EngineOptions.defaults());
        warnings.addAll(engine.problems());
        return new SigmaDetector(engine, rules.rejected(), warnings);
    }

    @Override
    public int rulesLoaded() {
        return engine.rulesLoaded();
    }

    @Override
    public List<Problem> rejected() {
        return rejected;
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public void process(SourcedEvent event, Consumer<Alert> alerts) {
        engine.process(event, alerts);
    }

    @Override
    public void finish(Consumer<Alert> alerts) {
        // the engine reports correlations as events complete them: nothing is held back at the end
    }
}
