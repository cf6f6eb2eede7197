package vn.lachan.security.backup;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Reports a written backup.
 *
 * @param directories how many folders it holds (the root excluded)
 * @param files how many regular files it holds
 * @param bytes the total size of those files
 * @param skipped what was left out and why (symbolic links, sockets, devices), one problem each
 */
public record BackupResult(long directories, long files, long bytes, List<Problem> skipped) {
    public BackupResult {
        skipped = List.copyOf(skipped);
    }
}
