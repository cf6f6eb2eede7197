package vn.lachan.sigma.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.sigma.Fixtures.correlation;
import static vn.lachan.sigma.Fixtures.detection;
import static vn.lachan.sigma.rule.Comparison.GTE;
import static vn.lachan.sigma.rule.CorrelationRule.Type.EVENT_COUNT;
import static vn.lachan.sigma.rule.CorrelationRule.Type.TEMPORAL;
import static vn.lachan.sigma.rule.CorrelationRule.Type.TEMPORAL_ORDERED;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;

class TemporalAndChainTest {
    private final DetectionRule a = detection("recon_a", "1");
    private final DetectionRule b = detection("recon_b", "2");
    private final DetectionRule c = detection("recon_c", "3");

    private Timeline temporal(CorrelationRule.Type type) {
        return new Timeline(
                List.of(a, b, c),
                correlation("recon", type, "recon_a", "recon_b", "recon_c")
                        .groupBy("User")
                        .within(Duration.ofMinutes(5))
                        .build());
    }

    @Test
    void temporalFiresWhenEveryRuleMatchedInAnyOrder() {
        Map<String, Object> an = Map.of("User", "an");
        Timeline t = temporal(TEMPORAL).at(0, c, an).at(10, a, an).at(10, a, an);
        assertThat(t.alerts).isEmpty();

        t.at(20, b, an);

        assertThat(t.alerts).singleElement().satisfies(x -> {
            assertThat(x.value()).isEqualTo(3.0);
            assertThat(x.events()).hasSize(4);
        });
    }

    @Test
    void temporalNeedsEveryRuleWithinTheTimespan() {
        Map<String, Object> an = Map.of("User", "an");
        Timeline t = temporal(TEMPORAL).at(0, a, an).at(200, b, an).at(301, c, an);

        assertThat(t.alerts).isEmpty();
    }

    @Test
    void temporalOrderedFiresOnlyInTheListedOrder() {
        Map<String, Object> an = Map.of("User", "an");
        assertThat(temporal(TEMPORAL_ORDERED).at(0, c, an).at(1, b, an).at(2, a, an).alerts)
                .isEmpty();
        assertThat(temporal(TEMPORAL_ORDERED).at(0, a, an).at(1, c, an).at(2, b, an).alerts)
                .isEmpty();

        Timeline t = temporal(TEMPORAL_ORDERED)
                .at(0, b, an)
                .at(1, a, an)
                .at(2, b, an)
                .at(3, c, an);

        assertThat(t.alerts)
                .singleElement()
                .satisfies(x -> assertThat(x.value()).isEqualTo(3.0));
    }

    @Test
    void temporalWithAnExplicitConditionNeedsOnlyThatManyRules() {
        Timeline t = new Timeline(
                List.of(a, b, c),
                correlation("two", TEMPORAL, "recon_a", "recon_b", "recon_c")
                        .when(GTE, 2)
                        .build());
        t.at(0, a).at(1, a);
        assertThat(t.alerts).isEmpty();

        t.at(2, c);

        assertThat(t.alerts).hasSize(1);
    }

    @Test
    void aliasesGroupDifferentFieldsOfDifferentRules() {
        DetectionRule error = detection("internal_error", "500");
        DetectionRule connection = detection("new_network_connection", "3");
        CorrelationRule rule = correlation("pivot", TEMPORAL, "internal_error", "new_network_connection")
                .groupBy("internal_ip", "remote_ip")
                .within(Duration.ofSeconds(10))
                .alias("internal_ip", Map.of("internal_error", "destination.ip", "new_network_connection", "source.ip"))
                .alias("remote_ip", Map.of("internal_error", "source.ip", "new_network_connection", "destination.ip"))
                .build();
        Timeline t = new Timeline(List.of(error, connection), rule);
        t.at(0, error, Map.of("destination.ip", "10.0.0.5", "source.ip", "203.0.113.9"))
                // same addresses, not swapped: another group
                .at(1, connection, Map.of("source.ip", "203.0.113.9", "destination.ip", "10.0.0.5"));
        assertThat(t.alerts).isEmpty();

        t.at(2, connection, Map.of("source.ip", "10.0.0.5", "destination.ip", "203.0.113.9"));

        assertThat(t.alerts)
                .singleElement()
                .satisfies(x -> assertThat(x.groupBy())
                        .containsExactly(Map.entry("internal_ip", "10.0.0.5"), Map.entry("remote_ip", "203.0.113.9")));
        assertThat(t.correlator.problems()).isEmpty();
    }

