package vn.lachan.journal;

/**
 * Counts what a journal did since it was opened, for metrics.
 *
 * @param appendedRecords records accepted
 * @param appendedBytes bytes written for them, framing included
 * @param flushes writes to the disk (one per group commit)
 * @param fullAnswers offers answered {@code FULL}
 * @param trimmedSegments segment files deleted because all their records were committed
 * @param recoveryTruncations torn tails cut off on open (a crash in the middle of a write)
 * @param corruptRegions damaged records or byte ranges found and skipped (see {@link Journal#problems})
 * @param segments segment files on disk now
 * @param bytes bytes on disk now, counting offers being written
 * @param committed the committed position now
 * @param end the next position to be given now
 */
public record JournalStats(
        long appendedRecords,
        long appendedBytes,
        long flushes,
        long fullAnswers,
        long trimmedSegments,
        long recoveryTruncations,
        long corruptRegions,
        long segments,
        long bytes,
        long committed,
        long end) {}
