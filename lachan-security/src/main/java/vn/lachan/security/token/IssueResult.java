package vn.lachan.security.token;

import java.util.List;
import java.util.Objects;
import vn.lachan.core.problem.Problem;

/** Tells whether a token was issued. */
public sealed interface IssueResult {

    /**
     * The token was issued; show its secret once.
     *
     * @param issued the stored token and its secret
     */
    record Issued(IssuedToken issued) implements IssueResult {
        public Issued {
            Objects.requireNonNull(issued, "issued");
        }
    }

    /**
     * Nothing was issued; every problem with the request is listed.
     *
     * @param problems what to fix, one per field
     */
    record Rejected(List<Problem> problems) implements IssueResult {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }
    }
}