    @Test
    void chainedCorrelationsFireOnTheAlertsOfTheInnerOne() {
        DetectionRule failed = detection("failed_login", "4625");
        DetectionRule success = detection("successful_login", "4624");
        CorrelationRule many = correlation("multiple_failed_login", EVENT_COUNT, "failed_login")
                .groupBy("User")
                .within(Duration.ofMinutes(10))
                .when(GTE, 3)
                .build();
        CorrelationRule outer = correlation(
                        "brute_then_success", TEMPORAL_ORDERED, "multiple_failed_login", "successful_login")
                .groupBy("User")
                .within(Duration.ofMinutes(10))
                .build();
        Timeline t = new Timeline(List.of(failed, success), outer, many);
        Map<String, Object> an = Map.of("User", "an");
        t.at(0, success, an).at(10, failed, an).at(20, failed, an).at(30, failed, an);
        assertThat(t.alerts)
                .as("the inner correlation is not reported on its own")
                .isEmpty();

        t.at(40, success, Map.of("User", "binh")).at(50, success, an);

        assertThat(t.alerts).singleElement().satisfies(x -> {
            assertThat(x.rule()).isSameAs(outer);
            assertThat(x.groupBy()).containsEntry("User", "an");
            assertThat(x.events()).extracting(MatchRef::index).containsExactly(1L, 2L, 3L, 5L);
            assertThat(x.totalEvents()).isEqualTo(4);
            assertThat(x.first())
                    .as("the inner window started with the first failure")
                    .isEqualTo(Timeline.T0.plusSeconds(10));
        });
        assertThat(t.correlator.reports(failed)).isFalse();
        assertThat(t.correlator.reports(success)).isFalse();
        assertThat(t.correlator.stats().alerts()).isEqualTo(2);
    }

    @Test
    void generateTrueReportsTheReferencedRulesToo() {
        DetectionRule failed = detection("failed_login", "4625");
        DetectionRule other = detection("other", "1");
        CorrelationRule inner = correlation("inner", EVENT_COUNT, "failed_login")
                .when(GTE, 2)
                .generate(true)
                .build();
        CorrelationRule outer =
                correlation("outer", EVENT_COUNT, "inner").when(GTE, 1).build();
        Timeline t = new Timeline(List.of(failed, other), outer, inner);

        t.at(0, failed).at(1, failed);

        assertThat(t.correlator.reports(failed)).isTrue();
        assertThat(t.correlator.reports(other)).isTrue();
        assertThat(t.correlator.watches(other)).isFalse();
        assertThat(t.alerts).extracting(x -> x.rule().info().title()).containsExactly("outer");
    }

    @Test
    void chainedInnerCorrelationIsReportedWhenTheOuterOneSaysGenerate() {
        DetectionRule failed = detection("failed_login", "4625");
        CorrelationRule inner =
                correlation("inner", EVENT_COUNT, "failed_login").when(GTE, 2).build();
        CorrelationRule outer = correlation("outer", EVENT_COUNT, "inner")
                .when(GTE, 1)
                .generate(true)
                .build();
        Timeline t = new Timeline(List.of(failed), outer, inner);

        t.at(0, failed).at(1, failed);

        assertThat(t.alerts).extracting(x -> x.rule().info().title()).containsExactly("inner", "outer");
    }
}
