package vn.lachan.sigma;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/**
 * A hand-written fake of the compiled matcher for facade tests: whole-value, case-insensitive
 * equality of literal values only; the event time is the {@code @timestamp} field. Rules using
 * anything else are rejected with a problem, as the real matcher rejects what it cannot compile.
 */
final class LiteralMatcher implements EventMatcher {
    private final List<DetectionRule> rules = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    LiteralMatcher(List<DetectionRule> candidates) {
        for (DetectionRule rule : candidates) {
            if (rule.searches().values().stream().allMatch(LiteralMatcher::literal)) {
                rules.add(rule);
            } else {
                problems.add(new Problem(rule.info().origin().file(), "", "only literal values are supported"));
            }
        }
    }

    private static boolean literal(Search search) {
        return switch (search) {
            case Search.AllOf all -> all.parts().stream().allMatch(LiteralMatcher::literal);
            case Search.AnyOf any -> any.parts().stream().allMatch(LiteralMatcher::literal);
            case Search.Not not -> literal(not.part());
            case Search.Field field ->
                field.test() instanceof ValueTest.Text text && text.glob().isLiteral();
            case Search.Keyword keyword -> false;
        };
    }

    @Override
    public List<DetectionRule> rules() {
        return List.copyOf(rules);
    }

    @Override
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void detect(SourcedEvent event, @Nullable LogSource declared, Handler handler) {
        Object stamp = event.fields().get("@timestamp");
        @Nullable Instant time = stamp == null ? null : Instant.parse(stamp.toString());
        for (DetectionRule rule : rules) {
            if (holds(rule.condition(), rule.searches(), event.fields())) {
                handler.matched(rule, time, event.fields()::get);
            }
        }
    }

    private static boolean holds(Condition condition, Map<String, Search> searches, Map<String, @Nullable Object> e) {
        return switch (condition) {
            case Condition.And and -> and.operands().stream().allMatch(c -> holds(c, searches, e));
            case Condition.Or or -> or.operands().stream().anyMatch(c -> holds(c, searches, e));
            case Condition.Not not -> !holds(not.operand(), searches, e);
            case Condition.Ref ref -> matches(searches.get(ref.identifier()), e);
        };
    }

    private static boolean matches(@Nullable Search search, Map<String, @Nullable Object> e) {
        return switch (search) {
            case null -> throw new IllegalStateException("condition references an unknown search");
            case Search.AllOf all -> all.parts().stream().allMatch(p -> matches(p, e));
            case Search.AnyOf any -> any.parts().stream().anyMatch(p -> matches(p, e));
            case Search.Not not -> !matches(not.part(), e);
            case Search.Field field -> {
                Object value = e.get(field.field());
                Glob glob = ((ValueTest.Text) field.test()).glob();
                yield value != null
                        && glob.toString()
                                .toLowerCase(Locale.ROOT)
                                .equals(value.toString().toLowerCase(Locale.ROOT));
            }
            case Search.Keyword keyword -> false;
        };
    }
}
