package vn.lachan.sigma.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.Glob;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

class ModifierTest {

    private static Search.Field text(String field, Glob glob) {
        return new Search.Field(field, new ValueTest.Text(glob, false));
    }

    private static Glob glob(Glob.Part... parts) {
        return new Glob(List.of(parts));
    }

    private static Glob.Literal lit(String text) {
        return new Glob.Literal(text);
    }

    private static final Glob.AnyRun ANY = new Glob.AnyRun();

    private static List<String> literals(Search search) {
        Search.AnyOf any = (Search.AnyOf) search;
        return any.parts().stream()
                .map(p -> ((ValueTest.Text) ((Search.Field) p).test()).glob())
                .map(g -> g.parts().stream().map(Object::toString).toList().toString())
                .toList();
    }

    private static List<String> globs(Search search) {
        return ((Search.AnyOf) search)
                .parts().stream()
                        .map(p -> ((ValueTest.Text) ((Search.Field) p).test())
                                .glob()
                                .toString())
                        .toList();
    }

    @Test
    void plainValueIsWholeValueGlob() {
        assertThat(Rules.selection("Image: 'C:\\Windows\\x.exe'"))
                .isEqualTo(text("Image", glob(lit("C:\\Windows\\x.exe"))));
    }

    @Test
    void containsStartsWithEndsWithAddAnyRuns() {
        assertThat(Rules.selection("a|contains: x*y")).isEqualTo(text("a", glob(ANY, lit("x"), ANY, lit("y"), ANY)));
        assertThat(Rules.selection("a|startswith: x")).isEqualTo(text("a", glob(lit("x"), ANY)));
        assertThat(Rules.selection("a|endswith: '*x'")).isEqualTo(text("a", glob(ANY, lit("x"))));
        assertThat(Rules.selection("a|contains: ''")).isEqualTo(text("a", glob(ANY)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\\*|\\*|1",
                "\\?|\\?|1",
                "\\\\*|\\\\*|2",
                "\\\\\\*|\\\\\\*|1",
                "a\\b|a\\\\b|1",
            })
    void escapesFollowTheSpecTable(String value, String rendered, int partCount) {
        Search.Field field = (Search.Field) Rules.selection("a: '" + value + "'");
        Glob glob = ((ValueTest.Text) field.test()).glob();
        assertThat(glob.parts()).hasSize(partCount);
        assertThat(glob.toString()).isEqualTo(rendered);
    }

    @Test
    void escapeTableExactParts() {
        assertThat(SigmaStrings.parse("\\*")).containsExactly(lit("*"));
        assertThat(SigmaStrings.parse("\\\\*")).containsExactly(lit("\\"), ANY);
        assertThat(SigmaStrings.parse("\\\\\\*")).containsExactly(lit("\\*"));
        assertThat(SigmaStrings.parse("\\\\\\")).containsExactly(lit("\\\\"));
        assertThat(SigmaStrings.parse("\\\\\\\\")).containsExactly(lit("\\\\"));
        assertThat(SigmaStrings.parse("a?b")).containsExactly(lit("a"), new Glob.AnyChar(), lit("b"));
    }

    @Test
    void base64OffsetVectors() {
        assertThat(globs(Rules.selection("a|base64offset: 'http://'")))
                .containsExactly("aHR0cDovL", "h0dHA6Ly", "odHRwOi8v");
        assertThat(globs(Rules.selection("a|base64offset: IEX"))).containsExactly("SUVY", "lFW", "JRV");
        assertThat(globs(Rules.selection("a|wide|base64offset: IEX")))
                .containsExactly("SQBFAFgA", "kARQBYA", "JAEUAWA");
        assertThat(globs(Rules.selection("a|base64offset|contains: IEX"))).containsExactly("*SUVY*", "*lFW*", "*JRV*");
    }

    @Test
    void base64Vectors() {
        assertThat(Rules.selection("a|base64: IEX")).isEqualTo(text("a", glob(lit("SUVY"))));
        assertThat(Rules.selection("a|wide|base64: IEX")).isEqualTo(text("a", glob(lit("SQBFAFgA"))));
    }

    @Test
    void utf16Vectors() {
        assertThat(Rules.selection("a|utf16le: cmd")).isEqualTo(text("a", glob(lit("c\0m\0d\0"))));
        assertThat(Rules.selection("a|wide: cmd")).isEqualTo(text("a", glob(lit("c\0m\0d\0"))));
        assertThat(Rules.selection("a|utf16be: cmd")).isEqualTo(text("a", glob(lit("\0c\0m\0d"))));
        assertThat(Rules.selection("a|utf16: cmd")).isEqualTo(text("a", glob(lit("\u00FF\u00FEc\0m\0d\0"))));
    }

    @Test
    void windashVectors() {
        List<String> both = globs(Rules.selection("a|windash: '-nop -w hidden'"));
        assertThat(both)
                .hasSize(25)
                .doesNotHaveDuplicates()
                .contains("-nop -w hidden", "/nop /w hidden", "\u2015nop \u2013w hidden");
        List<String> one = globs(Rules.selection("a|windash: 'a-b /c'"));
        assertThat(one).containsExactly("a-b -c", "a-b /c", "a-b \u2013c", "a-b \u2014c", "a-b \u2015c");
        assertThat(Rules.selection("a|windash: x-y")).isEqualTo(text("a", glob(lit("x-y"))));
        assertThat(globs(Rules.selection("a|windash|contains: ' -x'")))
                .hasSize(5)
                .allMatch(g -> g.startsWith("* ") && g.endsWith("x*"));
    }

    @Test
    void allKeepsExpansionsOredInsideEachValue() {
        Search.AllOf all = (Search.AllOf) Rules.selection("a|windash|all:\n    - ' -x'\n    - ' -y'");
        assertThat(all.parts())
                .hasSize(2)
                .allMatch(p -> p instanceof Search.AnyOf any && any.parts().size() == 5);
    }

    @Test
    void listsAreOredAndAllAnds() {
        assertThat(Rules.selection("a:\n    - x\n    - y"))
                .isEqualTo(new Search.AnyOf(List.of(text("a", glob(lit("x"))), text("a", glob(lit("y"))))));
        assertThat(Rules.selection("a|all:\n    - x\n    - y")).isInstanceOf(Search.AllOf.class);
    }

    @Test
    void numbersBooleansNullAndEmpty() {
        assertThat(Rules.selection("EventID: 4688")).isEqualTo(text("EventID", glob(lit("4688"))));
        assertThat(Rules.selection("a: 0x17")).isEqualTo(text("a", glob(lit("23"))));
        assertThat(Rules.selection("a: '0x17'")).isEqualTo(text("a", glob(lit("0x17"))));
        assertThat(Rules.selection("a: yes")).isEqualTo(text("a", glob(lit("true"))));
        assertThat(Rules.selection("a: 1.5")).isEqualTo(text("a", glob(lit("1.5"))));
        assertThat(Rules.selection("a: null")).isEqualTo(new Search.Field("a", new ValueTest.Null()));
        assertThat(Rules.selection("a: []")).isEqualTo(new Search.Field("a", new ValueTest.Null()));
        assertThat(Rules.selection("a: ''")).isEqualTo(text("a", new Glob(List.of())));
    }

    @Test
    void existsCasedNeq() {
        assertThat(Rules.selection("a|exists: true")).isEqualTo(new Search.Field("a", new ValueTest.Exists(true)));
        assertThat(Rules.selection("a|exists: no")).isEqualTo(new Search.Field("a", new ValueTest.Exists(false)));
        assertThat(Rules.selection("a|cased|contains: X"))
                .isEqualTo(new Search.Field("a", new ValueTest.Text(glob(ANY, lit("X"), ANY), true)));
        assertThat(Rules.selection("a|neq:\n    - x\n    - y"))
                .isEqualTo(new Search.Not(
                        new Search.AnyOf(List.of(text("a", glob(lit("x"))), text("a", glob(lit("y")))))));
    }

    @Test
    void regexWithFlagsAndTranslation() {
        assertThat(Rules.selection("a|re|i|m|s: '^x.*y$'"))
                .isEqualTo(new Search.Field(
                        "a",
                        new ValueTest.Regex(
                                "^x.*y$",
                                Set.of(
                                        ValueTest.RegexFlag.IGNORE_CASE,
                                        ValueTest.RegexFlag.MULTILINE,
                                        ValueTest.RegexFlag.DOT_ALL))));
        assertThat(Rules.selection("a|re|ignorecase: '(?<name>x)\\Z'"))
                .isEqualTo(new Search.Field(
                        "a", new ValueTest.Regex("(?P<name>x)\\z", Set.of(ValueTest.RegexFlag.IGNORE_CASE))));
        assertThat(Rules.selection("a|re: '(?i)abc'"))
                .isEqualTo(new Search.Field("a", new ValueTest.Regex("(?i)abc", Set.of())));
    }

    @Test
    void cidrCompareTimeFieldref() {
        assertThat(Rules.selection("ip|cidr: 10.0.0.0/8"))
                .isEqualTo(new Search.Field("ip", new ValueTest.Cidr("10.0.0.0/8")));
        assertThat(Rules.selection("ip|cidr: 'fe80::/10'"))
                .isEqualTo(new Search.Field("ip", new ValueTest.Cidr("fe80::/10")));
        assertThat(Rules.selection("n|gte: 10"))
                .isEqualTo(new Search.Field("n", new ValueTest.Compare(Comparison.GTE, new BigDecimal("10"))));
        assertThat(Rules.selection("t|hour: 3"))
                .isEqualTo(
                        new Search.Field("t", new ValueTest.TimePart(ValueTest.TimePart.Unit.HOUR, Comparison.EQ, 3)));
        assertThat(Rules.selection("t|hour|lt: 6"))
                .isEqualTo(
                        new Search.Field("t", new ValueTest.TimePart(ValueTest.TimePart.Unit.HOUR, Comparison.LT, 6)));
        assertThat(Rules.selection("a|fieldref|endswith: b"))
                .isEqualTo(new Search.Field("a", new ValueTest.FieldRef("b", ValueTest.Position.ENDS_WITH, false)));
        assertThat(Rules.selection("a|fieldref: b"))
                .isEqualTo(new Search.Field("a", new ValueTest.FieldRef("b", ValueTest.Position.EQUALS, false)));
    }

    @Test
    void expandUsesPlaceholders() {
        RuleLoader loader = new RuleLoader(Placeholders.of(Map.of("Admins", List.of("adm_*", "root"))));
        Search search = Rules.load(loader, "selection:\n    User|expand: '%Admins%'", "selection")
                .searches()
                .get("selection");
        assertThat(globs(java.util.Objects.requireNonNull(search))).containsExactly("adm_*", "root");
        Search within = Rules.load(loader, "selection:\n    User|contains|expand: 'x%Admins%'", "selection")
                .searches()
                .get("selection");
        assertThat(globs(java.util.Objects.requireNonNull(within))).containsExactly("*xadm_*", "*xroot*");
    }

    @Test
    void keywordsMatchAnywhereInAValueAndAllAndsThem() {
        assertThat(Rules.selection("- foo\n- bar*"))
                .isEqualTo(new Search.AnyOf(List.of(
                        new Search.Keyword(new ValueTest.Text(glob(ANY, lit("foo"), ANY), false)),
                        new Search.Keyword(new ValueTest.Text(glob(ANY, lit("bar"), ANY), false)))));
        Search all = Rules.selection("'|all':\n    - foo\n    - bar");
        assertThat(all)
                .isEqualTo(new Search.AllOf(List.of(
                        new Search.Keyword(new ValueTest.Text(glob(ANY, lit("foo"), ANY), false)),
                        new Search.Keyword(new ValueTest.Text(glob(ANY, lit("bar"), ANY), false)))));
        // an explicit position modifier keeps its meaning: startswith anchors the keyword's start
        assertThat(Rules.selection("'|startswith': foo"))
                .isEqualTo(new Search.Keyword(new ValueTest.Text(glob(lit("foo"), ANY), false)));
    }

    @Test
    void listOfMapsIsAnyOfAllOf() {
        Search search = Rules.selection("- a: 1\n  b: 2\n- c: 3");
        assertThat(search)
                .isEqualTo(new Search.AnyOf(List.of(
                        new Search.AllOf(List.of(text("a", glob(lit("1"))), text("b", glob(lit("2"))))),
                        text("c", glob(lit("3"))))));
        assertThat(literals(Rules.selection("a:\n    - x\n    - y"))).hasSize(2);
    }
}
