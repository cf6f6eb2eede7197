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

    /**
     * Many patterns over a wide alphabet (a thousand non-ASCII chars, as in rules listing homoglyphs):
     * the occurrences are still exactly those of indexOf, and the tables stay a few ints per state where
     * a dense states × classes table would need over a thousand.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void wideAlphabetFindsExactlyTheOccurrencesInSmallTables(long seed) {
        Random random = new Random(seed);
        StringBuilder alphabet = new StringBuilder("abcdefgh\\.-");
        for (int i = 0; i < 1000; i++) {
            alphabet.append((char) (0x4e00 + random.nextInt(0x5000)));
        }
        String wide = alphabet.toString();
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            patterns.add(GlobMatcher.fold(randomText(random, wide, 2 + random.nextInt(10))));
        }
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(patterns));
        Automaton automaton = new Automaton(distinct, true);
        for (int round = 0; round < 100; round++) {
            String text = randomText(random, round % 2 == 0 ? ALPHABET : wide.substring(0, 40), 200)
                    + distinct.get(random.nextInt(distinct.size()));
            Set<String> found = new HashSet<>();
            automaton.scan(text, (pattern, start, end, length) -> found.add(pattern + "@" + start + "-" + end));
            assertThat(found).as(text).isEqualTo(expected(distinct, GlobMatcher.fold(text)));
        }
        assertThat(automaton.tableSize()).isLessThan(16L * automaton.states());
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
        return randomText(random, ALPHABET, length);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
