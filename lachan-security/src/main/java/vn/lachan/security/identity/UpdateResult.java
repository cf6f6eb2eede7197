package vn.lachan.security.identity;

import java.util.List;
import java.util.Objects;
import vn.lachan.core.problem.Problem;

/** Tells whether an account was changed. */
public sealed interface UpdateResult {

    /**
     * The account was changed (or already was as asked).
     *
     * @param account the account as now stored
     */
    record Updated(UserAccount account) implements UpdateResult {
        public Updated {
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Nothing was changed: the request itself is wrong; every problem is listed.
     *
     * @param problems what to fix, one per field
     */
    record Rejected(List<Problem> problems) implements UpdateResult {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }
    }

    /**
     * Nothing was changed: the request is well formed but clashes with the platform's state (it would
     * disable or demote the last active platform administrator, or disable oneself).
     *
     * @param problem what clashes and how to resolve it
     */
    record Conflict(Problem problem) implements UpdateResult {
        public Conflict {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
