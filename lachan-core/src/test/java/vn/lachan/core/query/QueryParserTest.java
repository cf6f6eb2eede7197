package vn.lachan.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.query.Query.And;
import vn.lachan.core.query.Query.Bound;
import vn.lachan.core.query.Query.Cidr;
import vn.lachan.core.query.Query.Exists;
import vn.lachan.core.query.Query.FreeText;
import vn.lachan.core.query.Query.MatchAll;
import vn.lachan.core.query.Query.Not;
import vn.lachan.core.query.Query.Or;
import vn.lachan.core.query.Query.Phrase;
import vn.lachan.core.query.Query.Range;
import vn.lachan.core.query.Query.Term;
import vn.lachan.core.query.Query.Wildcard;

class QueryParserTest {

    static Query parsed(String text) {
        ParsedQuery result = QueryParser.parse(text);
        assertThat(result.errors()).as("errors of %s", text).isEmpty();
        return result.result().orElseThrow();
    }

    static Term term(String field, String value) {
        return new Term(field, value, false);
    }

    static FreeText word(String text) {
        return new FreeText(text, FreeText.Kind.WORD);
    }

    @Test
    void readsFieldValuesWithDottedAndAtSignNames() {
        assertThat(parsed("event.code:4625")).isEqualTo(term("event.code", "4625"));
        assertThat(parsed("@timestamp:2026-03-01")).isEqualTo(term("@timestamp", "2026-03-01"));
        assertThat(parsed("winlog.event_data.SubjectUserName:admin"))
                .isEqualTo(term("winlog.event_data.SubjectUserName", "admin"));
    }

    @Test
    void readsQuotedValuesAsExactTermsOrPhrases() {
        assertThat(parsed("user.name:\"admin\"")).isEqualTo(new Term("user.name", "admin", true));
        assertThat(parsed("message:\"failed password\"")).isEqualTo(new Phrase("message", "failed password"));
        assertThat(parsed("a:\"x*y\"")).isEqualTo(new Term("a", "x*y", true));
        assertThat(parsed("a:\"10.0.0.0/8\"")).isEqualTo(new Term("a", "10.0.0.0/8", true));
        assertThat(parsed("a:\"say \\\"hi\\\"\"")).isEqualTo(new Phrase("a", "say \"hi\""));
        assertThat(parsed("a:\"\"")).isEqualTo(new Term("a", "", true));
    }

    @Test
    void keepsVietnameseDiacriticsInValuesAndFields() {
        assertThat(parsed("message:\"đăng nhập thất bại\"")).isEqualTo(new Phrase("message", "đăng nhập thất bại"));
        assertThat(parsed("tỉnh:Lạng_Sơn")).isEqualTo(term("tỉnh", "Lạng_Sơn"));
        assertThat(parsed("lỗi")).isEqualTo(word("lỗi"));
    }

    @Test
    void readsWildcardsWithEscapes() {
        assertThat(parsed("user.name:adm*n?")).isEqualTo(new Wildcard("user.name", "adm*n?"));
        assertThat(parsed("file.name:a\\*b*")).isEqualTo(new Wildcard("file.name", "a\\*b*"));
        assertThat(parsed("file.name:a\\*b")).isEqualTo(term("file.name", "a*b"));
        assertThat(parsed("admin*")).isEqualTo(new FreeText("admin*", FreeText.Kind.WILDCARD));
        assertThat(parsed("p:C:\\Windows\\\\*.exe")).isEqualTo(new Wildcard("p", "C:\\\\Windows\\\\*.exe"));
    }

    @Test
    void keepsBackslashesOfWindowsPathsAsWritten() {
        assertThat(parsed("process.executable:C:\\Windows\\System32\\cmd.exe"))
                .isEqualTo(term("process.executable", "C:\\Windows\\System32\\cmd.exe"));
        assertThat(parsed("a:x\\ y\\(z\\)")).isEqualTo(term("a", "x y(z)"));
        assertThat(parsed("a:b\\\\")).isEqualTo(term("a", "b\\"));
    }

    @Test
    void readsRangesInEveryForm() {
        assertThat(parsed("n:[1 TO 5]")).isEqualTo(new Range("n", new Bound("1", true), new Bound("5", true)));
        assertThat(parsed("n:{1 TO 5}")).isEqualTo(new Range("n", new Bound("1", false), new Bound("5", false)));
        assertThat(parsed("n:[1 TO 5}")).isEqualTo(new Range("n", new Bound("1", true), new Bound("5", false)));
        assertThat(parsed("n:[1 TO *]")).isEqualTo(new Range("n", new Bound("1", true), null));
        assertThat(parsed("n:[* TO 5}")).isEqualTo(new Range("n", null, new Bound("5", false)));
        assertThat(parsed("n:>=10")).isEqualTo(new Range("n", new Bound("10", true), null));
        assertThat(parsed("n:>10")).isEqualTo(new Range("n", new Bound("10", false), null));
        assertThat(parsed("n:<=10")).isEqualTo(new Range("n", null, new Bound("10", true)));
        assertThat(parsed("n:<-1.5")).isEqualTo(new Range("n", null, new Bound("-1.5", false)));
        assertThat(parsed("@timestamp:[\"2026-03-01 00:00\" TO 2026-03-02]"))
                .isEqualTo(new Range("@timestamp", new Bound("2026-03-01 00:00", true), new Bound("2026-03-02", true)));
    }

    @Test
    void readsExistsAndMatchAll() {
        assertThat(parsed("_exists_:source.ip")).isEqualTo(new Exists("source.ip"));
        assertThat(parsed("source.ip:*")).isEqualTo(new Exists("source.ip"));
        assertThat(parsed("*")).isEqualTo(new MatchAll());
        assertThat(parsed("*:*")).isEqualTo(new MatchAll());
        assertThat(parsed("")).isEqualTo(new MatchAll());
        assertThat(parsed("  \t\n")).isEqualTo(new MatchAll());
    }

