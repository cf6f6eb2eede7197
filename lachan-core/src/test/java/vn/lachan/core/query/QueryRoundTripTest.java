package vn.lachan.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QueryRoundTripTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parsesTheRenderingOfARandomTreeBackToTheSameTree(long seed) {
        RandomQueries random = new RandomQueries(seed);
        for (int i = 0; i < 50; i++) {
            Query query = random.query(4);
            String rendered = query.toString();
            ParsedQuery reparsed = QueryParser.parse(rendered);
            assertThat(reparsed.errors()).as("errors of %s", rendered).isEmpty();
            assertThat(reparsed.query()).as("parse of %s", rendered).isEqualTo(query);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverThrowsOnRandomTextAndRendersWhatItParsesStably(long seed) {
        RandomQueries random = new RandomQueries(seed);
        AtomicInteger parsed = new AtomicInteger();
        for (int i = 0; i < 200; i++) {
            String text = random.noise(1 + i % 60);
            assertThatCode(() -> {
                        ParsedQuery result = QueryParser.parse(text);
                        result.result().ifPresent(query -> {
                            parsed.incrementAndGet();
                            assertThat(QueryParser.parse(query.toString()).query())
                                    .as("re-parse of %s rendered as %s", text, query)
                                    .isEqualTo(query);
                        });
                        result.errors()
                                .forEach(error -> assertThat(error.reason()).isNotBlank());
                    })
                    .as("parse of %s", text)
                    .doesNotThrowAnyException();
        }
        assertThat(parsed.get()).as("random texts that parsed").isPositive();
    }

    @Test
    void rendersEachNodeInTheSyntax() {
        assertThat(QueryParser.parse("a:\"x y\" OR (b:1 c:[1 TO *]) NOT _exists_:d")
                        .query())
                .hasToString("a:\"x y\" OR (b:1 AND c:>=1) AND NOT _exists_:d");
        assertThat(new Query.Term("a", "10.0.0.0/8", false)).hasToString("a:10.0.0.0\\/8");
        assertThat(new Query.Term("a", "*", false)).hasToString("a:\\*");
        assertThat(new Query.Term("p", "C:\\Windows\\", false)).hasToString("p:C:\\Windows\\\\");
        assertThat(new Query.FreeText("a:b c", Query.FreeText.Kind.WORD)).hasToString("a\\:b\\ c");
        assertThat(new Query.Range("n", null, null)).hasToString("n:[* TO *]");
        assertThat(new Query.Range("n", new Query.Bound("1", false), new Query.Bound("*", true)))
                .hasToString("n:{1 TO \\*]");
        assertThat(new Query.Not(new Query.MatchAll())).hasToString("NOT *");
    }
}
