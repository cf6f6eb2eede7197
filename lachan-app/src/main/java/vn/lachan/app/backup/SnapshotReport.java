package vn.lachan.app.backup;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Says how a data folder was staged for a backup.
 *
 * @param live whether a platform was running on it (a consistent copy of open stores)
 * @param linked files hard-linked (Lucene files, journal segments)
 * @param copied files copied
 * @param indexes Lucene indexes copied at their newest commit
 * @param indexRetries extra rounds because a commit replaced files during the copy
 * @param metaAttempts copies of the metadata database taken before one opened (0: none in the folder)
 * @param masterKeyIncluded whether the master key files are in the backup
 * @param skipped what was left out and why
 */
record SnapshotReport(
        boolean live,
        long linked,
        long copied,
        int indexes,
        int indexRetries,
        int metaAttempts,
        boolean masterKeyIncluded,
        List<Problem> skipped) {
    SnapshotReport {
        skipped = List.copyOf(skipped);
    }
}
