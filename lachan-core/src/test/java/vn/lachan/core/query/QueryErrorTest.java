package vn.lachan.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryErrorTest {

    static QueryError onlyError(ParsedQuery result) {
        assertThat(result.ok()).isFalse();
        assertThat(result.query()).isNull();
        assertThat(result.errors()).hasSize(1);
        return result.errors().getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a AND (b OR c    | 6  | unbalanced parenthesis opened at 6
            a)               | 1  | unbalanced ')'
            ()               | 0  | empty parentheses at 0
            n:[1 5]          | 5  | range needs TO between its bounds
            n:[1 to 5]       | 5  | range needs TO (uppercase)
            n:[1 TO 5        | 2  | range opened at 2 needs ]
            n:[1 TO 5 x]     | 10 | range opened at 2 needs ]
            n:[1 TO          | 2  | range opened at 2 is not closed
            n:[a* TO b]      | 3  | a range bound cannot hold a wildcard
            n:["" TO b]      | 3  | a value is missing here
            n:>=             | 4  | a value is missing here
            n:>=a*           | 4  | '>=' needs a value, not a wildcard
            [1 TO 2]         | 0  | a range needs a field
            >=5              | 0  | a range needs a field
            AND a            | 0  | AND needs a clause before it
            `|| a`           | 0  | `|| needs a clause before it`
            a AND            | 2  | AND needs a clause after it
            a OR             | 2  | OR needs a clause after it
            a OR AND b       | 2  | OR needs a clause after it
            NOT              | 0  | NOT needs a clause after it
            a (NOT)          | 3  | NOT needs a clause after it
            and a            | 0  | unknown operator 'and'? use AND between two clauses
            a and b          | 2  | unknown operator 'and'? use AND
            a or b           | 2  | unknown operator 'or'? use OR
            a not b          | 2  | unknown operator 'not'? use NOT
            msg:"abc         | 4  | unterminated quote opened at 4
            "a \\" b         | 0  | unterminated quote opened at 0
            user.name:       | 10 | 'user.name:' needs a value right after the colon
            user.name: admin | 10 | 'user.name:' needs a value right after the colon
            f:()             | 2  | empty parentheses at 2
            _exists_:        | 9  | _exists_: needs a field name
            _exists_:a/b     | 9  | _exists_: needs a field name
            a/b:c            | 3  | ':' follows something that is not a field name
            """)
    void pointsAtTheErrorAndSaysWhy(String query, int position, String reason) {
        QueryError error = onlyError(QueryParser.parse(query));
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.reason()).startsWith(reason);
        assertThat(error.query()).isEqualTo(query);
    }

    @Test
    void collectsEveryOperatorTypoInOneReport() {
        ParsedQuery result = QueryParser.parse("a and b or c not d");
        assertThat(result.errors()).extracting(QueryError::position).containsExactly(2, 8, 13);
    }

    @Test
    void drawsACaretUnderThePosition() {
        QueryError error = onlyError(QueryParser.parse("event.code:4625 AND"));
        assertThat(error.caret()).isEqualTo("event.code:4625 AND\n                ^");
        assertThat(error.toProblem().source()).isEqualTo("query");
        assertThat(error.toProblem().location()).isEqualTo("position 16");
        assertThat(error.toProblem().message()).isEqualTo("AND needs a clause after it\n" + error.caret());
        assertThat(QueryParser.parse("a\n(b").problems()).hasSize(1);
        assertThat(onlyError(QueryParser.parse("a\n(b")).caret()).isEqualTo("a (b\n  ^");
    }

    @Test
    void refusesAQueryLongerThanTheLimit() {
        QueryParser parser = new QueryParser(new QueryParser.Limits(10, 8, 8));
        assertThat(parser.read("0123456789").ok()).isTrue();
        QueryError error = onlyError(parser.read("0123456789a"));
        assertThat(error.position()).isEqualTo(10);
        assertThat(error.reason()).contains("longer than 10 characters");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        QueryParser parser = new QueryParser(new QueryParser.Limits(1000, 3, 100));
        assertThat(parser.read("(((a)))").ok()).isTrue();
        assertThat(onlyError(parser.read("((((a))))")).position()).isEqualTo(3);
        assertThat(parser.read("NOT NOT NOT a").ok()).isTrue();
        QueryError error = onlyError(parser.read("NOT NOT -NOT a"));
        assertThat(error.position()).isEqualTo(9);
        assertThat(error.reason()).contains("deeper than 3 levels");
    }

    @Test
    void refusesMoreClausesThanTheLimit() {
        QueryParser parser = new QueryParser(new QueryParser.Limits(1000, 8, 3));
        assertThat(parser.read("a b:1 c:[1 TO 2]").ok()).isTrue();
        QueryError error = onlyError(parser.read("a b:1 c:[1 TO 2] d"));
        assertThat(error.reason()).contains("more than 3 clauses");
        assertThat(error.position()).isEqualTo(18);
    }

    @Test
    void reportsHostileNestingUnderTheDefaultLimitsWithoutOverflowingTheStack() {
        String deep = "(".repeat(8_000) + "a" + ")".repeat(8_000);
        assertThat(onlyError(QueryParser.parse(deep)).reason()).contains("deeper than 32 levels");
        assertThat(onlyError(QueryParser.parse("!".repeat(16_000) + "a")).position())
                .isEqualTo(32);
        String wide = String.join(" OR ", java.util.Collections.nCopies(2_000, "a:1"));
        assertThat(onlyError(QueryParser.parse(wide)).reason()).contains("more than 1024 clauses");
        assertThat(onlyError(QueryParser.parse("a".repeat(16_385))).position()).isEqualTo(16_384);
    }

    @Test
    void sortsErrorsByPosition() {
        List<QueryError> errors = QueryParser.parse("a or b and (c").errors();
        assertThat(errors).extracting(QueryError::position).isSorted().hasSize(3);
    }
}
