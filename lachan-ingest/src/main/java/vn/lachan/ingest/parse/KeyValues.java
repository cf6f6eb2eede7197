package vn.lachan.ingest.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scans {@code key=value} lists separated by spaces, tabs, commas or auditd's {@code \x1d}, with values
 * bare or quoted in {@code "…"} or {@code '…'} ({@code \"} inside quotes is a quote). A key given twice
 * keeps its first value.
 */
final class KeyValues {
    private KeyValues() {}

    /** Tells whether {@code s} starts, at {@code from}, with at least {@code pairs} key=value pairs. */
    static boolean looksLike(String s, int from, int pairs) {
        int i = from;
        for (int n = 0; n < pairs; n++) {
            i = skipSeparators(s, i);
            int eq = keyEnd(s, i);
            if (eq < 0) {
                return false;
            }
            i = valueEnd(s, eq + 1, null);
        }
        return true;
    }

    /** Reads the pairs from {@code from} on; a token that is not {@code key=value} is skipped. */
    static Map<String, String> read(String s, int from) {
        Map<String, String> pairs = new LinkedHashMap<>();
        StringBuilder value = new StringBuilder();
        int i = skipSeparators(s, from);
        while (i < s.length()) {
            int eq = keyEnd(s, i);
            if (eq < 0) {
                i = skipSeparators(s, Texts.nextSpace(s, i));
                continue;
            }
            value.setLength(0);
            int end = valueEnd(s, eq + 1, value);
            pairs.putIfAbsent(s.substring(i, eq), value.toString());
            i = skipSeparators(s, end);
        }
        return pairs;
    }

    /** Returns the index of the {@code =} ending the key that starts at {@code i}, or -1. */
    private static int keyEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Texts.isKeyChar(s.charAt(j))) {
            j++;
        }
        return j > i && j < s.length() && s.charAt(j) == '=' ? j : -1;
    }

    /** Reads the value at {@code i} into {@code out} (when given); returns the index past it. */
    private static int valueEnd(String s, int i, @Nullable StringBuilder out) {
        if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            char quote = s.charAt(i);
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != quote) {
                if (s.charAt(j) == '\\' && j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j++;
                }
                if (out != null) {
                    out.append(s.charAt(j));
                }
                j++;
            }
            return Math.min(j + 1, s.length());
        }
        int j = i;
        while (j < s.length() && !isSeparator(s.charAt(j))) {
            j++;
        }
        if (out != null) {
            out.append(s, i, j);
        }
        return j;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == ',' || c == '\u001d';
    }

    private static int skipSeparators(String s, int from) {
        int i = from;
        while (i < s.length() && isSeparator(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
