package vn.lachan.sigma.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.sigma.Fixtures.correlation;
import static vn.lachan.sigma.Fixtures.detection;
import static vn.lachan.sigma.rule.Comparison.GT;
import static vn.lachan.sigma.rule.Comparison.GTE;
import static vn.lachan.sigma.rule.Comparison.LTE;
import static vn.lachan.sigma.rule.CorrelationRule.Type.EVENT_COUNT;
import static vn.lachan.sigma.rule.CorrelationRule.Type.VALUE_AVG;
import static vn.lachan.sigma.rule.CorrelationRule.Type.VALUE_COUNT;
import static vn.lachan.sigma.rule.CorrelationRule.Type.VALUE_PERCENTILE;
import static vn.lachan.sigma.rule.CorrelationRule.Type.VALUE_SUM;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lachan.sigma.rule.DetectionRule;

class CorrelatorTest {
    private final DetectionRule failed = detection("failed_login", "4625");

    private Timeline countAtLeast3() {
        return new Timeline(
                List.of(failed),
                correlation("brute", EVENT_COUNT, "failed_login").when(GTE, 3).build());
    }

    @Test
    void eventsOneSecondApartInAFiveSecondWindowFire() {
        Timeline t = countAtLeast3().at(0, failed).at(1, failed).at(2, failed);

        assertThat(t.alerts).hasSize(1);
        CorrelationAlert alert = t.alerts.getFirst();
        assertThat(alert.value()).isEqualTo(3.0);
        assertThat(alert.first()).isEqualTo(Timeline.T0);
        assertThat(alert.last()).isEqualTo(Timeline.T0.plusSeconds(2));
        assertThat(alert.events()).extracting(MatchRef::index).containsExactly(0L, 1L, 2L);
    }

    @Test
    void eventsSixSecondsApartDoNotFire() {
        Timeline t = countAtLeast3().at(0, failed).at(6, failed).at(12, failed).at(18, failed);

        assertThat(t.alerts).isEmpty();
    }

    @Test
    void theWindowSlidesInsteadOfFallingIntoBuckets() {
        // 4 s, 5 s and 6 s straddle a 5 s bucket boundary: fixed buckets would miss this burst.
        Timeline t = countAtLeast3().at(4, failed).at(5, failed).at(6, failed);

        assertThat(t.alerts).hasSize(1);
    }

    @Test
    void bothEndsOfTheWindowAreInclusive() {
        Timeline t = countAtLeast3().at(0, failed).at(2, failed).at(5, failed);

        assertThat(t.alerts).hasSize(1);
        assertThat(countAtLeast3().at(0, failed).at(2, failed).at(5.001, failed).alerts)
                .isEmpty();
    }

    @Test
    void aBurstGivesOneAlertAndTheNextNeedsAFullNewSet() {
        Timeline t = countAtLeast3();
        for (int i = 0; i < 8; i++) {
            t.at(i * 0.1, failed);
        }

        assertThat(t.alerts).hasSize(2);
        assertThat(t.alerts.get(1).events()).extracting(MatchRef::index).containsExactly(3L, 4L, 5L);
    }

