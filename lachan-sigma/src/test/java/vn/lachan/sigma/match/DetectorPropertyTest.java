package vn.lachan.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/** Generates random rules and events and asserts the detector agrees with the naive reference. */
class DetectorPropertyTest {
    private static final LogSource SOURCE = LogSource.of("application", "property", null);
    private static final String[] FIELDS = {"a", "b", "c.d"};
    private static final String VALUE_CHARS = "abAB\\.?*İı";
    private static final String GLOB_CHARS = "abAB\\.";
    /** Regexes with and without a required literal (an anchor), cased and folded. */
    private static final String[] REGEXES = {
        "a.?b", "^[ab]+$", "(?i)ab", "aB\\.", "ab+a", "(?i)b\\\\a?", "a(b|A)b", "ba|ab", "^Ab$", "[ab]\\.b*"
    };

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void detectorAgreesWithReference(long seed) {
        Random random = new Random(seed);
        List<DetectionRule> rules = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rules.add(rule(random, "rule-" + i));
        }
        Detector detector = Detector.compile(rules, LogSourceMap.bundled());
        assertThat(detector.problems()).allSatisfy(p -> assertThat(p.message()).contains("no log source mapping"));
        int matches = 0;
        for (int n = 0; n < 300; n++) {
            Map<String, @Nullable Object> fields = event(random);
            SourcedEvent event = new SourcedEvent("random", n, fields);
            List<String> expected = rules.stream()
                    .filter(r -> ReferenceEvaluator.matches(r, fields))
                    .map(r -> r.info().title())
                    .toList();
            assertThat(Rules.titles(detector, event, SOURCE))
                    .as("seed %d event %s", seed, fields)
                    .isEqualTo(expected);
            matches += expected.size();
        }
        assertThat(matches).as("the generator must produce some matches").isPositive();
    }

    private static DetectionRule rule(Random random, String title) {
        Map<String, Search> searches = new LinkedHashMap<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            searches.put("s" + i, search(random, 0));
        }
        return Rules.rule(title, SOURCE, searches, condition(random, count, 0));
    }

    private static Condition condition(Random random, int searches, int depth) {
        int pick = depth > 2 ? 0 : random.nextInt(5);
        return switch (pick) {
            case 1 ->
                new Condition.And(
                        List.of(condition(random, searches, depth + 1), condition(random, searches, depth + 1)));
            case 2 ->
                new Condition.Or(
                        List.of(condition(random, searches, depth + 1), condition(random, searches, depth + 1)));
            case 3 -> new Condition.Not(condition(random, searches, depth + 1));
            default -> new Condition.Ref("s" + random.nextInt(searches));
        };
    }

    private static Search search(Random random, int depth) {
        int pick = depth > 1 ? 3 + random.nextInt(2) : random.nextInt(6);
        return switch (pick) {
            case 0 -> new Search.AllOf(List.of(search(random, depth + 1), search(random, depth + 1)));
            case 1 ->
                new Search.AnyOf(
                        List.of(search(random, depth + 1), search(random, depth + 1), search(random, depth + 1)));
            case 2 -> new Search.Not(search(random, depth + 1));
            case 5 -> new Search.Keyword(new ValueTest.Text(Rules.glob(glob(random)), random.nextInt(4) == 0));
            default -> new Search.Field(FIELDS[random.nextInt(FIELDS.length)], test(random));
        };
    }

    private static ValueTest test(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new ValueTest.Null();
            case 1 -> new ValueTest.Exists(random.nextBoolean());
            case 2 ->
                new ValueTest.Compare(Comparison.values()[random.nextInt(6)], BigDecimal.valueOf(random.nextInt(5)));
            case 3 -> new ValueTest.Regex(REGEXES[random.nextInt(REGEXES.length)], Set.of());
            case 4 ->
                new ValueTest.FieldRef(
                        FIELDS[random.nextInt(FIELDS.length)],
                        ValueTest.Position.values()[random.nextInt(4)],
                        random.nextBoolean());
            default -> new ValueTest.Text(Rules.glob(glob(random)), random.nextInt(4) == 0);
        };
    }

    private static String glob(Random random) {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append('*');
        }
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(10);
            if (r == 0) {
                out.append('?');
            } else if (r == 1) {
                out.append('*');
            } else if (r == 2) {
                out.append(random.nextBoolean() ? "\\*" : "\\?");
            } else {
                out.append(GLOB_CHARS.charAt(random.nextInt(GLOB_CHARS.length())));
            }
        }
        if (random.nextBoolean()) {
            out.append('*');
        }
        return out.toString();
    }

    private static Map<String, @Nullable Object> event(Random random) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            switch (random.nextInt(8)) {
                case 0 -> {}
                case 1 -> fields.put(field, null);
                case 2 -> fields.put(field, (long) random.nextInt(6));
                case 3 -> fields.put(field, List.of(value(random), value(random)));
                default -> fields.put(field, value(random));
            }
        }
        return fields;
    }

    private static String value(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            out.append(VALUE_CHARS.charAt(random.nextInt(VALUE_CHARS.length())));
        }
        return out.toString();
    }
}
