package vn.lachan.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses the boolean structure of one query by recursive descent: OR of ANDs of NOTs of clauses.
 *
 * <p>Every method that takes a {@code field} reads inside {@code field:( … )} when it is not null: bare
 * words there are values of that field.
 */
final class Grammar {
    final Cursor cursor;
    private final QueryParser.Limits limits;
    private final FieldClause fields;
    private int depth;
    private int clauses;

    Grammar(Cursor cursor, QueryParser.Limits limits) {
        this.cursor = cursor;
        this.limits = limits;
        this.fields = new FieldClause(cursor, this);
    }

    /** Returns the query, or null when an error stopped the parse (the cursor holds the errors). */
    @Nullable
    Query parse() {
        try {
            cursor.skipWhitespace();
            if (cursor.atEnd()) {
                return new Query.MatchAll();
            }
            Query query = or(null);
            if (!cursor.atEnd()) {
                throw cursor.fail(cursor.pos, "unbalanced ')': no '(' opened it");
            }
            return query;
        } catch (Cursor.Abort e) {
            return null;
        }
    }

    Query or(@Nullable String field) {
        List<Query> found = new ArrayList<>();
        found.add(and(field));
        cursor.skipWhitespace();
        int at = cursor.pos;
        while (consumeOr()) {
            found.add(afterOperator(at, "OR", field));
            cursor.skipWhitespace();
            at = cursor.pos;
        }
        return found.size() == 1 ? found.getFirst() : new Query.Or(found);
    }

    private Query and(@Nullable String field) {
        List<Query> found = new ArrayList<>();
        found.add(not(field));
        while (true) {
            cursor.skipWhitespace();
            if (cursor.atEnd() || cursor.peek() == ')' || atOr()) {
                break;
            }
            int at = cursor.pos;
            found.add(consumeAnd() ? afterOperator(at, "AND", field) : not(field));
        }
        return found.size() == 1 ? found.getFirst() : new Query.And(found);
    }

    private Query afterOperator(int at, String operator, @Nullable String field) {
        cursor.skipWhitespace();
        if (cursor.atEnd() || cursor.peek() == ')' || atOr() || atAnd()) {
            throw cursor.fail(at, operator + " needs a clause after it");
        }
        return operator.equals("OR") ? and(field) : not(field);
    }

    private Query not(@Nullable String field) {
        cursor.skipWhitespace();
        int at = cursor.pos;
        if (!consumeNot()) {
            if (!cursor.atEnd() && cursor.peek() == '+') {
                cursor.pos++; // a leading + means "required", which every clause already is under AND
                return not(field);
            }
            return primary(field);
        }
        enter(at);
        cursor.skipWhitespace();
        if (cursor.atEnd() || cursor.peek() == ')' || atOr() || atAnd()) {
            throw cursor.fail(at, "NOT needs a clause after it");
        }
        Query negated = new Query.Not(not(field));
        depth--;
        return negated;
    }

    private Query primary(@Nullable String field) {
        if (cursor.atEnd() || Character.isWhitespace(cursor.peek())) {
            throw cursor.fail(cursor.pos, "a clause is missing here");
        }
        char c = cursor.peek();
        if (c == '(') {
            return group(field);
        }
        if (c == ')') {
            throw cursor.fail(cursor.pos, "unexpected ')': a clause is missing before it");
        }
        String operator = operatorHere();
        if (operator != null) {
            throw cursor.fail(cursor.pos, operator + " needs a clause before it");
        }
        return field == null ? bare() : fields.value(field);
    }

    /** Reads {@code ( … )}, on {@code field} when it is not null. */
    Query group(@Nullable String field) {
        int open = cursor.pos;
        enter(open);
        cursor.pos++;
        cursor.skipWhitespace();
        if (!cursor.atEnd() && cursor.peek() == ')') {
            throw cursor.fail(open, "empty parentheses at " + open + ": put a clause inside or remove them");
        }
        if (cursor.atEnd()) {
            throw cursor.fail(open, "unbalanced parenthesis opened at " + open + ": add ')'");
        }
        Query inner = or(field);
        if (cursor.atEnd()) {
            throw cursor.fail(open, "unbalanced parenthesis opened at " + open + ": add ')'");
        }
        cursor.pos++;
        depth--;
        return inner;
    }

