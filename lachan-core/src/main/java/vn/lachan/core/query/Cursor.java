package vn.lachan.core.query;

import java.util.ArrayList;
import java.util.List;

/** Walks the characters of one query, reads its words and quoted strings, and collects its errors. */
final class Cursor {
    /** How a word ends and what its characters mean. */
    enum Mode {
        /** A clause without a field: an unescaped colon is an error. */
        BARE,
        /** The value after {@code field:}: a colon is part of it ({@code 12:30}, IPv6). */
        VALUE,
        /** A bound inside {@code [ … ]}: the brackets end it too. */
        RANGE
    }

    /**
     * Holds one unquoted word.
     *
     * @param start the offset of its first character
     * @param text the word with escapes resolved
     * @param pattern the word as a wildcard pattern ({@link Query.Wildcard#pattern()} form)
     * @param wildcard whether it holds an unescaped {@code *} or {@code ?}
     * @param escaped whether it holds an escape sequence
     */
    record Word(int start, String text, String pattern, boolean wildcard, boolean escaped) {}

    /** Stops the parse at an error that leaves nothing sensible to read after it. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    final String text;
    final List<QueryError> errors = new ArrayList<>();
    int pos;

    Cursor(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return text.charAt(pos);
    }

    boolean at(String s) {
        return text.startsWith(s, pos);
    }

    void skipWhitespace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    /** Returns whether a clause or an operator word ends before offset {@code i}. */
    boolean isBoundary(int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }

    /** Returns whether the word {@code keyword} stands here on its own. */
    boolean atKeyword(String keyword) {
        return at(keyword) && isBoundary(pos + keyword.length());
    }

    void error(int position, String reason) {
        errors.add(new QueryError(text, Math.min(position, text.length()), reason));
    }

    Abort fail(int position, String reason) {
        error(position, reason);
        return new Abort();
    }

    /** Reads a word up to whitespace, a parenthesis, a quote or the end (and a range's bracket). */
    Word readWord(Mode mode) {
        int start = pos;
        StringBuilder literal = new StringBuilder();
        StringBuilder pattern = new StringBuilder();
        boolean wildcard = false;
        boolean escaped = false;
        while (!atEnd() && !endsWord(peek(), mode)) {
            char c = peek();
            if (c == '\\' && pos + 1 < text.length() && Syntax.isSpecial(text.charAt(pos + 1))) {
                escaped = true;
                c = text.charAt(++pos);
                appendLiteral(literal, pattern, c);
            } else if (c == '*' || c == '?') {
                wildcard = true;
                literal.append(c);
                pattern.append(c);
            } else {
                if (c == ':' && mode == Mode.BARE) {
                    error(pos, "':' follows something that is not a field name; escape it as \\: or quote the text");
                }
                appendLiteral(literal, pattern, c);
            }
            pos++;
        }
        return new Word(start, literal.toString(), pattern.toString(), wildcard, escaped);
    }

    private static boolean endsWord(char c, Mode mode) {
        return Character.isWhitespace(c)
                || c == '('
                || c == ')'
                || c == '"'
                || (mode == Mode.RANGE && (c == ']' || c == '}'));
    }

    private static void appendLiteral(StringBuilder literal, StringBuilder pattern, char c) {
        literal.append(c);
        if (c == '*' || c == '?' || c == '\\') {
            pattern.append('\\');
        }
        pattern.append(c);
    }

    /** Reads a quoted string starting at the opening quote; returns its text with escapes resolved. */
    String readQuoted() {
        int open = pos++;
        StringBuilder out = new StringBuilder();
        while (!atEnd() && peek() != '"') {
            char c = peek();
            if (c == '\\' && pos + 1 < text.length() && Syntax.isSpecial(text.charAt(pos + 1))) {
                c = text.charAt(++pos);
            }
            out.append(c);
            pos++;
        }
        if (atEnd()) {
            throw fail(
                    open,
                    "unterminated quote opened at " + open + ": add a closing \" (a \\\" inside"
                            + " quotes is a literal quote)");
        }
        pos++;
        return out.toString();
    }
}
