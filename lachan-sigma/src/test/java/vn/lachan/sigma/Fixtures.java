package vn.lachan.sigma;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Origin;
import vn.lachan.sigma.rule.RuleInfo;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/** Builds rule model values for tests, without the parser. */
public final class Fixtures {
    private Fixtures() {}

    /** Returns descriptive fields with the given name (also the title) and id. */
    public static RuleInfo info(String name, @Nullable String id) {
        return new RuleInfo(
                name, id, name, null, null, List.of(), "", "", List.of(), List.of(), new Origin(name + ".yml", 1));
    }

    /** Returns a search for {@code field: value} (case-insensitive whole-value match). */
    public static Search fieldIs(String field, String value) {
        return new Search.Field(field, new ValueTest.Text(Glob.literal(value), false));
    }

    /** Returns a Windows security rule named {@code name} that matches {@code EventID: eventId}. */
    public static DetectionRule detection(String name, String eventId) {
        return detection(
                name, LogSource.of(null, "windows", "security"), Map.of("selection", fieldIs("EventID", eventId)));
    }

    /** Returns a rule whose condition ORs its searches. */
    public static DetectionRule detection(String name, LogSource logsource, Map<String, Search> searches) {
        List<Condition> refs = new ArrayList<>();
        searches.keySet().forEach(k -> refs.add(new Condition.Ref(k)));
        Condition condition = refs.size() == 1 ? refs.getFirst() : new Condition.Or(refs);
        return new DetectionRule(info(name, "id-" + name), logsource, new LinkedHashMap<>(searches), condition);
    }

    /** Returns a bound of a correlation condition. */
    public static CorrelationRule.Bound bound(Comparison op, double value) {
        return new CorrelationRule.Bound(op, BigDecimal.valueOf(value));
    }

    /** Starts a correlation rule. */
    public static CorrelationBuilder correlation(String name, CorrelationRule.Type type, String... rules) {
        return new CorrelationBuilder(name, type, List.of(rules));
    }

    /** Builds a correlation rule step by step; defaults: 5 s window, no group-by, generate false. */
    public static final class CorrelationBuilder {
        private final String name;
        private final CorrelationRule.Type type;
        private final List<String> rules;
        private List<String> groupBy = List.of();
        private Duration timespan = Duration.ofSeconds(5);
        private final List<CorrelationRule.Bound> bounds = new ArrayList<>();
        private List<String> fields = List.of();
        private @Nullable Double percentile;
        private final Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        private boolean generate;

        CorrelationBuilder(String name, CorrelationRule.Type type, List<String> rules) {
            this.name = name;
            this.type = type;
            this.rules = rules;
        }

        public CorrelationBuilder groupBy(String... fieldNames) {
            this.groupBy = List.of(fieldNames);
            return this;
        }

        public CorrelationBuilder within(Duration span) {
            this.timespan = span;
            return this;
        }

        public CorrelationBuilder when(Comparison op, double value) {
            bounds.add(bound(op, value));
            return this;
        }

        public CorrelationBuilder field(String... fieldNames) {
            this.fields = List.of(fieldNames);
            return this;
        }

        public CorrelationBuilder percentile(double rank) {
            this.percentile = rank;
            return this;
        }

        public CorrelationBuilder alias(String alias, Map<String, String> perRule) {
            aliases.put(alias, perRule);
            return this;
        }

        public CorrelationBuilder generate(boolean value) {
            this.generate = value;
            return this;
        }

        public CorrelationRule build() {
            return new CorrelationRule(
                    info(name, "id-" + name),
                    type,
                    rules,
                    groupBy,
                    timespan,
                    bounds,
                    fields,
                    percentile,
                    aliases,
                    generate);
        }
    }
}
