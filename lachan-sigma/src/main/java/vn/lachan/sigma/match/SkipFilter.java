package vn.lachan.sigma.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Tells, reading only a fraction of a text's chars, whether any of a set of literals may occur in
 * it (the Wu-Manber shift over char pairs): a window as long as the shortest literal slides along
 * the text, and the pair at its end says how far it may jump without passing an occurrence. Where
 * the pair ends a literal's prefix, the literal is compared in place. A text it rejects holds no
 * literal; a text it accepts holds one. Used in front of {@link Automaton}, whose pass over every
 * char costs a dependent table read each. Immutable.
 */
final class SkipFilter {
    /** Below this shortest length the jumps are too short to beat a plain automaton pass. */
    static final int MIN_LENGTH = 5;

    private static final int BITS = 12;
    private static final int MASK = (1 << BITS) - 1;

    private final char[][] patterns;
    private final boolean fold;
    private final int window;
    private final byte[] shift = new byte[1 << BITS];
    private final int[] @Nullable [] ending = new int[1 << BITS][];

    private SkipFilter(List<String> patterns, boolean fold, int window) {
        this.patterns = patterns.stream().map(String::toCharArray).toArray(char[][]::new);
        this.fold = fold;
        this.window = window;
        Arrays.fill(shift, (byte) (window - 1));
        Map<Integer, List<Integer>> ends = new HashMap<>();
        for (int p = 0; p < this.patterns.length; p++) {
            char[] chars = this.patterns[p];
            for (int j = 1; j < window; j++) {
                int h = hash(chars[j - 1], chars[j]);
                shift[h] = (byte) Math.min(shift[h], window - 1 - j);
            }
            ends.computeIfAbsent(hash(chars[window - 2], chars[window - 1]), k -> new ArrayList<>())
                    .add(p);
        }
        ends.forEach((h, list) ->
                ending[h] = list.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Returns a filter for the literals (already folded when {@code fold}), or null when they are too short. */
    static @Nullable SkipFilter of(List<String> patterns, boolean fold) {
        int shortest = patterns.stream().mapToInt(String::length).min().orElse(0);
        int window = Math.min(shortest, Byte.MAX_VALUE);
        return window < MIN_LENGTH ? null : new SkipFilter(patterns, fold, window);
    }

    private static int hash(char a, char b) {
        return ((a & 63) << 6 | (b & 63)) & MASK;
    }

    private char at(String text, int i) {
        char c = text.charAt(i);
        return fold ? GlobMatcher.fold(c, false) : c;
    }

    /** Returns whether some literal occurs in the text (false means none does). */
    boolean mayContain(String text) {
        int n = text.length();
        int end = window - 1;
        while (end < n) {
            int h = hash(at(text, end - 1), at(text, end));
            int jump = shift[h];
            if (jump > 0) {
                end += jump;
            } else if (verify(text, end + 1 - window, ending[h])) {
                return true;
            } else {
                end++;
            }
        }
        return false;
    }

    private boolean verify(String text, int start, int @Nullable [] candidates) {
        if (candidates == null) {
            return false;
        }
        for (int p : candidates) {
            if (occursAt(text, start, patterns[p])) {
                return true;
            }
        }
        return false;
    }

    private boolean occursAt(String text, int start, char[] pattern) {
        if (start + pattern.length > text.length()) {
            return false;
        }
        for (int k = 0; k < pattern.length; k++) {
            if (at(text, start + k) != pattern[k]) {
                return false;
            }
        }
        return true;
    }
}
