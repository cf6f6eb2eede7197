package vn.lachan.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares the skip filter's verdict with {@code String.contains} on seeded random texts. */
class SkipFilterTest {
    private static final String ALPHABET = "abAB:\\.é\u0130ıſK";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void acceptsExactlyTheTextsHoldingALiteral(long seed) {
        Random random = new Random(seed);
        boolean fold = seed % 2 == 0;
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            String p = text(random, SkipFilter.MIN_LENGTH + random.nextInt(4));
            patterns.add(fold ? GlobMatcher.fold(p) : p);
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(patterns));
        SkipFilter filter =
                java.util.Objects.requireNonNull(SkipFilter.of(distinct, fold), "a filter for long literals");
        int hits = 0;
        for (int round = 0; round < 2000; round++) {
            String text = round % 3 == 0
                    ? text(random, random.nextInt(30))
                            + distinct.get(random.nextInt(distinct.size()))
                            + text(random, random.nextInt(30))
                    : text(random, random.nextInt(60));
            String seen = fold ? GlobMatcher.fold(text) : text;
            boolean expected = distinct.stream().anyMatch(seen::contains);
            assertThat(filter.mayContain(text)).as("%s in %s", distinct, text).isEqualTo(expected);
            hits += expected ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(600);
    }

    @Test
    void shortLiteralsGetNoFilter() {
        assertThat(SkipFilter.of(List.of("abcdef", "abcd"), true)).isNull();
        assertThat(SkipFilter.of(List.of("sekurlsa::", "lsadump::"), true)).isNotNull();
    }

    private static String text(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
