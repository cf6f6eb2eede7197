package vn.lachan.security.backup;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Reports a restore: either everything was restored and checked, or nothing was kept.
 *
 * @param files how many files were restored (0 when refused)
 * @param bytes how many bytes were restored (0 when refused)
 * @param problems why the backup was refused; empty when it was restored. When not empty, the
 *     target folder was emptied again: no unverified data is left behind.
 */
public record RestoreResult(long files, long bytes, List<Problem> problems) {
    public RestoreResult {
        problems = List.copyOf(problems);
    }

    /** Returns whether the backup was restored in full. */
    public boolean restored() {
        return problems.isEmpty();
    }
}
