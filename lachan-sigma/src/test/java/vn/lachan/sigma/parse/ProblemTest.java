package vn.lachan.sigma.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lachan.sigma.rule.RuleSet;

class ProblemTest {

    @Test
    void unknownModifierSuggestsTheClosest() {
        assertThat(Rules.rejection("selection:\n    CommandLine|contians: x", "selection"))
                .isEqualTo(
                        "test.yml:line 6, column 9: document at line 1 rejected: unknown modifier 'contians' on field "
                                + "'CommandLine' (did you mean 'contains'?)");
    }

    @Test
    void undefinedIdentifierHasItsColumn() {
        assertThat(Rules.rejection("selection:\n    a: x", "selection and selection2"))
                .isEqualTo("test.yml:line 7, column 30: document at line 1 rejected: condition refers to 'selection2', "
                        + "which the detection does not define (did you mean 'selection'?)");
    }

    @Test
    void everyProblemOfADocumentIsListed() {
        String message =
                Rules.rejection("selection:\n    a|foo: x\n    b|cidr: 10.0.0.1/8\n    c|gt: abc", "selection");
        assertThat(message)
                .contains("3 problems")
                .contains("line 6, column 9: unknown modifier 'foo'")
                .contains("line 7, column 17: modifier 'cidr' on field 'b': '10.0.0.1/8' has host bits set")
                .contains("line 8, column 15: modifier 'gt' on field 'c': needs a number");
    }

    @Test
    void typeErrorsAreProblems() {
        assertThat(Rules.rejection("selection:\n    EventID|contains: 4688", "selection"))
                .contains(
                        "modifier 'contains' on field 'EventID': needs a text value, but got the number 4688: quote it ('4688')");
        assertThat(Rules.rejection("selection:\n    a|exists: maybe", "selection"))
                .contains("'exists' on field 'a' needs true or false");
        assertThat(Rules.rejection("selection:\n    a|base64: 'x*'", "selection"))
                .contains("cannot encode the wildcards");
        assertThat(Rules.rejection("selection:\n    a|i: x", "selection")).contains("needs 're' before it");
        assertThat(Rules.rejection("selection:\n    a|re: '(?=x)'", "selection"))
                .contains("is not valid RE2 syntax: look-around '(?=' at character 1 is not supported");
        assertThat(Rules.rejection("selection:\n    a|re: 'x(?<!y)z'", "selection"))
                .contains("look-around '(?<!' at character 2 is not supported");
        assertThat(Rules.rejection("selection:\n    a|re: '(a)\\1'", "selection"))
                .contains("back-reference \\1 at character 4 is not supported");
        assertThat(Rules.rejection("selection:\n    a|re: 'a(b'", "selection"))
                .contains("is not valid RE2 syntax: missing closing )");
        assertThat(Rules.rejection("selection:\n    a|hour: 24", "selection")).contains("from 0 to 23");
        assertThat(Rules.rejection("selection:\n    a|expand: '%nope%'", "selection"))
                .contains("placeholder '%nope%' is unresolved");
    }

    @Test
    void conditionSyntaxErrorsCarryThePosition() {
        assertThat(Rules.rejection("selection:\n    a: x", "selection and (selection"))
                .contains("line 7, column 40")
                .contains("'(' at position 15 is not closed");
        assertThat(Rules.rejection("selection:\n    a: x", "2 of selection*")).contains("invalid quantifier '2'");
        assertThat(Rules.rejection("selection:\n    a: x", "1 of filter*"))
                .contains("pattern 'filter*' matches no search identifier");
        assertThat(Rules.rejection("selection:\n    a: x", "selection AND selection"))
                .contains("did you mean 'and'?");
        assertThat(Rules.rejection("selection:\n    a: x", "selection and")).contains("ends too early");
        assertThat(Rules.rejection("selection:\n    a: x", "selection | count() > 5"))
                .contains("Sigma 1.x aggregation");
    }

    @Test
    void requiredFieldsAndSchemaWords() {
        RuleSet set = new RuleLoader()
                .parse(
                        "logsource: {product: windows}\ndetection: {s: {a: 1}, condition: s}\n"
                                + "status: tset\nlevel: hihg\nid: not-a-uuid\n",
                        "x.yml");
        assertThat(set.rejected())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("has no 'title'")
                        .contains("unknown status 'tset'")
                        .contains("did you mean 'test'?")
                        .contains("unknown level 'hihg'")
                        .contains("id 'not-a-uuid' is not a UUID"));
        RuleSet noCondition =
                new RuleLoader().parse("title: t\nlogsource: {product: windows}\ndetection: {s: {a: 1}}\n", "y.yml");
        assertThat(noCondition.rejected().getFirst().message()).contains("has no 'condition'");
        RuleSet longTitle = new RuleLoader()
                .parse(
                        "title: " + "x".repeat(257)
                                + "\nlogsource: {product: w}\ndetection: {s: {a: 1}, condition: s}\n",
                        "z.yml");
        assertThat(longTitle.rejected().getFirst().message()).contains("more than 256");
    }

    @Test
    void yamlErrorsAndDuplicateKeysAreProblems() {
        RuleSet broken = new RuleLoader().parse("title: a\ndetection: [unclosed\n", "b.yml");
        assertThat(broken.rejected()).singleElement().satisfies(p -> {
            assertThat(p.location()).startsWith("line 3");
            assertThat(p.message()).startsWith("YAML error");
        });
        RuleSet duplicate = new RuleLoader().parse(Rules.rule("selection:\n    a: x\n    a: y", "selection"), "d.yml");
        assertThat(duplicate.rejected().getFirst().toString())
                .contains("line 7, column 9")
                .contains("duplicate key 'a' in search identifier 'selection' (first at line 6, column 9)");
    }

    @Test
    void sigmaOneCollectionsAreRejectedWithTheReason() {
        RuleSet set = new RuleLoader().parse("action: global\ntitle: t\n---\nlogsource: {product: w}\n", "c.yml");
        assertThat(set.rejected())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Sigma 1.x rule collection"));
    }

    @Test
    void allWithOneValueIsAWarning() {
        RuleSet set = new RuleLoader().parse(Rules.rule("selection:\n    a|all: x", "selection"), "w.yml");
        assertThat(set.detections()).hasSize(1);
        assertThat(set.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'all' on field 'a' has a single value"));
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append(", *")
                    .append(prev)
                    .append("]\n");
        }
        RuleSet set = new RuleLoader().parse(yaml.toString(), "bomb.yml");
        assertThat(set.detections()).isEmpty();
        assertThat(set.rejected()).isNotEmpty();
    }
}
