package vn.lachan.sigma.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.CorrelationRule.Bound;
import vn.lachan.sigma.rule.RuleSet;
import vn.lachan.testkit.Corpus;

class MetaRuleTest {

    private static Path spec(String relative) {
        Path path = Path.of("../../shared/domain/sigma-spec/tests/schema")
                .resolve(relative)
                .toAbsolutePath()
                .normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                path.toFile().exists(), "the Sigma specification tests are absent: " + path);
        return path;
    }

    @Test
    void specCorrelationExamplesAllLoad() {
        RuleSet set = new RuleLoader().load(spec("correlation"));
        assertThat(set.rejected()).isEmpty();
        assertThat(set.correlations()).hasSize(8);
        assertThat(set.correlations())
                .extracting(CorrelationRule::type)
                .containsExactlyInAnyOrder(
                        CorrelationRule.Type.values()[0],
                        CorrelationRule.Type.EVENT_COUNT,
                        CorrelationRule.Type.TEMPORAL,
                        CorrelationRule.Type.TEMPORAL_ORDERED,
                        CorrelationRule.Type.VALUE_AVG,
                        CorrelationRule.Type.VALUE_COUNT,
                        CorrelationRule.Type.VALUE_PERCENTILE,
                        CorrelationRule.Type.VALUE_SUM);
        CorrelationRule temporal = set.correlations().stream()
                .filter(c -> c.type() == CorrelationRule.Type.TEMPORAL)
                .findFirst()
                .orElseThrow();
        assertThat(temporal.bounds()).containsExactly(new Bound(Comparison.GTE, BigDecimal.valueOf(3)));
        assertThat(temporal.groupBy()).containsExactly("ComputerName", "User");
        assertThat(temporal.timespan()).isEqualTo(Duration.ofMinutes(5));
        assertThat(temporal.generate()).isFalse();
    }

    @Test
    void specFilterExamplesLoadWithTheNotWarning() {
        RuleSet set = new RuleLoader().load(spec("filter"));
        assertThat(set.rejected()).isEmpty();
        assertThat(set.filters()).hasSize(2);
        assertThat(set.filters().getFirst().rules()).hasSize(2);
        assertThat(set.warnings())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.message()).contains("has no 'not'"));
    }

    @Test
    void correlationWithRangesAliasesAndChaining() {
        String yaml = """
                title: Chain
                name: chain
                correlation:
                    type: value_count
                    rules: [a, b]
                    group-by: internal_ip
                    timespan: 2w
                    generate: true
                    condition:
                        field: [User, Host]
                        gt: 10
                        lte: 200
                    aliases:
                        internal_ip:
                            a: destination.ip
                            b: source.ip
                ---
                title: Percentile
                correlation:
                    type: value_percentile
                    rules: [chain]
                    group-by: [Host]
                    timespan: 1M
                    condition: {field: Bytes, percentile: 95, gte: 1000}
                """;
        RuleSet set = new RuleLoader().parse(yaml, "c.yml");
        assertThat(set.rejected()).isEmpty();
        CorrelationRule chain = set.correlations().getFirst();
        assertThat(chain.bounds())
                .containsExactly(
                        new Bound(Comparison.GT, BigDecimal.TEN), new Bound(Comparison.LTE, BigDecimal.valueOf(200)));
        assertThat(chain.fields()).containsExactly("User", "Host");
        assertThat(chain.groupBy()).containsExactly("internal_ip");
        assertThat(chain.timespan()).isEqualTo(Duration.ofDays(14));
        assertThat(chain.aliases()).isEqualTo(Map.of("internal_ip", Map.of("a", "destination.ip", "b", "source.ip")));
        assertThat(chain.generate()).isTrue();
        CorrelationRule percentile = set.correlations().get(1);
        assertThat(percentile.percentile()).isEqualTo(95.0);
        assertThat(percentile.timespan()).isEqualTo(Duration.ofSeconds(2_629_746L));
        assertThat(percentile.info().origin().line()).isEqualTo(18);
    }

    @Test
    void correlationProblems() {
        RuleSet set = new RuleLoader()
                .parse("title: x\ncorrelation:\n    type: event_cnt\n    rules: []\n    timespan: 5q\n", "p.yml");
        assertThat(set.rejected())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("unknown correlation type 'event_cnt'")
                        .contains("did you mean 'event_count'?")
                        .contains("'rules' lists no rule")
                        .contains("timespan '5q' must be"));
        RuleSet noField = new RuleLoader()
                .parse(
                        "title: x\ncorrelation:\n    type: value_sum\n    rules: [a]\n    group-by: [h]\n"
                                + "    timespan: 5m\n    condition: {gt: 3}\n",
                        "f.yml");
        assertThat(noField.rejected().getFirst().message()).contains("needs 'field' in its condition");
    }

    @Test
    void filterWithNotAndRulesAny() {
        String yaml = """
                title: Exclude admins
                logsource: {product: windows}
                filter:
                    rules: any
                    selection:
                        User|startswith: adm_
                    condition: not selection
                """;
        RuleSet set = new RuleLoader().parse(yaml, "f.yml");
        assertThat(set.warnings()).isEmpty();
        assertThat(set.filters())
                .singleElement()
                .satisfies(f -> assertThat(f.rules()).isEmpty());
    }

    @Test
    void multiDocumentFileFromTheCorpusRegressionFolderLoads() {
        Path rules = Corpus.require("sigma/rules-compliance");
        RuleSet set = new RuleLoader().load(List.of(rules));
        assertThat(set.rejected()).isEmpty();
        assertThat(set.detections()).isNotEmpty();
    }
}
