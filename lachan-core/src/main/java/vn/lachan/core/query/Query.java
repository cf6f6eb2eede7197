package vn.lachan.core.query;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Represents a parsed search query: the contract between {@link QueryParser} and the stores that run it.
 *
 * <p>Values stay strings as the user wrote them (unescaped): whether {@code 10} is a number, a keyword or
 * a word of a text field is the store's business, decided by the field's type. {@link #isNumber}, {@link
 * #isIp} and {@link #isDate} tell what a value could be. Field names are letters, digits and {@code . _ @
 * $ # -} (ECS {@code source.ip}, {@code @timestamp}, {@code winlog.event_data.SubjectUserName}), never
 * starting with {@code -}.
 *
 * <p>Every node renders back to the syntax with {@link Object#toString()}, so that {@code
 * QueryParser.parse(q.toString()).query()} equals {@code q}. The compact constructors refuse the few
 * shapes that the syntax cannot express (an unquoted term that reads as a CIDR, a quoted term with
 * spaces — that is a {@link Phrase} — a wildcard without a wildcard), so every instance round-trips.
 *
 * <p>The parser never flattens: {@code a AND (b AND c)} is {@code And[a, And[b, c]]}; a store may
 * flatten. A query that is only negative ({@code NOT a}) means "everything except a". All instances are
 * immutable and thread-safe.
 */
public sealed interface Query
        permits Query.Term,
                Query.Phrase,
                Query.Wildcard,
                Query.Range,
                Query.Exists,
                Query.Cidr,
                Query.FreeText,
                Query.And,
                Query.Or,
                Query.Not,
                Query.MatchAll {

    /**
     * Matches events whose field holds the value: {@code field:value} or, quoted, {@code field:"value"}.
     *
     * <p>On a keyword field the whole value must be equal (case-insensitive where the field says so); on a
     * text field the value is analysed like the field; on numeric, IP and date fields it is parsed as such.
     *
     * @param field the field name
     * @param value the value, unescaped; never empty unless quoted
     * @param quoted whether the user quoted it: a quoted value is literal and never read as a wildcard, a
     *     CIDR or a range, and holds no whitespace (a quoted value with whitespace is a {@link Phrase})
     */
    record Term(String field, String value, boolean quoted) implements Query {
        public Term {
            Syntax.requireField(field);
            Objects.requireNonNull(value, "value");
            if (quoted && Syntax.hasWhitespace(value)) {
                throw new IllegalArgumentException("a quoted value with whitespace is a Phrase: " + value);
            }
            if (!quoted && value.isEmpty()) {
                throw new IllegalArgumentException("an unquoted term needs a value, field " + field);
            }
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events whose text field holds the words in this order, or whose keyword field equals the
     * text: {@code field:"failed password"}.
     *
     * @param field the field name
     * @param text the phrase, unescaped; holds at least one whitespace character
     */
    record Phrase(String field, String text) implements Query {
        public Phrase {
            Syntax.requireField(field);
            if (!Syntax.hasWhitespace(text)) {
                throw new IllegalArgumentException("a phrase holds whitespace; use a quoted Term for " + text);
            }
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events whose field matches a wildcard pattern: {@code field:adm*n?}.
     *
     * @param field the field name
     * @param pattern the pattern in Lucene wildcard form: {@code *} any run of characters, {@code ?} one
     *     character, {@code \*}, {@code \?} and {@code \\} the literal characters; a backslash stands
     *     before nothing else; holds at least one unescaped {@code *} or {@code ?} and is not just {@code *}
     *     (that is {@link Exists})
     */
    record Wildcard(String field, String pattern) implements Query {
        public Wildcard {
            Syntax.requireField(field);
            Syntax.requirePattern(pattern);
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events whose field lies between two bounds: {@code field:[a TO b]}, {@code field:{a TO b}},
     * {@code field:[a TO *]}, {@code field:>=a}, {@code field:<b}.
     *
     * @param field the field name
     * @param lower the lower bound, or null when open
     * @param upper the upper bound, or null when open
     */
    record Range(
            String field, @Nullable Bound lower, @Nullable Bound upper) implements Query {
        public Range {
            Syntax.requireField(field);
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Gives one end of a {@link Range}.
     *
     * @param value the bound, unescaped, not empty
     * @param inclusive whether the bound itself matches ({@code [ ]}, {@code >=}, {@code <=})
     */
    record Bound(String value, boolean inclusive) {
        public Bound {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a range bound needs a value");
            }
        }
    }

    /**
     * Matches events that have the field, with any value: {@code _exists_:field} or {@code field:*}.
     *
     * @param field the field name
     */
    record Exists(String field) implements Query {
        public Exists {
            Syntax.requireField(field);
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events whose IP field lies in a network: {@code source.ip:10.0.0.0/8}, {@code
     * client.ip:2001:db8::/32}.
     *
     * <p>The parser makes this node for every unquoted, unescaped value that parses as a CIDR; on a field
     * that is not an IP field the store matches the text {@link #network()} as a {@link Term} would.
     *
     * @param field the field name
     * @param network the network as written, {@code address/prefix}
     */
    record Cidr(String field, String network) implements Query {
        public Cidr {
            Syntax.requireField(field);
            if (!Values.isCidr(network)) {
                throw new IllegalArgumentException("not a CIDR network: " + network);
            }
        }

        /** Returns the network's address as written before the slash (host bits are not cleared). */
        public InetAddress address() {
            return Values.ip(network.substring(0, network.indexOf('/')))
                    .orElseThrow(() -> new IllegalStateException("checked in the constructor: " + network));
        }

        /** Returns the prefix length in bits: 0 to 32 for IPv4, 0 to 128 for IPv6. */
        public int prefixLength() {
            return Integer.parseInt(network.substring(network.indexOf('/') + 1));
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events whose default fields (the message, then the store's default set) hold text given
     * without a field: {@code failed}, {@code "failed password"}, {@code admin*}.
     *
     * @param text the word or phrase (unescaped), or for {@link Kind#WILDCARD} a pattern in {@link
     *     Wildcard#pattern()} form
     * @param kind how to read the text
     */
    record FreeText(String text, Kind kind) implements Query {
        /** Tells how a {@link FreeText} reads its text. */
        public enum Kind {
            /** One unquoted word (whitespace in it was escaped); not an operator word ({@code AND}, {@code or}, …). */
            WORD,
            /** Quoted text, any characters, possibly one word or empty. */
            PHRASE,
            /** An unquoted wildcard pattern. */
            WILDCARD
        }

        public FreeText {
            Objects.requireNonNull(kind, "kind");
            switch (kind) {
                case WORD -> Syntax.requireWord(text);
                case PHRASE -> Objects.requireNonNull(text, "text");
                case WILDCARD -> Syntax.requirePattern(text);
            }
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events that match every clause: {@code a AND b}, {@code a && b}, or clauses side by side.
     *
     * @param clauses two or more clauses, in the order written
     */
    record And(List<Query> clauses) implements Query {
        public And {
            clauses = Syntax.requireClauses(clauses, "AND");
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events that match at least one clause: {@code a OR b}, {@code a || b}.
     *
     * @param clauses two or more clauses, in the order written
     */
    record Or(List<Query> clauses) implements Query {
        public Or {
            clauses = Syntax.requireClauses(clauses, "OR");
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /**
     * Matches events that do not match the clause: {@code NOT a}, {@code !a}, {@code -a}.
     *
     * @param clause the negated clause
     */
    record Not(Query clause) implements Query {
        public Not {
            Objects.requireNonNull(clause, "clause");
        }

        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /** Matches every event: {@code *}, {@code *:*} or an empty query. */
    record MatchAll() implements Query {
        @Override
        public String toString() {
            return Renderer.render(this);
        }
    }

    /** Returns whether the value reads as a decimal number ({@code 42}, {@code -1.5}, {@code 1e3}). */
    static boolean isNumber(String value) {
        return Values.isNumber(value);
    }

    /** Returns whether the value reads as an IPv4 address in dotted-quad form or an IPv6 literal. */
    static boolean isIp(String value) {
        return Values.ip(value).isPresent();
    }

    /**
     * Returns whether the value reads as an ISO-8601 date ({@code 2026-03-01}), local date-time ({@code
     * 2026-03-01T08:00:00}) or date-time with offset ({@code 2026-03-01T08:00:00+07:00}, {@code ...Z}).
     */
    static boolean isDate(String value) {
        return Values.isDate(value);
    }
}
