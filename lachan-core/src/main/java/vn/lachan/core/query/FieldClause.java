package vn.lachan.core.query;

import org.jspecify.annotations.Nullable;

/** Reads what follows {@code field:}: a value, a quoted value, a group, a range or a comparison. */
final class FieldClause {
    private final Cursor cursor;
    private final Grammar grammar;

    FieldClause(Cursor cursor, Grammar grammar) {
        this.cursor = cursor;
        this.grammar = grammar;
    }

    /** Reads the value of {@code field} at the cursor, just after its colon or inside its group. */
    Query value(String field) {
        if (cursor.atEnd() || Character.isWhitespace(cursor.peek()) || cursor.peek() == ')') {
            throw cursor.fail(
                    cursor.pos,
                    "'" + field + ":' needs a value right after the colon, e.g. " + field + ":value or " + field
                            + ":\"two words\"");
        }
        char c = cursor.peek();
        if (c == '(') {
            return grammar.group(field);
        }
        if (c == '"') {
            String text = cursor.readQuoted();
            grammar.count();
            return Syntax.hasWhitespace(text) ? new Query.Phrase(field, text) : new Query.Term(field, text, true);
        }
        if (c == '[' || c == '{') {
            return range(field);
        }
        if (c == '<' || c == '>') {
            return comparison(field);
        }
        if (c == '*' && cursor.isBoundary(cursor.pos + 1)) {
            cursor.pos++;
            grammar.count();
            return new Query.Exists(field);
        }
        return word(field);
    }

    private Query word(String field) {
        Cursor.Word word = cursor.readWord(Cursor.Mode.VALUE);
        grammar.count();
        if (word.wildcard()) {
            return new Query.Wildcard(field, word.pattern());
        }
        if (!word.escaped() && Values.isCidr(word.text())) {
            return new Query.Cidr(field, word.text());
        }
        return new Query.Term(field, word.text(), false);
    }

    /** Reads the field name after {@code _exists_:}, whose colon is at {@code colon}. */
    Query exists(int colon) {
        int start = cursor.pos;
        while (!cursor.atEnd() && Syntax.isFieldChar(cursor.peek())) {
            cursor.pos++;
        }
        String name = cursor.text.substring(start, cursor.pos);
        if (!Syntax.isValidField(name) || !cursor.isBoundary(cursor.pos)) {
            throw cursor.fail(colon + 1, "_exists_: needs a field name right after it, e.g. _exists_:source.ip");
        }
        grammar.count();
        return new Query.Exists(name);
    }

    private Query range(String field) {
        int open = cursor.pos;
        boolean lowerInclusive = cursor.peek() == '[';
        cursor.pos++;
        cursor.skipWhitespace();
        String lower = bound(open);
        cursor.skipWhitespace();
        if (!cursor.atKeyword("TO")) {
            String hint = cursor.atKeyword("to") ? " (uppercase)" : "";
            throw cursor.fail(cursor.pos, "range needs TO" + hint + " between its bounds: " + field + ":[a TO b]");
        }
        cursor.pos += 2;
        cursor.skipWhitespace();
        String upper = bound(open);
        cursor.skipWhitespace();
        if (cursor.atEnd() || (cursor.peek() != ']' && cursor.peek() != '}')) {
            throw cursor.fail(
                    cursor.atEnd() ? open : cursor.pos,
                    "range opened at " + open
                            + " needs ] (bound included) or } (bound excluded) after its upper bound");
        }
        boolean upperInclusive = cursor.peek() == ']';
        cursor.pos++;
        grammar.count();
        return new Query.Range(
                field,
                lower == null ? null : new Query.Bound(lower, lowerInclusive),
                upper == null ? null : new Query.Bound(upper, upperInclusive));
    }

    /** Reads one bound of a range; returns null for an open bound ({@code *}). */
    private @Nullable String bound(int open) {
        if (cursor.atEnd()) {
            throw cursor.fail(open, "range opened at " + open + " is not closed: " + "write [a TO b]");
        }
        int start = cursor.pos;
        if (cursor.peek() == '"') {
            return nonEmpty(cursor.readQuoted(), start);
        }
        if (cursor.peek() == '*'
                && (cursor.pos + 1 == cursor.text.length() || endsBound(cursor.text.charAt(cursor.pos + 1)))) {
            cursor.pos++;
            return null;
        }
        Cursor.Word word = cursor.readWord(Cursor.Mode.RANGE);
        if (word.wildcard()) {
            throw cursor.fail(start, "a range bound cannot hold a wildcard; escape it as \\* or quote the bound");
        }
        return nonEmpty(word.text(), start);
    }

    private static boolean endsBound(char c) {
        return Character.isWhitespace(c) || c == ']' || c == '}';
    }

    private Query comparison(String field) {
        int at = cursor.pos;
        String operator = cursor.at(">=") ? ">=" : cursor.at("<=") ? "<=" : cursor.text.substring(at, at + 1);
        cursor.pos += operator.length();
        int start = cursor.pos;
        String value;
        if (!cursor.atEnd() && cursor.peek() == '"') {
            value = nonEmpty(cursor.readQuoted(), start);
        } else {
            Cursor.Word word = cursor.readWord(Cursor.Mode.VALUE);
            if (word.wildcard()) {
                throw cursor.fail(start, "'" + operator + "' needs a value, not a wildcard; escape it as \\*");
            }
            value = nonEmpty(word.text(), start);
        }
        grammar.count();
        boolean inclusive = operator.length() == 2;
        Query.Bound bound = new Query.Bound(value, inclusive);
        return operator.charAt(0) == '>' ? new Query.Range(field, bound, null) : new Query.Range(field, null, bound);
    }

    private String nonEmpty(String value, int at) {
        if (value.isEmpty()) {
            throw cursor.fail(at, "a value is missing here (a range needs a bound; use * for an open end)");
        }
        return value;
    }
}
