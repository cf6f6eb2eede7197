package vn.lachan.core.query;

import java.util.Objects;
import vn.lachan.core.problem.Problem;

/**
 * Describes one error in a query: where it is and why it cannot be read.
 *
 * @param query the query as given
 * @param position the 0-based character offset of the error in {@code query}; may equal its length
 *     when the error is at the end
 * @param reason what is wrong, in plain words, with how to fix it where that is clear
 */
public record QueryError(String query, int position, String reason) {
    public QueryError {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(reason, "reason");
        if (position < 0 || position > query.length()) {
            throw new IllegalArgumentException(
                    "position " + position + " is outside the query of length " + query.length());
        }
    }

    /**
     * Returns the query on one line, with line breaks and tabs shown as spaces, and under it a caret at
     * the position: {@code "a AND\n      ^"}.
     */
    public String caret() {
        String line = query.replaceAll("[\\r\\n\\t]", " ");
        return line + "\n" + " ".repeat(position) + "^";
    }

    /** Returns the error as a {@link Problem} of source {@code query}, location {@code position N}. */
    public Problem toProblem() {
        return new Problem("query", "position " + position, reason + "\n" + caret());
    }

    /** Returns {@code position N: reason} followed by the caret lines. */
    @Override
    public String toString() {
        return "position " + position + ": " + reason + "\n" + caret();
    }
}
