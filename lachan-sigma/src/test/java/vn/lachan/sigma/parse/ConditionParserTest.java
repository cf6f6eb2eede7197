package vn.lachan.sigma.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lachan.sigma.rule.Condition;
import vn.lachan.sigma.rule.Condition.And;
import vn.lachan.sigma.rule.Condition.Not;
import vn.lachan.sigma.rule.Condition.Or;
import vn.lachan.sigma.rule.Condition.Ref;

class ConditionParserTest {
    private static final List<String> IDS = List.of("sel1", "sel2", "filter_a", "_hidden", "x");

    private static Condition parse(String condition) {
        Issues issues = new Issues("t");
        Condition parsed = ConditionParser.parse(new ConditionText(condition, 1, 1), IDS, issues);
        assertThat(issues.errors()).isEmpty();
        return java.util.Objects.requireNonNull(parsed);
    }

    private static Ref ref(String id) {
        return new Ref(id);
    }

    @Test
    void precedenceIsOrAndNot() {
        assertThat(parse("x or sel1 and not sel2"))
                .isEqualTo(new Or(List.of(ref("x"), new And(List.of(ref("sel1"), new Not(ref("sel2")))))));
        assertThat(parse("not x and sel1")).isEqualTo(new And(List.of(new Not(ref("x")), ref("sel1"))));
        assertThat(parse("(x or sel1) and sel2"))
                .isEqualTo(new And(List.of(new Or(List.of(ref("x"), ref("sel1"))), ref("sel2"))));
        assertThat(parse("not not x")).isEqualTo(new Not(new Not(ref("x"))));
    }

    @Test
    void quantifiersResolveToRefs() {
        assertThat(parse("1 of sel*")).isEqualTo(new Or(List.of(ref("sel1"), ref("sel2"))));
        assertThat(parse("any of sel*")).isEqualTo(new Or(List.of(ref("sel1"), ref("sel2"))));
        assertThat(parse("all of sel*")).isEqualTo(new And(List.of(ref("sel1"), ref("sel2"))));
        assertThat(parse("all of them"))
                .isEqualTo(new And(List.of(ref("sel1"), ref("sel2"), ref("filter_a"), ref("x"))));
        assertThat(parse("1 of _*")).isEqualTo(ref("_hidden"));
        assertThat(parse("1 of *a")).isEqualTo(ref("filter_a"));
        assertThat(parse("1 of s*1")).isEqualTo(ref("sel1"));
        assertThat(parse("not 1 of sel* and x"))
                .isEqualTo(new And(List.of(new Not(new Or(List.of(ref("sel1"), ref("sel2")))), ref("x"))));
    }

    @Test
    void conditionListIsOr() {
        var set =
                new RuleLoader().parse(Rules.rule("a:\n    f: 1\nb:\n    f: 2", "\n        - a\n        - b"), "l.yml");
        assertThat(set.detections().getFirst().condition()).isEqualTo(new Or(List.of(ref("a"), ref("b"))));
    }

    @Test
    void errorsNameThePosition() {
        Issues issues = new Issues("t");
        assertThat(ConditionParser.parse(new ConditionText("sel1 and ) x", 3, 16), IDS, issues))
                .isNull();
        assertThat(issues.errors()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("line 3, column 25");
            assertThat(p.message()).contains("position 10").contains("found ')'");
        });
    }
}