    private Query bare() {
        if (cursor.at("*:*") && cursor.isBoundary(cursor.pos + 3)) {
            cursor.pos += 3;
            count();
            return new Query.MatchAll();
        }
        if (cursor.peek() == '*' && cursor.isBoundary(cursor.pos + 1)) {
            cursor.pos++;
            count();
            return new Query.MatchAll();
        }
        String name = fieldName();
        if (name != null) {
            cursor.pos += name.length() + 1;
            return name.equals(Syntax.EXISTS) ? fields.exists(cursor.pos - 1) : fields.value(name);
        }
        return freeText();
    }

    private Query freeText() {
        char c = cursor.peek();
        if (c == '[' || c == '{' || c == '<' || c == '>') {
            throw cursor.fail(cursor.pos, "a range needs a field: write field:[a TO b] or field:>=a");
        }
        if (c == '"') {
            String text = cursor.readQuoted();
            count();
            return new Query.FreeText(text, Query.FreeText.Kind.PHRASE);
        }
        for (String word : List.of("and", "or")) {
            if (cursor.atKeyword(word)) {
                throw cursor.fail(
                        cursor.pos,
                        "unknown operator '" + word + "'? use " + word.toUpperCase(Locale.ROOT)
                                + " between two clauses, or \"" + word + "\" to search the word");
            }
        }
        Cursor.Word word = cursor.readWord(Cursor.Mode.BARE);
        if (Syntax.OPERATOR_WORDS.contains(word.text())) {
            throw cursor.fail(
                    word.start(), "'" + word.text() + "' is an operator word here; quote it to search for it");
        }
        count();
        return word.wildcard()
                ? new Query.FreeText(word.pattern(), Query.FreeText.Kind.WILDCARD)
                : new Query.FreeText(word.text(), Query.FreeText.Kind.WORD);
    }

    /** Returns the field name standing before a colon here, or null when there is none. */
    private @Nullable String fieldName() {
        int end = cursor.pos;
        while (end < cursor.text.length() && Syntax.isFieldChar(cursor.text.charAt(end))) {
            end++;
        }
        if (end == cursor.pos || end >= cursor.text.length() || cursor.text.charAt(end) != ':') {
            return null;
        }
        String name = cursor.text.substring(cursor.pos, end);
        return name.equals(Syntax.EXISTS) || Syntax.isValidField(name) ? name : null;
    }

    /** Counts one leaf clause against the limit. */
    void count() {
        if (++clauses > limits.maxClauses()) {
            throw cursor.fail(
                    cursor.pos,
                    "the query has more than " + limits.maxClauses() + " clauses; narrow it or split the search");
        }
    }

    private void enter(int at) {
        if (++depth > limits.maxDepth()) {
            throw cursor.fail(
                    at,
                    "the query nests deeper than " + limits.maxDepth() + " levels of parentheses and NOT; simplify it");
        }
    }

    private @Nullable String operatorHere() {
        for (String operator : List.of("AND", "OR")) {
            if (cursor.atKeyword(operator)) {
                return operator;
            }
        }
        for (String operator : List.of("&&", "||")) {
            if (cursor.at(operator)) {
                return operator;
            }
        }
        return null;
    }

    private boolean atOr() {
        return cursor.atKeyword("OR") || cursor.at("||") || cursor.atKeyword("or");
    }

    private boolean atAnd() {
        return cursor.atKeyword("AND") || cursor.at("&&") || cursor.atKeyword("and");
    }

    private boolean consumeOr() {
        return consume("OR", "||", "or");
    }

    private boolean consumeAnd() {
        return consume("AND", "&&", "and");
    }

    private boolean consumeNot() {
        if (!cursor.atEnd() && (cursor.peek() == '!' || cursor.peek() == '-')) {
            cursor.pos++;
            return true;
        }
        return consume("NOT", null, "not");
    }

    /** Consumes an operator, reporting its lowercase form (and reading on as if it were uppercase). */
    private boolean consume(String word, @Nullable String symbol, String typo) {
        if (symbol != null && cursor.at(symbol)) {
            cursor.pos += symbol.length();
            return true;
        }
        if (cursor.atKeyword(word)) {
            cursor.pos += word.length();
            return true;
        }
        if (cursor.atKeyword(typo)) {
            cursor.error(cursor.pos, "unknown operator '" + typo + "'? use " + word);
            cursor.pos += typo.length();
            return true;
        }
        return false;
    }
}
