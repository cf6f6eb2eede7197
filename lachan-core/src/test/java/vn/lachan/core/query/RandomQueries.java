package vn.lachan.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds random but valid query trees and random query-like strings from a seed. */
final class RandomQueries {
    private static final List<String> FIELDS =
            List.of("a", "event.code", "@timestamp", "source.ip", "winlog.event_data.User_Name", "tỉnh", "x-y", "$f#1");
    private static final List<String> WORDS =
            List.of("admin", "AND", "OR", "NOT", "TO", "and", "đăng", "nhập", "4625", "-1.5", "10.0.0.0/8", "fe80::1");
    /** Every character the syntax treats specially, and some that it does not. */
    private static final String CHARS = "\\()\"*?[]{}<>=!:~^+-&|/ \tab9.@_ơư";

    private final Random random;

    RandomQueries(long seed) {
        this.random = new Random(seed);
    }

    Query query(int depth) {
        int pick = random.nextInt(depth <= 0 ? 8 : 12);
        return switch (pick) {
            case 0 -> term();
            case 1 -> phrase();
            case 2 -> new Query.Wildcard(field(), pattern());
            case 3 -> range();
            case 4 -> new Query.Exists(field());
            case 5 -> new Query.Cidr(field(), random.nextBoolean() ? "192.168.0.0/16" : "2001:db8::/32");
            case 6 -> freeText();
            case 7 -> random.nextInt(4) == 0 ? new Query.MatchAll() : term();
            case 8 -> new Query.Not(query(depth - 1));
            case 9 -> new Query.Or(clauses(depth));
            default -> new Query.And(clauses(depth));
        };
    }

    private List<Query> clauses(int depth) {
        List<Query> clauses = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            clauses.add(query(depth - 1));
        }
        return clauses;
    }

    private String field() {
        return FIELDS.get(random.nextInt(FIELDS.size()));
    }

    /** Returns a non-empty value mixing words and special characters. */
    String value() {
        StringBuilder out = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            out.append(
                    random.nextBoolean()
                            ? WORDS.get(random.nextInt(WORDS.size()))
                            : String.valueOf(CHARS.charAt(random.nextInt(CHARS.length()))));
        }
        return out.toString();
    }

    private Query term() {
        String value = value();
        if (random.nextBoolean()) {
            return new Query.Term(field(), value.replaceAll("\\s", "_"), true);
        }
        if (Values.isCidr(value) || random.nextInt(4) > 0) {
            return new Query.Term(field(), value, false);
        }
        return Syntax.hasWhitespace(value) ? new Query.Phrase(field(), value) : new Query.Term(field(), value, true);
    }

    private Query phrase() {
        return new Query.Phrase(field(), value() + " " + value());
    }

    private String pattern() {
        StringBuilder out = new StringBuilder();
        for (char c : value().toCharArray()) {
            out.append("*?\\".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
        }
        out.insert(random.nextInt(out.length() + 1) == 0 ? 0 : out.length(), random.nextBoolean() ? "*" : "?");
        return out.toString();
    }

    private Query range() {
        Query.Bound lower = random.nextInt(3) == 0 ? null : new Query.Bound(value(), random.nextBoolean());
        Query.Bound upper = random.nextInt(3) == 0 ? null : new Query.Bound(value(), random.nextBoolean());
        return new Query.Range(field(), lower, upper);
    }

    private Query freeText() {
        return switch (random.nextInt(3)) {
            case 0 -> Syntax.OPERATOR_WORDS.contains(value()) ? new Query.MatchAll() : word();
            case 1 -> new Query.FreeText(value(), Query.FreeText.Kind.PHRASE);
            default -> new Query.FreeText(pattern(), Query.FreeText.Kind.WILDCARD);
        };
    }

    private Query word() {
        String word = value();
        return Syntax.OPERATOR_WORDS.contains(word)
                ? new Query.FreeText(word, Query.FreeText.Kind.PHRASE)
                : new Query.FreeText(word, Query.FreeText.Kind.WORD);
    }

    /** Returns a string of query fragments and special characters, mostly not a valid query. */
    String noise(int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int pick = random.nextInt(4);
            out.append(
                    switch (pick) {
                        case 0 -> WORDS.get(random.nextInt(WORDS.size()));
                        case 1 -> field() + ":";
                        case 2 ->
                            List.of(" AND ", " OR ", " NOT ", " TO ", "_exists_:", "[", "]", ">=", "\"", "(", ")")
                                    .get(random.nextInt(11));
                        default -> String.valueOf(CHARS.charAt(random.nextInt(CHARS.length())));
                    });
        }
        return out.toString();
    }
}
