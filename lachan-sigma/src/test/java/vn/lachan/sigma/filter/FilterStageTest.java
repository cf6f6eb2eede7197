package vn.lachan.sigma.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.sigma.Fixtures.detection;
import static vn.lachan.sigma.Fixtures.fieldIs;
import static vn.lachan.sigma.Fixtures.info;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.Fixtures;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.CorrelationRule;
import vn.lachan.sigma.rule.DetectionRule;
import vn.lachan.sigma.rule.FilterRule;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Search;

class FilterStageTest {
    private static final LogSource PROCESS_WINDOWS = LogSource.of("process_creation", "windows", null);
    private final DetectionRule rar =
            detection("rar", PROCESS_WINDOWS, Map.of("selection", fieldIs("Image", "rar.exe")));
    private final DetectionRule linux = detection(
            "curl", LogSource.of("process_creation", "linux", null), Map.of("selection", fieldIs("Image", "curl")));
    private final DetectionRule logon = detection("logon", "4624");

    private static FilterRule filter(String title, LogSource logsource, List<String> rules, Condition condition) {
        return new FilterRule(
                info(title, null), logsource, rules, Map.of("selection", fieldIs("User", "adm_*")), condition);
    }

    private static FilterRule exclusion(LogSource logsource, String... rules) {
        return filter("admins", logsource, List.of(rules), new Condition.Not(new Condition.Ref("selection")));
    }

    @Test
    void theConditionBecomesRuleAndFilterAsWrittenWithRenamedSearches() {
        FilterRule restrict = filter("only admins", PROCESS_WINDOWS, List.of("id-rar"), new Condition.Ref("selection"));

        FilteredRules out = FilterStage.apply(List.of(rar, linux), List.of(restrict), List.of());

        DetectionRule filtered = out.rules().getFirst();
        assertThat(filtered.condition())
                .isEqualTo(new Condition.And(
                        List.of(new Condition.Ref("selection"), new Condition.Ref("_filter0_selection"))));
        assertThat(filtered.searches()).containsOnlyKeys("selection", "_filter0_selection");
        assertThat(filtered.searches().get("selection"))
                .isEqualTo(rar.searches().get("selection"));
        assertThat(filtered.searches().get("_filter0_selection")).isEqualTo(fieldIs("User", "adm_*"));
        assertThat(filtered.info()).isSameAs(rar.info());
        assertThat(out.rules().get(1)).isSameAs(linux);
        assertThat(out.applied()).isEqualTo(1);
        assertThat(out.warnings()).isEmpty();
    }

    @Test
    void anExclusionKeepsItsNotAndNothingIsNegatedAutomatically() {
        FilteredRules out = FilterStage.apply(List.of(rar), List.of(exclusion(PROCESS_WINDOWS, "rar")), List.of());

        assertThat(out.rules().getFirst().condition())
                .isEqualTo(new Condition.And(List.of(
                        new Condition.Ref("selection"), new Condition.Not(new Condition.Ref("_filter0_selection")))));
    }

    @Test
    void aWiderLogSourceWithNoRulesAppliesToEveryRuleWithinIt() {
        FilterRule any = exclusion(LogSource.of(null, "windows", null));

        FilteredRules out = FilterStage.apply(List.of(rar, linux, logon), List.of(any), List.of());

        assertThat(out.applied()).isEqualTo(2);
        assertThat(out.rules().get(0).searches()).containsKey("_filter0_selection");
        assertThat(out.rules().get(1)).isSameAs(linux);
        assertThat(out.rules().get(2).searches()).containsKey("_filter0_selection");
    }

    @Test
    void aNarrowerLogSourceDoesNotApplyToAWiderRule() {
        LogSource sysmonOnly = new LogSource("process_creation", "windows", null, Map.of("definition_set", "sysmon"));
        FilteredRules out = FilterStage.apply(List.of(rar), List.of(exclusion(sysmonOnly)), List.of());

        assertThat(out.rules().getFirst()).isSameAs(rar);
        assertThat(out.warnings())
                .extracting(Problem::message)
                .containsExactly("filter 'admins' applies to no loaded rule");
    }

    @Test
    void severalFiltersGetPrefixesThatDoNotClash() {
        DetectionRule tricky =
                detection("tricky", PROCESS_WINDOWS, Map.of("_filter1_selection", fieldIs("Image", "x")));
        FilterRule first = exclusion(PROCESS_WINDOWS);
        FilterRule second = exclusion(PROCESS_WINDOWS);

        DetectionRule out = FilterStage.apply(List.of(tricky), List.of(first, second), List.of())
                .rules()
                .getFirst();

        assertThat(out.searches()).containsOnlyKeys("_filter1_selection", "_filter0_selection", "__filter1_selection");
        assertThat(out.condition())
                .isEqualTo(new Condition.And(List.of(
                        new Condition.And(List.of(
                                new Condition.Ref("_filter1_selection"),
                                new Condition.Not(new Condition.Ref("_filter0_selection")))),
                        new Condition.Not(new Condition.Ref("__filter1_selection")))));
    }

    @Test
    void quantifiedConditionsResolvedByTheParserAreRenamedTermByTerm() {
        Map<String, Search> searches = Map.of("a", fieldIs("User", "x"), "b", fieldIs("User", "y"));
        Condition oneOfThem = new Condition.Or(List.of(new Condition.Ref("a"), new Condition.Ref("b")));
        FilterRule f =
                new FilterRule(info("two", null), PROCESS_WINDOWS, List.of(), searches, new Condition.Not(oneOfThem));

        DetectionRule out =
                FilterStage.apply(List.of(rar), List.of(f), List.of()).rules().getFirst();

        assertThat(out.condition())
                .isEqualTo(new Condition.And(List.of(
                        new Condition.Ref("selection"),
                        new Condition.Not(new Condition.Or(
                                List.of(new Condition.Ref("_filter0_a"), new Condition.Ref("_filter0_b")))))));
    }

    @Test
    void namingMissingRulesCorrelationsOrRulesOutsideTheLogSourceIsWarned() {
        CorrelationRule correlation = Fixtures.correlation("brute", CorrelationRule.Type.EVENT_COUNT, "logon")
                .when(vn.lachan.sigma.rule.Comparison.GTE, 2)
                .build();
        FilterRule f = exclusion(PROCESS_WINDOWS, "rar", "no-such-id", "brute", "curl");

        FilteredRules out = FilterStage.apply(List.of(rar, linux, logon), List.of(f), List.of(correlation));

        assertThat(out.applied()).isEqualTo(1);
        assertThat(out.warnings())
                .extracting(Problem::message)
                .containsExactly(
                        "filter 'admins' names rule 'no-such-id', which is not loaded (no detection rule has this id or name)",
                        "filter 'admins' names correlation 'brute': filters never apply to correlations; name the rules it references",
                        "filter 'admins' names rule 'curl', whose log source {category: process_creation, product: linux}"
                                + " is not within the filter's {category: process_creation, product: windows}: it does not apply there");
        assertThat(out.warnings().getFirst().source()).isEqualTo("admins.yml");
        assertThat(out.warnings().getFirst().location()).isEqualTo("line 1");
    }
}
