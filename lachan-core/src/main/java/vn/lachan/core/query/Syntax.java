package vn.lachan.core.query;

import java.util.List;
import java.util.Set;

/** Holds the character classes of the query syntax and the checks that keep every node renderable. */
final class Syntax {
    /** Characters that a backslash escapes; a backslash before any other character is kept as written. */
    static final String SPECIALS = "\\()\"*?[]{}<>=!:~^+-&|/";

    /** Words that are operators between clauses, or typos of them that the parser refuses. */
    static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "NOT", "and", "or", "not");

    /** The pseudo-field of {@code _exists_:field}. */
    static final String EXISTS = "_exists_";

    private Syntax() {}

    static boolean isSpecial(char c) {
        return Character.isWhitespace(c) || SPECIALS.indexOf(c) >= 0;
    }

    static boolean isFieldChar(char c) {
        return Character.isLetterOrDigit(c) || "._@$#-".indexOf(c) >= 0;
    }

    static boolean isValidField(String field) {
        if (field.isEmpty() || field.charAt(0) == '-' || field.equals(EXISTS)) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (!isFieldChar(field.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static void requireField(String field) {
        if (!isValidField(field)) {
            throw new IllegalArgumentException("not a field name (letters, digits and . _ @ $ # -, not"
                    + " starting with -, not _exists_): '" + field + "'");
        }
    }

    static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static void requireWord(String word) {
        if (word.isEmpty() || OPERATOR_WORDS.contains(word)) {
            throw new IllegalArgumentException(
                    "a free-text word is not empty and not an operator word: '" + word + "'");
        }
    }

    /** Returns whether the pattern is well-formed and holds at least one unescaped wildcard. */
    static boolean isPattern(String pattern) {
        boolean wild = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 == pattern.length() || "*?\\".indexOf(pattern.charAt(i + 1)) < 0) {
                    return false;
                }
                i++;
            } else if (c == '*' || c == '?') {
                wild = true;
            }
        }
        return wild && !pattern.equals("*");
    }

    static void requirePattern(String pattern) {
        if (!isPattern(pattern)) {
            throw new IllegalArgumentException("not a wildcard pattern (one unescaped * or ?, a backslash only"
                    + " before * ? \\, and not just *): '" + pattern + "'");
        }
    }

    static List<Query> requireClauses(List<Query> clauses, String operator) {
        List<Query> copy = List.copyOf(clauses);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(operator + " needs two or more clauses, got " + copy.size());
        }
        return copy;
    }
}
