package vn.lachan.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.sigma.match.Rules.cased;
import static vn.lachan.sigma.match.Rules.event;
import static vn.lachan.sigma.match.Rules.field;
import static vn.lachan.sigma.match.Rules.text;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.sigma.rule.Comparison;
import vn.lachan.sigma.rule.LogSource;
import vn.lachan.sigma.rule.Search;
import vn.lachan.sigma.rule.ValueTest;

/** Checks each kind of value test against events, through a declared log source. */
class ValueTestMatchingTest {
    private static final LogSource APP = LogSource.of("application", "test", null);

    private static boolean matches(Search search, SourcedEvent event) {
        Detector detector = Detector.compile(List.of(Rules.rule("r", APP, search)), LogSourceMap.bundled());
        return Rules.titles(detector, event, APP).equals(List.of("r"));
    }

    private static boolean matches(ValueTest test, Object value) {
        return matches(field("f", test), event("f", value));
    }

    @Test
    void textIsWholeValueAndCaseInsensitive() {
        assertThat(matches(text("cmd.exe"), "CMD.EXE")).isTrue();
        assertThat(matches(text("cmd.exe"), "x cmd.exe")).isFalse();
        assertThat(matches(text("*cmd.exe"), "C:\\Windows\\CMD.exe")).isTrue();
        assertThat(matches(text("cmd*"), "Cmd /c")).isTrue();
        assertThat(matches(text("cmd*"), " Cmd /c")).isFalse();
        assertThat(matches(text("*/c*"), "cmd /C whoami")).isTrue();
        assertThat(matches(cased("CMD*"), "cmd")).isFalse();
        assertThat(matches(cased("CMD*"), "CMD")).isTrue();
    }

    @Test
    void foldsNonAsciiAndIgnoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(matches(text("*TITLE*"), "the title")).isTrue();
            assertThat(matches(text("*title*"), "THE TITLE")).isTrue();
            assertThat(matches(text("ĐIỆN"), "điện")).isTrue();
            assertThat(matches(text("*ı*"), "I")).isFalse();
            assertThat(matches(text("İ"), "i")).isTrue();
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void wildcardsAndEscapes() {
        assertThat(matches(text("a?c"), "abc")).isTrue();
        assertThat(matches(text("a?c"), "ac")).isFalse();
        assertThat(matches(text("a*b*c"), "axxbyyc")).isTrue();
        assertThat(matches(text("a*b*c"), "axxcyyb")).isFalse();
        assertThat(matches(text("a\\*c"), "a*c")).isTrue();
        assertThat(matches(text("a\\*c"), "abc")).isFalse();
        assertThat(matches(text("*\\?*"), "what?")).isTrue();
        assertThat(matches(text("*\\?*"), "what")).isFalse();
        assertThat(matches(text("*"), "")).isTrue();
        assertThat(matches(text("?*"), "")).isFalse();
    }

    @Test
    void nullEmptyMissingAndExists() {
        ValueTest nul = new ValueTest.Null();
        assertThat(matches(field("f", nul), event("g", "x"))).isTrue();
        assertThat(matches(field("f", nul), event("f", null))).isTrue();
        assertThat(matches(field("f", nul), event("f", ""))).isFalse();
        assertThat(matches(field("f", text("")), event("f", ""))).isTrue();
        assertThat(matches(field("f", text("")), event("g", ""))).isFalse();
        assertThat(matches(field("f", text("")), event("f", null))).isFalse();
        assertThat(matches(field("f", new ValueTest.Exists(true)), event("f", null)))
                .isTrue();
        assertThat(matches(field("f", new ValueTest.Exists(true)), event("g", 1L)))
                .isFalse();
        assertThat(matches(field("f", new ValueTest.Exists(false)), event("g", 1L)))
                .isTrue();
        assertThat(matches(new Search.Not(field("f", text("x"))), event("g", "x")))
                .isTrue();
    }

    @Test
    void numbersBooleansArraysAndMaps() {
        assertThat(matches(text("4688"), 4688L)).isTrue();
        assertThat(matches(text("4688"), "4688")).isTrue();
        assertThat(matches(text("46*"), 4688L)).isTrue();
        assertThat(matches(text("true"), Boolean.TRUE)).isTrue();
        assertThat(matches(text("b"), List.of("a", "B"))).isTrue();
        assertThat(matches(text("c"), List.of("a", "b"))).isFalse();
        assertThat(matches(text("*a*"), Map.of("k", "a"))).isFalse();
        ValueTest gt = new ValueTest.Compare(Comparison.GT, new BigDecimal("10"));
        assertThat(matches(gt, 11L)).isTrue();
        assertThat(matches(gt, "10.5")).isTrue();
        assertThat(matches(gt, 10L)).isFalse();
        assertThat(matches(gt, "eleven")).isFalse();
    }

