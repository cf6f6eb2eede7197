package vn.lachan.sigma.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.sigma.Fixtures.correlation;
import static vn.lachan.sigma.Fixtures.detection;
import static vn.lachan.sigma.rule.Comparison.GTE;
import static vn.lachan.sigma.rule.CorrelationRule.Type.EVENT_COUNT;
import static vn.lachan.sigma.rule.CorrelationRule.Type.VALUE_SUM;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;

class LimitsAndProblemsTest {
    private final DetectionRule failed = detection("failed_login", "4625");

    private static CorrelationLimits limits(int maxStates, int maxRefs) {
        return new CorrelationLimits(maxStates, 10_000, maxRefs, Duration.ofHours(1), 3);
    }

    private CorrelationRule countByUser(int atLeast) {
        return correlation("brute", EVENT_COUNT, "failed_login")
                .groupBy("User")
                .when(GTE, atLeast)
                .build();
    }

    @Test
    void theStateCapEvictsTheStalestGroupAndCountsIt() {
        Timeline t = new Timeline(List.of(failed), List.of(countByUser(2)), limits(2, 100));
        t.at(0, failed, Map.of("User", "an"))
                .at(1, failed, Map.of("User", "binh"))
                .at(2, failed, Map.of("User", "an"))
                .at(2.5, failed, Map.of("User", "an")); // "an" is now the freshest group
        t.at(3, failed, Map.of("User", "chi")); // evicts "binh"
        t.at(4, failed, Map.of("User", "binh")); // a new window: one match only, evicts "an"

        CorrelatorStats stats = t.correlator.stats();
        assertThat(stats.evictions()).isEqualTo(2);
        assertThat(stats.liveStates()).isEqualTo(2);
        assertThat(t.alerts).hasSize(1);
    }

    @Test
    void aSlightlyLateMatchTakesItsPlaceAndATooLateOneIsCounted() {
        Timeline t = new Timeline(List.of(failed), List.of(countByUser(3)), limits(100, 100));
        Map<String, Object> an = Map.of("User", "an");
        t.at(10, failed, an).at(1, failed, an); // 9 s late: outside the 5 s window ending at 10 s
        assertThat(t.correlator.stats().late()).isEqualTo(1);

        t.at(8, failed, an).at(12, failed, an); // 8 s arrives 2 s late but lies in the window

        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.events()).extracting(MatchRef::index).containsExactly(2L, 0L, 3L);
            assertThat(a.first()).isEqualTo(Timeline.T0.plusSeconds(8));
        });
    }

    @Test
    void stateIsDroppedOnceEventTimeMovesPastWindowAndLateness() {
        Timeline t = new Timeline(List.of(failed), List.of(countByUser(3)), limits(100, 100));
        t.at(0, failed, Map.of("User", "an")).at(1, failed, Map.of("User", "binh"));
        assertThat(t.correlator.stats().liveStates()).isEqualTo(2);

        t.at(2 * 3600, failed, Map.of("User", "chi"));

        assertThat(t.correlator.stats().expired()).isEqualTo(2);
        assertThat(t.correlator.stats().liveStates()).isEqualTo(1);
    }

    @Test
    void anAlertKeepsABoundedNumberOfEventReferences() {
        Timeline t = new Timeline(List.of(failed), List.of(countByUser(5)), limits(100, 2));
        for (int i = 0; i < 5; i++) {
            t.at(i * 0.5, failed, Map.of("User", "an"));
        }

        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.events()).extracting(MatchRef::index).containsExactly(0L, 1L);
            assertThat(a.totalEvents()).isEqualTo(5);
        });
    }

    @Test
    void aMatchWithoutTimeIsCountedNotPlaced() {
        Correlator correlator = Correlator.build(List.of(failed), List.of(countByUser(1)), limits(10, 10));
        List<CorrelationAlert> alerts = new ArrayList<>();
        correlator.accept(failed, null, new MatchRef("x.json", 0, null), Map.of("User", "an")::get, alerts::add);

        assertThat(alerts).isEmpty();
        assertThat(correlator.stats().untimed()).isEqualTo(1);
    }

    @Test
    void unknownReferencesRejectTheCorrelationAndWhatBuildsOnIt() {
        CorrelationRule broken = correlation("broken", EVENT_COUNT, "failed_login", "no_such_rule")
                .when(GTE, 1)
                .build();
        CorrelationRule outer =
                correlation("outer", EVENT_COUNT, "broken").when(GTE, 1).build();
        Correlator correlator = Correlator.build(List.of(failed), List.of(broken, outer), limits(10, 10));

        assertThat(correlator.correlations()).isZero();
        assertThat(correlator.watches(failed)).isFalse();
        assertThat(correlator.problems())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'broken'", "no_such_rule", "not loaded"))
                .anySatisfy(m -> assertThat(m).contains("'outer'", "broken", "cannot run"));
        assertThat(correlator.problems().getFirst().source()).isEqualTo("broken.yml");
    }

    @Test
    void referenceCyclesAreProblemsNotStackOverflows() {
        CorrelationRule one = correlation("one", EVENT_COUNT, "two", "failed_login")
                .when(GTE, 1)
                .build();
        CorrelationRule two =
                correlation("two", EVENT_COUNT, "one").when(GTE, 1).build();
        CorrelationRule self =
                correlation("self", EVENT_COUNT, "self").when(GTE, 1).build();
        Correlator correlator = Correlator.build(List.of(failed), List.of(one, two, self), limits(10, 10));

        assertThat(correlator.correlations()).isZero();
        assertThat(correlator.problems())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("cycle", "id-one -> id-two -> id-one"))
                .anySatisfy(m -> assertThat(m).contains("cycle", "id-self -> id-self"));
    }

    @Test
    void chainsDeeperThanTheLimitAreRejected() {
        CorrelationRule c1 =
                correlation("c1", EVENT_COUNT, "failed_login").when(GTE, 1).build();
        CorrelationRule c2 = correlation("c2", EVENT_COUNT, "c1").when(GTE, 1).build();
        CorrelationRule c3 = correlation("c3", EVENT_COUNT, "c2").when(GTE, 1).build();
        CorrelationRule c4 = correlation("c4", EVENT_COUNT, "c3").when(GTE, 1).build();
        Correlator correlator = Correlator.build(List.of(failed), List.of(c4, c3, c2, c1), limits(10, 10));

        assertThat(correlator.correlations()).isEqualTo(3);
        assertThat(correlator.problems())
                .extracting(Problem::message)
                .singleElement()
                .satisfies(m -> assertThat(m).contains("'c4'", "4 correlations", "limit of 3"));
    }

    @Test
    void missingSettingsAreProblems() {
        CorrelationRule noField =
                correlation("nofield", VALUE_SUM, "failed_login").when(GTE, 1).build();
        CorrelationRule noCondition =
                correlation("nocondition", EVENT_COUNT, "failed_login").build();
        Correlator correlator = Correlator.build(List.of(failed), List.of(noField, noCondition), limits(10, 10));

        assertThat(correlator.correlations()).isZero();
        assertThat(correlator.problems())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("value_sum needs condition.field"))
                .anySatisfy(m -> assertThat(m).contains("event_count needs a condition"));
    }

    @Test
    void eventTimesFarOutsideTheUsualRangeDoNotBreakTheWindow() {
        Correlator correlator = Correlator.build(List.of(failed), List.of(countByUser(2)), limits(10, 10));
        List<CorrelationAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            correlator.accept(failed, Instant.MAX, new MatchRef("x", i, null), Map.of("User", "an")::get, alerts::add);
        }

        assertThat(alerts).hasSize(1);
    }
}
