package vn.lachan.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.sigma.Fixtures.correlation;
import static vn.lachan.sigma.Fixtures.detection;
import static vn.lachan.sigma.Fixtures.fieldIs;
import static vn.lachan.sigma.Fixtures.info;
import static vn.lachan.sigma.rule.Comparison.GTE;
import static vn.lachan.sigma.rule.CorrelationRule.Type.EVENT_COUNT;
import static vn.lachan.sigma.rule.CorrelationRule.Type.TEMPORAL_ORDERED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.FilterRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.RuleSet;

class SigmaEngineTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private final DetectionRule failed = detection("failed_login", "4625");
    private final DetectionRule success = detection("successful_login", "4624");
    private final DetectionRule process = detection(
            "whoami",
            LogSource.of("process_creation", "windows", null),
            Map.of("selection", fieldIs("Image", "whoami.exe")));
    private final CorrelationRule many = correlation("multiple_failed_login", EVENT_COUNT, "failed_login")
            .groupBy("User")
            .within(Duration.ofMinutes(10))
            .when(GTE, 3)
            .build();
    private final CorrelationRule outer = correlation(
                    "failed_then_success", TEMPORAL_ORDERED, "multiple_failed_login", "successful_login")
            .groupBy("User")
            .within(Duration.ofMinutes(10))
            .build();

    private SigmaEngine engine(List<FilterRule> filters, CorrelationRule... correlations) {
        RuleSet rules =
                new RuleSet(List.of(failed, success, process), List.of(correlations), filters, List.of(), List.of());
        return SigmaEngine.assemble(rules, EngineOptions.defaults(), LiteralMatcher::new);
    }

    private static SourcedEvent event(long index, int seconds, Map<String, Object> fields) {
        Map<String, @Nullable Object> all = new HashMap<>();
        all.putAll(fields);
        all.put("@timestamp", T0.plusSeconds(seconds).toString());
        return new SourcedEvent("security.json", index, all);
    }

    @Test
    void bruteForceFollowedBySuccessGivesOneCorrelationAlertAndNoBaseAlerts() {
        SigmaEngine engine = engine(List.of(), outer, many);
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            engine.process(event(i, i * 10, Map.of("EventID", "4625", "User", "an")), alerts::add);
        }
        engine.process(event(4, 50, Map.of("EventID", "4624", "User", "an")), alerts::add);
        engine.process(event(5, 60, Map.of("Image", "whoami.exe")), alerts::add);

        assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.CORRELATION, Alert.Kind.DETECTION);
        Alert correlated = alerts.getFirst();
        assertThat(correlated.rule().title()).isEqualTo("failed_then_success");
        assertThat(correlated.groupBy()).containsExactly(Map.entry("User", "an"));
        assertThat(correlated.time()).isEqualTo(T0.plusSeconds(50));
        assertThat(correlated.windowStart()).isEqualTo(T0);
        assertThat(correlated.value()).isEqualTo(2.0);
        assertThat(correlated.events()).extracting(EventRef::index).containsExactly(0L, 1L, 2L, 4L);
        assertThat(alerts.get(1).events()).containsExactly(new EventRef("security.json", 5, T0.plusSeconds(60)));
        EngineStats stats = engine.stats();
        assertThat(stats.events()).isEqualTo(6);
        assertThat(stats.detections()).isEqualTo(6);
        assertThat(stats.detectionAlerts()).isEqualTo(1);
        assertThat(stats.correlationAlerts()).isEqualTo(1);
        assertThat(engine.rulesLoaded()).isEqualTo(5);
        assertThat(engine.problems()).isEmpty();
    }

    @Test
    void filtersAreAppliedBeforeMatchingAndTheirWarningsReported() {
        FilterRule notAdmins = new FilterRule(
                info("not admins", null),
                LogSource.of(null, "windows", null),
                List.of("whoami", "ghost"),
                Map.of("admin", fieldIs("User", "adm_1")),
                new Condition.Not(new Condition.Ref("admin")));
        SigmaEngine engine = engine(List.of(notAdmins));
        List<Alert> alerts = new ArrayList<>();

        engine.process(event(0, 0, Map.of("Image", "whoami.exe", "User", "adm_1")), alerts::add);
        engine.process(event(1, 1, Map.of("Image", "whoami.exe", "User", "an")), alerts::add);

        assertThat(alerts).extracting(a -> a.events().getFirst().index()).containsExactly(1L);
        assertThat(engine.problems())
                .extracting(Problem::message)
                .singleElement()
                .satisfies(m -> assertThat(m).contains("ghost", "not loaded"));
    }

    @Test
    void correlationsOnRulesTheMatcherRejectedAreProblemsNotSilentFailures() {
        DetectionRule wildcard = detection(
                "wild",
                LogSource.of(null, "windows", null),
                Map.of(
                        "selection",
                        new vn.lachan.sigma.rule.Search.Keyword(new vn.lachan.sigma.rule.ValueTest.Text(
                                vn.lachan.sigma.rule.Glob.literal("x"), false))));
        CorrelationRule onWild =
                correlation("on_wild", EVENT_COUNT, "wild").when(GTE, 2).build();
        RuleSet rules = new RuleSet(List.of(wildcard), List.of(onWild), List.of(), List.of(), List.of());

        SigmaEngine engine = SigmaEngine.assemble(rules, EngineOptions.defaults(), LiteralMatcher::new);

        assertThat(engine.rulesLoaded()).isZero();
        assertThat(engine.problems())
                .extracting(Problem::message)
                .containsExactly(
                        "only literal values are supported",
                        "correlation 'on_wild' references rule 'wild', which is not loaded (no detection or correlation has this id or name)");
    }

    @Test
    void theRealDetectorTellsWhichRulesItLeftOutSoCorrelationsOnThemAreProblems() {
        DetectionRule broken = detection(
                "broken",
                LogSource.of("process_creation", "windows", null),
                Map.of(
                        "selection",
                        new vn.lachan.sigma.rule.Search.Field(
                                "CommandLine", new vn.lachan.sigma.rule.ValueTest.Regex("(unclosed", Set.of()))));
        CorrelationRule onBroken =
                correlation("on_broken", EVENT_COUNT, "broken").when(GTE, 2).build();
        RuleSet rules = new RuleSet(List.of(broken, process), List.of(onBroken), List.of(), List.of(), List.of());

        SigmaEngine engine = SigmaEngine.compile(rules, LogSourceMap.bundled(), EngineOptions.defaults());

        assertThat(engine.rulesLoaded()).isEqualTo(1);
        assertThat(engine.problems())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'broken'").contains("rule left out"))
                .anySatisfy(m -> assertThat(m).contains("correlation 'on_broken' references rule 'broken'"));
    }

    @Test
    void processIsSafeFromManyThreadsAndLosesNoCount() {
        SigmaEngine engine = engine(List.of(), many);
        ConcurrentLinkedQueue<Alert> alerts = new ConcurrentLinkedQueue<>();
        int users = 50;
        int perUser = 30;

        IntStream.range(0, users * perUser)
                .parallel()
                .forEach(i ->
                        engine.process(event(i, 0, Map.of("EventID", "4625", "User", "u" + (i % users))), alerts::add));

        // every event of a user has the same time: each 3 give one alert, 30 give 10
        assertThat(alerts).hasSize(users * perUser / 3);
        assertThat(engine.stats().detections()).isEqualTo(users * perUser);
        assertThat(engine.stats().liveStates()).isEqualTo(users);
    }
}
