package vn.lachan.core.problem;

import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Finds the closest known word to a misspelt one, for "did you mean" hints (rule keys, settings). */
public final class Suggestions {
    private Suggestions() {}

    /** Returns the candidate closest to the word within an edit distance of 2 (or case only), else null. */
    public static @Nullable String closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int limit = Math.min(2, Math.max(1, word.length() / 3));
        return bestDistance <= limit ? best : null;
    }

    /** Returns " (did you mean 'x'?)" or "" when nothing is close. */
    public static String hint(String word, Collection<String> candidates) {
        String closest = closest(word, candidates);
        return closest == null ? "" : " (did you mean '" + closest + "'?)";
    }

    /** Returns the optimal string alignment distance (Levenshtein with transpositions). */
    public static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = cell(d, a, b, i, j);
            }
        }
        return d[a.length()][b.length()];
    }

    private static int cell(int[][] d, String a, String b, int i, int j) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
            value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        return value;
    }
}
