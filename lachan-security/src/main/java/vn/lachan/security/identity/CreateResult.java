package vn.lachan.security.identity;

import java.util.List;
import java.util.Objects;
import vn.lachan.core.problem.Problem;

/** Tells whether a user was created. */
public sealed interface CreateResult {

    /**
     * The user was created.
     *
     * @param account the stored account
     */
    record Created(UserAccount account) implements CreateResult {
        public Created {
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Nothing was created; every problem with the request is listed.
     *
     * @param problems what to fix, one per field
     */
    record Rejected(List<Problem> problems) implements CreateResult {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }
    }
}
