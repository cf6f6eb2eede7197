package vn.lachan.core.query;

import java.util.List;

/** Renders a query back to the syntax that {@link QueryParser} reads, escaping what it must. */
final class Renderer {
    private Renderer() {}

    static String render(Query query) {
        return switch (query) {
            case Query.Term t -> t.field() + ":" + (t.quoted() ? quoted(t.value()) : termValue(t.value()));
            case Query.Phrase p -> p.field() + ":" + quoted(p.text());
            case Query.Wildcard w -> w.field() + ":" + pattern(w.pattern(), false);
            case Query.Range r -> r.field() + ":" + range(r);
            case Query.Exists e -> Syntax.EXISTS + ":" + e.field();
            case Query.Cidr c -> c.field() + ":" + c.network();
            case Query.FreeText f -> freeText(f);
            case Query.And a -> join(a.clauses(), " AND ", false);
            case Query.Or o -> join(o.clauses(), " OR ", true);
            case Query.Not n -> "NOT " + child(n.clause(), false);
            case Query.MatchAll m -> "*";
        };
    }

    private static String freeText(Query.FreeText f) {
        return switch (f.kind()) {
            case WORD -> literal(f.text(), true);
            case PHRASE -> quoted(f.text());
            case WILDCARD -> pattern(f.text(), true);
        };
    }

    private static String join(List<Query> clauses, String operator, boolean inOr) {
        StringBuilder out = new StringBuilder();
        for (Query clause : clauses) {
            if (!out.isEmpty()) {
                out.append(operator);
            }
            out.append(child(clause, inOr));
        }
        return out.toString();
    }

    /** Parenthesizes a child where precedence (NOT > AND > OR) or the tree's shape needs it. */
    private static String child(Query clause, boolean inOr) {
        boolean group = clause instanceof Query.Or || (clause instanceof Query.And && !inOr);
        return group ? "(" + render(clause) + ")" : render(clause);
    }

    private static String range(Query.Range r) {
        Query.Bound lower = r.lower();
        Query.Bound upper = r.upper();
        if (lower != null && upper == null) {
            return (lower.inclusive() ? ">=" : ">") + literal(lower.value(), false);
        }
        if (lower == null && upper != null) {
            return (upper.inclusive() ? "<=" : "<") + literal(upper.value(), false);
        }
        String from = lower == null ? "*" : literal(lower.value(), false);
        String to = upper == null ? "*" : literal(upper.value(), false);
        boolean fromIn = lower == null || lower.inclusive();
        boolean toIn = upper == null || upper.inclusive();
        return (fromIn ? "[" : "{") + from + " TO " + to + (toIn ? "]" : "}");
    }

    /** Renders an unquoted term value, escaping a slash that would otherwise make it a CIDR. */
    private static String termValue(String value) {
        String out = literal(value, false);
        return Values.isCidr(value) ? out.replace("/", "\\/") : out;
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || (c == '\\' && escapesBackslash(text, i))) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** Renders a literal value; {@code free} escapes a colon, which would otherwise make a field. */
    static String literal(String value, boolean free) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            appendLiteral(out, value, i, free);
        }
        return out.toString();
    }

    private static String pattern(String pattern, boolean free) {
        StringBuilder out = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                out.append(c).append(pattern.charAt(++i));
            } else if (c == '*' || c == '?') {
                out.append(c);
            } else {
                appendLiteral(out, pattern, i, free);
            }
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, String value, int i, boolean free) {
        char c = value.charAt(i);
        boolean escape = switch (c) {
            case '\\' -> escapesBackslash(value, i);
            case '(', ')', '"', '*', '?', '[', ']', '{', '}' -> true;
            case ':' -> free;
            case '<', '>', '=', '!', '-', '+', '&', '|' -> i == 0;
            default -> Character.isWhitespace(c);
        };
        if (escape) {
            out.append('\\');
        }
        out.append(c);
    }

    /** Returns whether a literal backslash must be doubled: before a special character or at the end. */
    private static boolean escapesBackslash(String value, int i) {
        return i + 1 == value.length() || Syntax.isSpecial(value.charAt(i + 1));
    }
}