    @Test
    void groupsAreCountedSeparately() {
        Timeline t = new Timeline(
                List.of(failed),
                correlation("brute", EVENT_COUNT, "failed_login")
                        .groupBy("Computer", "User")
                        .when(GTE, 3)
                        .build());
        t.at(0, failed, Map.of("Computer", "pc1", "User", "an"))
                .at(1, failed, Map.of("Computer", "pc2", "User", "an"))
                .at(2, failed, Map.of("Computer", "pc1", "User", "binh"))
                .at(3, failed, Map.of("Computer", "pc1", "User", "an"));
        assertThat(t.alerts).isEmpty();

        t.at(4, failed, Map.of("Computer", "pc1", "User", "an"));

        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.groupBy()).containsExactly(Map.entry("Computer", "pc1"), Map.entry("User", "an"));
            assertThat(a.events()).extracting(MatchRef::index).containsExactly(0L, 3L, 4L);
        });
        assertThat(t.correlator.stats().liveStates()).isEqualTo(3);
    }

    @Test
    void numbersAndTextOfTheSameValueFallInOneGroup() {
        Timeline t = new Timeline(
                List.of(failed),
                correlation("brute", EVENT_COUNT, "failed_login")
                        .groupBy("LogonType")
                        .when(GTE, 3)
                        .build());
        t.at(0, failed, Map.of("LogonType", 3L))
                .at(1, failed, Map.of("LogonType", "3"))
                .at(2, failed, Map.of("LogonType", 3.0));

        assertThat(t.alerts)
                .singleElement()
                .satisfies(a -> assertThat(a.groupBy()).containsEntry("LogonType", "3"));
    }

    @Test
    void aMatchWithoutTheGroupByFieldIsCountedAsUngrouped() {
        Timeline t = new Timeline(
                List.of(failed),
                correlation("brute", EVENT_COUNT, "failed_login")
                        .groupBy("User")
                        .when(GTE, 1)
                        .build());
        t.at(0, failed, Map.of("Computer", "pc1"));

        assertThat(t.alerts).isEmpty();
        assertThat(t.correlator.stats().ungrouped()).isEqualTo(1);
    }

    @Test
    void valueCountCountsDistinctValues() {
        Timeline t = new Timeline(
                List.of(failed),
                correlation("spray", VALUE_COUNT, "failed_login")
                        .groupBy("Computer")
                        .field("User")
                        .when(GTE, 3)
                        .within(Duration.ofMinutes(1))
                        .build());
        t.at(0, failed, Map.of("Computer", "dc", "User", "an"))
                .at(1, failed, Map.of("Computer", "dc", "User", "an"))
                .at(2, failed, Map.of("Computer", "dc", "User", "binh"))
                .at(3, failed, Map.of("Computer", "dc"))
                .at(4, failed, Map.of("Computer", "dc", "User", "binh"));
        assertThat(t.alerts).isEmpty();

        t.at(5, failed, Map.of("Computer", "dc", "User", "chi"));

        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo(3.0);
            assertThat(a.totalEvents()).isEqualTo(6);
        });
    }

    @Test
    void valueCountOverSeveralFieldsCountsDistinctCombinations() {
        Timeline t = new Timeline(
                List.of(failed),
                correlation("spray", VALUE_COUNT, "failed_login")
                        .field("User", "Domain")
                        .when(GTE, 3)
                        .build());
        t.at(0, failed, Map.of("User", "an", "Domain", "a"))
                .at(1, failed, Map.of("User", "an", "Domain", "b"))
                .at(2, failed, Map.of("User", "an", "Domain", "a"));
        assertThat(t.alerts).isEmpty();

        t.at(3, failed, Map.of("User", "binh", "Domain", "a"));

        assertThat(t.alerts).hasSize(1);
    }

    @Test
    void valueSumHonoursARangeOfTwoBounds() {
        DetectionRule upload = detection("upload", "3");
        Timeline t = new Timeline(
                List.of(upload),
                correlation("exfil", VALUE_SUM, "upload")
                        .groupBy("User")
                        .field("bytes")
                        .when(GT, 100)
                        .when(LTE, 200)
                        .build());
        // 50 then 300: the sum jumps past the range (350) and must not fire.
        t.at(0, upload, Map.of("User", "an", "bytes", 50L)).at(1, upload, Map.of("User", "an", "bytes", "300"));
        assertThat(t.alerts).isEmpty();

        t.at(0, upload, Map.of("User", "binh", "bytes", 60L)).at(1, upload, Map.of("User", "binh", "bytes", 70.5));

        assertThat(t.alerts).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo(130.5);
            assertThat(a.groupBy()).containsEntry("User", "binh");
        });
    }

    @Test
    void valueAverageIgnoresValuesThatAreNotNumbers() {
        DetectionRule flow = detection("flow", "3");
        Timeline t = new Timeline(
                List.of(flow),
                correlation("avg", VALUE_AVG, "flow")
                        .field("BytesOut")
                        .when(GT, 500)
                        .build());
        t.at(0, flow, Map.of("BytesOut", 400L)).at(1, flow, Map.of("BytesOut", "n/a"));
        assertThat(t.alerts).isEmpty();

        t.at(2, flow, Map.of("BytesOut", 700L));

        assertThat(t.alerts)
                .singleElement()
                .satisfies(a -> assertThat(a.value()).isEqualTo(550.0));
    }

    @Test
    void valuePercentileInterpolatesLinearlyBetweenRanks() {
        DetectionRule flow = detection("flow", "3");
        Timeline t = new Timeline(
                List.of(flow),
                correlation("p90", VALUE_PERCENTILE, "flow")
                        .field("Duration")
                        .percentile(90)
                        .when(GTE, 37)
                        .build());
        t.at(0, flow, Map.of("Duration", 10L))
                .at(1, flow, Map.of("Duration", 20L))
                .at(2, flow, Map.of("Duration", 40L));
        assertThat(t.alerts).isEmpty(); // p90 of 10, 20, 40 is 36

        t.at(3, flow, Map.of("Duration", 30L)); // p90 of 10..40 is 30 + 0.7 * 10

        assertThat(t.alerts)
                .singleElement()
                .satisfies(a -> assertThat(a.value()).isCloseTo(37.0, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(Measure.percentile(new double[] {5, 1, 4, 2, 3}, 50)).isEqualTo(3.0);
        assertThat(Measure.percentile(new double[] {5, 1, 4, 2, 3}, 0)).isEqualTo(1.0);
        assertThat(Measure.percentile(new double[] {5, 1, 4, 2, 3}, 100)).isEqualTo(5.0);
        assertThat(Measure.percentile(new double[] {1, 2}, 25)).isEqualTo(1.25);
    }
}