    @Test
    void cidrOnIpv4AndIpv6() {
        ValueTest v4 = new ValueTest.Cidr("10.0.0.0/8");
        assertThat(matches(v4, "10.200.3.4")).isTrue();
        assertThat(matches(v4, "11.0.0.1")).isFalse();
        assertThat(matches(v4, "10.0.0")).isFalse();
        assertThat(matches(v4, "example.com")).isFalse();
        ValueTest v6 = new ValueTest.Cidr("fe80::/10");
        assertThat(matches(v6, "fe80::1%eth0")).isTrue();
        assertThat(matches(v6, "FEBF:0:0:0:0:0:0:1")).isTrue();
        assertThat(matches(v6, "fec0::1")).isFalse();
        assertThat(matches(new ValueTest.Cidr("::ffff:10.0.0.0/104"), "::ffff:10.1.2.3"))
                .isTrue();
    }

    @Test
    void regexFindsWithFlags() {
        ValueTest plain = new ValueTest.Regex("wh[o]+ami", Set.of());
        assertThat(matches(plain, "cmd /c whoami")).isTrue();
        assertThat(matches(plain, "WHOAMI")).isFalse();
        ValueTest folded = new ValueTest.Regex("^whoami$", Set.of(ValueTest.RegexFlag.IGNORE_CASE));
        assertThat(matches(folded, "WHOAMI")).isTrue();
        ValueTest multi = new ValueTest.Regex("^b$", Set.of(ValueTest.RegexFlag.MULTILINE));
        assertThat(matches(multi, "a\nb\nc")).isTrue();
    }

    @Test
    void fieldRefComparesWithAnotherField() {
        Search same = field("a", new ValueTest.FieldRef("b", ValueTest.Position.EQUALS, false));
        assertThat(matches(same, event("a", "X", "b", "x"))).isTrue();
        assertThat(matches(same, event("a", "X", "b", "y"))).isFalse();
        assertThat(matches(same, event("a", "X"))).isFalse();
        Search contains = field("a", new ValueTest.FieldRef("b", ValueTest.Position.CONTAINS, true));
        assertThat(matches(contains, event("a", "abc", "b", "b"))).isTrue();
        assertThat(matches(contains, event("a", "abc", "b", "B"))).isFalse();
    }

    @Test
    void timePartsInUtc() {
        ValueTest hour = new ValueTest.TimePart(ValueTest.TimePart.Unit.HOUR, Comparison.EQ, 2);
        assertThat(matches(hour, "2020-06-10T02:50:56.537Z")).isTrue();
        assertThat(matches(hour, "2020-06-10 02:50:54.631")).isTrue();
        assertThat(matches(hour, "2020-06-10T04:50:56+02:00")).isTrue();
        assertThat(matches(hour, "2020-06-10T03:50:56Z")).isFalse();
        assertThat(matches(hour, "not a time")).isFalse();
        ValueTest week = new ValueTest.TimePart(ValueTest.TimePart.Unit.WEEK, Comparison.GTE, 24);
        assertThat(matches(week, "2020-06-10T02:50:56Z")).isTrue();
    }

    @Test
    void keywordsSearchEveryStringValue() {
        Search keyword = new Search.Keyword(text("*mimikatz*"));
        assertThat(matches(keyword, event("a", 1L, "b", Map.of("c", List.of("x", "run MIMIKATZ now")))))
                .isTrue();
        assertThat(matches(keyword, event("a", "nothing"))).isFalse();
        Search regex = new Search.Keyword(new ValueTest.Regex("mimi.atz", Set.of()));
        assertThat(matches(regex, event("m", "a mimikatz b"))).isTrue();
    }

    @Test
    void badRegexAndBadNetworkAreProblemsNotCrashes() {
        Detector detector = Detector.compile(
                List.of(
                        Rules.rule("bad regex", APP, field("f", new ValueTest.Regex("(?<=x)y", Set.of()))),
                        Rules.rule("bad cidr", APP, field("f", new ValueTest.Cidr("10.0.0.0/40"))),
                        Rules.rule("good", APP, field("f", text("y")))),
                LogSourceMap.bundled());
        assertThat(detector.problems())
                .extracting(p -> p.message())
                .anySatisfy(m -> assertThat(m).contains("bad regex").contains("RE2"))
                .anySatisfy(m -> assertThat(m).contains("bad cidr").contains("prefix length"));
        assertThat(Rules.titles(detector, event("f", "y"), APP)).containsExactly("good");
        assertThat(Arrays.asList(detector.problems().getFirst().source())).containsExactly("bad regex.yml");
    }
}
