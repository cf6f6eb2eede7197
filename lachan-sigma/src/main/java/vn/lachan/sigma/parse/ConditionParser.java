package vn.lachan.sigma.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Suggestions;
import vn.lachan.sigma.rule.Condition;

/**
 * Parses a Sigma condition string by recursive descent, with precedence {@code or < and < not < x of
 * < ( )}, and resolves quantifiers against the defined identifiers. Syntax errors stop the parse;
 * undefined identifiers and empty patterns are all reported.
 */
final class ConditionParser {
    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "of", "them", "1", "any", "all");

    private final List<String> identifiers;
    private final ConditionText text;
    private final Issues issues;
    private final List<Token> tokens;
    private int next;
    private boolean failed;

    /** A word or parenthesis and its 0-based offset in the condition. */
    record Token(String text, int offset) {}

    private ConditionParser(List<String> identifiers, ConditionText text, Issues issues) {
        this.identifiers = identifiers;
        this.text = text;
        this.issues = issues;
        this.tokens = tokenize(text.value());
    }

    /** Returns the parsed condition, or null when a problem was reported. */
    static @Nullable Condition parse(ConditionText text, List<String> identifiers, Issues issues) {
        ConditionParser parser = new ConditionParser(identifiers, text, issues);
        if (parser.tokens.isEmpty()) {
            issues.error(text.location(0), "the condition is empty");
            return null;
        }
        Condition condition = parser.or();
        if (!parser.failed && parser.next < parser.tokens.size()) {
            parser.syntax("expected 'and', 'or' or the end of the condition");
        }
        return parser.failed ? null : condition;
    }

    static List<Token> tokenize(String condition) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < condition.length()) {
            char c = condition.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(String.valueOf(c), i++));
            } else {
                int start = i;
                while (i < condition.length() && !isBreak(condition.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(condition.substring(start, i), start));
            }
        }
        return tokens;
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')';
    }

    private @Nullable Condition or() {
        List<Condition> operands = new ArrayList<>();
        operands.add(and());
        while (!failed && accept("or")) {
            operands.add(and());
        }
        return failed ? null : operands.size() == 1 ? operands.getFirst() : new Condition.Or(operands);
    }

    private @Nullable Condition and() {
        List<Condition> operands = new ArrayList<>();
        operands.add(not());
        while (!failed && accept("and")) {
            operands.add(not());
        }
        return failed ? null : operands.size() == 1 ? operands.getFirst() : new Condition.And(operands);
    }

    private @Nullable Condition not() {
        if (accept("not")) {
            Condition operand = not();
            return operand == null ? null : new Condition.Not(operand);
        }
        return primary();
    }

    private @Nullable Condition primary() {
        Token token = peek();
        if (token == null) {
            return syntax("the condition ends too early: expected an identifier, 'not', '(' or '1 of'/'all of'");
        }
        if (token.text().equals("(")) {
            next++;
            Condition inner = or();
            if (!failed && !accept(")")) {
                return syntax("'(' at position " + (token.offset() + 1) + " is not closed");
            }
            return inner;
        }
        if (next + 1 < tokens.size() && tokens.get(next + 1).text().equals("of")) {
            return quantifier(token);
        }
        if (OPERATORS.contains(token.text()) || token.text().equals(")")) {
            return syntax("expected an identifier, 'not', '(' or '1 of'/'all of'");
        }
        next++;
        return reference(token);
    }

    private @Nullable Condition quantifier(Token quantifier) {
        boolean all = quantifier.text().equals("all");
        if (!all && !quantifier.text().equals("1") && !quantifier.text().equals("any")) {
            return syntax("invalid quantifier '" + quantifier.text() + "': use '1', 'any' or 'all'");
        }
        next += 2;
        Token pattern = peek();
        if (pattern == null || pattern.text().equals("(") || pattern.text().equals(")")) {
            return syntax(
                    "'" + quantifier.text() + " of' must be followed by a pattern such as 'selection*' or by 'them'");
        }
        next++;
        List<Condition> refs = matching(pattern);
        if (refs.isEmpty()) {
            return null;
        }
        return refs.size() == 1 ? refs.getFirst() : all ? new Condition.And(refs) : new Condition.Or(refs);
    }

    private List<Condition> matching(Token pattern) {
        boolean them = pattern.text().equals("them");
        Pattern regex = them ? null : Pattern.compile(glob(pattern.text()));
        boolean underscore = pattern.text().startsWith("_");
        List<Condition> refs = new ArrayList<>();
        for (String id : identifiers) {
            boolean hidden = id.startsWith("_") && !underscore;
            if (!hidden && (regex == null || regex.matcher(id).matches())) {
                refs.add(new Condition.Ref(id));
            }
        }
        if (refs.isEmpty()) {
            String what = them
                    ? "'them' finds no search identifier"
                    : "pattern '" + pattern.text() + "' matches no search identifier";
            issues.error(text.location(pattern.offset()), what + " (defined: " + String.join(", ", identifiers) + ")");
            failed = true;
        }
        return refs;
    }

    private static String glob(String pattern) {
        List<String> pieces = new ArrayList<>();
        for (String piece : pattern.split("\\*", -1)) {
            pieces.add(piece.isEmpty() ? "" : Pattern.quote(piece));
        }
        return String.join(".*", pieces);
    }

    private @Nullable Condition reference(Token token) {
        String id = token.text();
        if (identifiers.contains(id)) {
            return new Condition.Ref(id);
        }
        String lower = id.toLowerCase(Locale.ROOT);
        String hint = OPERATORS.contains(lower)
                ? " (operators are lowercase: did you mean '" + lower + "'?)"
                : Suggestions.hint(id, identifiers);
        issues.error(
                text.location(token.offset()),
                "condition refers to '" + id + "', which the detection does not define" + hint);
        failed = true;
        return null;
    }

    private @Nullable Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private boolean accept(String word) {
        Token token = peek();
        if (token != null && token.text().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private @Nullable Condition syntax(String message) {
        if (!failed) {
            Token token = peek();
            int offset = token == null ? text.value().length() : token.offset();
            String found = token == null ? "the end" : "'" + token.text() + "'";
            String lower = token == null ? "" : token.text().toLowerCase(Locale.ROOT);
            String hint = token != null && !lower.equals(token.text()) && OPERATORS.contains(lower)
                    ? " (operators are lowercase: did you mean '" + lower + "'?)"
                    : "";
            issues.error(
                    text.location(offset),
                    "condition syntax error at position " + (offset + 1) + " (found " + found + "): " + message + hint);
        }
        failed = true;
        return null;
    }
}
