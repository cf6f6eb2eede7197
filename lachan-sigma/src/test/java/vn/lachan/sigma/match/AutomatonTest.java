package vn.lachan.sigma.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares the automaton's occurrences with {@code String.indexOf} on seeded random strings. */
class AutomatonTest {
    private static final String ALPHABET = "abcAB\\.é\u0130ı";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void findsExactlyTheOccurrencesIndexOfFinds(long seed) {
        Random random = new Random(seed);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            patterns.add(GlobMatcher.fold(randomText(random, 1 + random.nextInt(4))));
        }
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(patterns));
        Automaton automaton = new Automaton(distinct, true);
        for (int round = 0; round < 200; round++) {
            String text = randomText(random, random.nextInt(40));
            Set<String> found = new HashSet<>();
            automaton.scan(text, (pattern, start, end, length) -> {
                assertThat(length).isEqualTo(text.length());
                found.add(pattern + "@" + start + "-" + end);
            });
            assertThat(found).isEqualTo(expected(distinct, GlobMatcher.fold(text)));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void casedAutomatonFindsExactlyTheCasedOccurrences(long seed) {
        Random random = new Random(seed);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            patterns.add(randomText(random, 1 + random.nextInt(4)));
        }
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(patterns));
        Automaton automaton = new Automaton(distinct, false);
        for (int round = 0; round < 200; round++) {
            String text = randomText(random, random.nextInt(40));
            Set<String> found = new HashSet<>();
            automaton.scan(text, (pattern, start, end, length) -> found.add(pattern + "@" + start + "-" + end));
            assertThat(found).as(text).isEqualTo(expected(distinct, text));
        }
    }

    private static Set<String> expected(List<String> patterns, String folded) {
        Set<String> out = new HashSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            for (int at = folded.indexOf(pattern); at >= 0; at = folded.indexOf(pattern, at + 1)) {
                out.add(p + "@" + at + "-" + (at + pattern.length()));
            }
        }
        return out;
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
