package vn.lachan.core.query;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;

/**
 * Holds the outcome of {@link QueryParser#parse(String)}: the query, or every error found in it.
 *
 * @param query the parsed query; null exactly when {@code errors} is not empty
 * @param errors the errors in the order of their position in the query; empty when the query parsed
 */
public record ParsedQuery(@Nullable Query query, List<QueryError> errors) {
    public ParsedQuery {
        errors = List.copyOf(errors);
        if ((query == null) == errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "a parsed query has either a query or errors, not both: " + query + ", " + errors);
        }
    }

    /** Returns whether the query parsed without error. */
    public boolean ok() {
        return query != null;
    }

    /** Returns the query when it parsed. */
    public Optional<Query> result() {
        return Optional.ofNullable(query);
    }

    /** Returns the errors as {@link Problem}s of source {@code query}, for the usual problem reports. */
    public List<Problem> problems() {
        return errors.stream().map(QueryError::toProblem).toList();
    }
}
