package vn.lachan.sigma.rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds a Sigma correlation (meta) rule: a condition over the matches of other rules, per group-by
 * values, inside a sliding time window.
 *
 * @param info the descriptive fields
 * @param type what is counted or compared
 * @param rules ids or names of the rules (or correlations) whose matches are correlated, in order
 * @param groupBy the fields that partition the state (may be aliases); empty means one group
 * @param timespan the window's length
 * @param bounds the condition's comparisons, all of which must hold (for temporal types without an
 *     explicit condition: {@code gte} the number of rules)
 * @param fields the fields of {@code condition.field} (value_count, value_sum, value_avg,
 *     value_percentile); empty otherwise
 * @param percentile the rank 0–100 for value_percentile, else null
 * @param aliases alias name to (rule id or name to the field that stands for the alias in it)
 * @param generate whether the referenced rules' own matches are reported too
 */
public record CorrelationRule(
        RuleInfo info,
        Type type,
        List<String> rules,
        List<String> groupBy,
        Duration timespan,
        List<Bound> bounds,
        List<String> fields,
        @Nullable Double percentile,
        Map<String, Map<String, String>> aliases,
        boolean generate)
        implements RuleDocument {
    public CorrelationRule {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(type, "type");
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(timespan, "timespan");
        if (timespan.isNegative() || timespan.isZero()) {
            throw new IllegalArgumentException("timespan must be positive, was " + timespan);
        }
        bounds = List.copyOf(bounds);
        fields = List.copyOf(fields);
        aliases = Map.copyOf(aliases);
    }

    /** What a correlation counts or compares. */
    public enum Type {
        EVENT_COUNT,
        VALUE_COUNT,
        TEMPORAL,
        TEMPORAL_ORDERED,
        VALUE_SUM,
        VALUE_AVG,
        VALUE_PERCENTILE
    }

    /** One comparison of the condition: {@code <measure> op value}. */
    public record Bound(Comparison op, BigDecimal value) {
        public Bound {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }
}