    @Test
    void readsCidrNetworksOnlyWhenUnquotedAndUnescaped() {
        Cidr v4 = (Cidr) parsed("source.ip:10.0.0.0/8");
        assertThat(v4).isEqualTo(new Cidr("source.ip", "10.0.0.0/8"));
        assertThat(v4.prefixLength()).isEqualTo(8);
        assertThat(v4.address().getHostAddress()).isEqualTo("10.0.0.0");
        assertThat(parsed("client.ip:2001:db8::/32")).isEqualTo(new Cidr("client.ip", "2001:db8::/32"));
        assertThat(parsed("a:10.0.0.0\\/8")).isEqualTo(term("a", "10.0.0.0/8"));
        assertThat(parsed("a:10.0.0.0/33")).isEqualTo(term("a", "10.0.0.0/33"));
        assertThat(parsed("source.ip:10.1.2.3")).isEqualTo(term("source.ip", "10.1.2.3"));
    }

    @Test
    void keepsColonsInsideValues() {
        assertThat(parsed("client.ip:fe80::1")).isEqualTo(term("client.ip", "fe80::1"));
        assertThat(parsed("t:12:30:00")).isEqualTo(term("t", "12:30:00"));
        assertThat(parsed("a:AND")).isEqualTo(term("a", "AND"));
        assertThat(parsed("a:-5")).isEqualTo(term("a", "-5"));
    }

    @Test
    void readsFreeTextWordsAndPhrases() {
        assertThat(parsed("\"failed password\"")).isEqualTo(new FreeText("failed password", FreeText.Kind.PHRASE));
        assertThat(parsed("foo\\:bar")).isEqualTo(word("foo:bar"));
        assertThat(parsed("\\-x")).isEqualTo(word("-x"));
        assertThat(parsed("PROGRA~1")).isEqualTo(word("PROGRA~1"));
        assertThat(parsed("ANDROID")).isEqualTo(word("ANDROID"));
    }

    @Test
    void joinsClausesSideBySideWithAnd() {
        assertThat(parsed("failed login")).isEqualTo(new And(List.of(word("failed"), word("login"))));
        assertThat(parsed("a:1 b:2 c")).isEqualTo(new And(List.of(term("a", "1"), term("b", "2"), word("c"))));
    }

    @Test
    void bindsNotTighterThanAndTighterThanOr() {
        assertThat(parsed("a OR b AND NOT c"))
                .isEqualTo(new Or(List.of(word("a"), new And(List.of(word("b"), new Not(word("c")))))));
        assertThat(parsed("a AND b OR c AND d"))
                .isEqualTo(new Or(
                        List.of(new And(List.of(word("a"), word("b"))), new And(List.of(word("c"), word("d"))))));
        assertThat(parsed("(a OR b) c")).isEqualTo(new And(List.of(new Or(List.of(word("a"), word("b"))), word("c"))));
        assertThat(parsed("NOT a b")).isEqualTo(new And(List.of(new Not(word("a")), word("b"))));
        assertThat(parsed("NOT (a b)")).isEqualTo(new Not(new And(List.of(word("a"), word("b")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a && b || !c", "a AND b OR NOT c", "a b OR -c", "+a +b OR NOT c"})
    void readsSymbolOperatorsLikeWords(String text) {
        assertThat(parsed(text)).isEqualTo(new Or(List.of(new And(List.of(word("a"), word("b"))), new Not(word("c")))));
    }

    @Test
    void readsSymbolsInsideAWordAsPartOfIt() {
        assertThat(parsed("a&&b||!c")).isEqualTo(word("a&&b||!c"));
        assertThat(parsed("url.query:a=1&b=2")).isEqualTo(term("url.query", "a=1&b=2"));
    }

    @Test
    void keepsTheShapeOfParenthesesWithoutFlattening() {
        assertThat(parsed("a AND (b AND c)"))
                .isEqualTo(new And(List.of(word("a"), new And(List.of(word("b"), word("c"))))));
        assertThat(parsed("((a))")).isEqualTo(word("a"));
    }

    @Test
    void appliesAFieldToEveryWordOfItsGroup() {
        assertThat(parsed("event.code:(4624 OR 4625)"))
                .isEqualTo(new Or(List.of(term("event.code", "4624"), term("event.code", "4625"))));
        assertThat(parsed("user.name:(admin* AND NOT \"root\" OR [a TO c])"))
                .isEqualTo(new Or(List.of(
                        new And(List.of(
                                new Wildcard("user.name", "admin*"), new Not(new Term("user.name", "root", true)))),
                        new Range("user.name", new Bound("a", true), new Bound("c", true)))));
    }

    @Test
    void readsAnAnalystQuery() {
        Query query = parsed("event.code:4625 AND source.ip:10.0.0.0/8 AND NOT user.name:(admin OR \"svc backup\") AND"
                + " @timestamp:>=2026-03-01");
        assertThat(query)
                .isEqualTo(new And(List.of(
                        term("event.code", "4625"),
                        new Cidr("source.ip", "10.0.0.0/8"),
                        new Not(new Or(List.of(term("user.name", "admin"), new Phrase("user.name", "svc backup")))),
                        new Range("@timestamp", new Bound("2026-03-01", true), null))));
        assertThat(query.toString())
                .isEqualTo("event.code:4625 AND source.ip:10.0.0.0/8 AND NOT (user.name:admin OR"
                        + " user.name:\"svc backup\") AND @timestamp:>=2026-03-01");
    }
}
