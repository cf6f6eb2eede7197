package vn.lachan.core.query;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the search language, a Lucene/Kibana-like syntax, into a {@link Query}.
 *
 * <p>The syntax: {@code field:value}, {@code field:"quoted phrase"}, {@code field:(a OR b)} (every
 * word in the group on that field), wildcards {@code adm*n?}, ranges {@code field:[a TO b]}, {@code
 * field:{a TO b}}, {@code field:[a TO *]}, {@code field:>=10} (also {@code >}, {@code <=}, {@code <}),
 * {@code _exists_:field} and {@code field:*}, CIDR networks {@code source.ip:10.0.0.0/8}, text without a
 * field (matched over the default fields), {@code *} for everything, operators {@code AND}/{@code &&},
 * {@code OR}/{@code ||}, {@code NOT}/{@code !}/a leading {@code -} (uppercase words only; a leading
 * {@code +} is accepted and changes nothing), and parentheses. Precedence: NOT, then AND, then OR.
 *
 * <p><b>Clauses side by side are joined by AND</b>: {@code error login} means {@code error AND login}.
 * Kibana's Lucene syntax defaults to OR there, but in a SIEM every added word is meant to narrow the
 * search, which is what analysts expect and what KQL does.
 *
 * <p>A backslash escapes a special character ({@code \ ( ) " * ? [ ] { } < > = ! : ~ ^ + - & | /} and
 * whitespace); before any other character it is kept as written, so Windows paths read naturally
 * ({@code process.executable:C:\Windows\System32\cmd.exe}). Write {@code \\*} for a backslash followed
 * by a wildcard. After {@code field:} a colon is part of the value ({@code 2001:db8::1}, {@code 12:30}).
 *
 * <p>Errors are returned, never thrown: each names its 0-based position and a reason. Limits on length,
 * nesting depth and the number of clauses keep hostile queries cheap. Instances are immutable and
 * thread-safe.
 */
public final class QueryParser {
    private final Limits limits;

    /**
     * Bounds what a query may cost before it reaches a store.
     *
     * @param maxLength the most characters a query may have
     * @param maxDepth the most nested parentheses and NOTs
     * @param maxClauses the most leaf clauses (terms, phrases, ranges, …)
     */
    public record Limits(int maxLength, int maxDepth, int maxClauses) {
        /** 16,384 characters, 32 levels, 1,024 clauses (Lucene's default clause limit). */
        public static final Limits DEFAULT = new Limits(16_384, 32, 1_024);

        public Limits {
            if (maxLength < 1 || maxDepth < 1 || maxClauses < 1) {
                throw new IllegalArgumentException(
                        "limits must be positive: " + maxLength + ", " + maxDepth + ", " + maxClauses);
            }
        }
    }

    /** Creates a parser with the given limits. */
    public QueryParser(Limits limits) {
        this.limits = limits;
    }

    /** Parses a query with {@link Limits#DEFAULT}; a blank query matches everything. */
    public static ParsedQuery parse(String query) {
        return new QueryParser(Limits.DEFAULT).read(query);
    }

    /** Parses a query with this parser's limits; a blank query matches everything. */
    public ParsedQuery read(String query) {
        if (query.length() > limits.maxLength()) {
            return failed(new QueryError(
                    query,
                    limits.maxLength(),
                    "the query is longer than " + limits.maxLength() + " characters; shorten it or split the search"));
        }
        Grammar grammar = new Grammar(new Cursor(query), limits);
        @Nullable Query result = grammar.parse();
        if (!grammar.cursor.errors.isEmpty() || result == null) {
            List<QueryError> errors = new ArrayList<>(grammar.cursor.errors);
            errors.sort((a, b) -> Integer.compare(a.position(), b.position()));
            return new ParsedQuery(null, errors);
        }
        return new ParsedQuery(result, List.of());
    }

    private static ParsedQuery failed(QueryError error) {
        return new ParsedQuery(null, List.of(error));
    }
}
