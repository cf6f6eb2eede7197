package vn.lachan.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Configures one journal: where it lives, how large its segments and its disk budget are, and whether
 * every acknowledged append is forced to the disk.
 *
 * @param folder the folder holding the segments, the committed position and the lock file; created
 *     when missing
 * @param segmentBytes the size in bytes at which the journal starts a new segment file (one offer is
 *     never split, so a segment may grow past it by one offer)
 * @param budgetBytes the most bytes the segments may take on disk; an offer that would go above it is
 *     answered {@code FULL}; at least twice {@code segmentBytes}
 * @param maxRecordBytes the largest encoded record accepted, in bytes (payload plus its labels); at
 *     most {@link #MAX_RECORD_LIMIT} and at most {@code segmentBytes}
 * @param fsync whether an offer returns only after its bytes are forced to the disk (true: survives a
 *     power cut; false: survives a process crash only)
 */
public record JournalConfig(Path folder, long segmentBytes, long budgetBytes, int maxRecordBytes, boolean fsync) {
    /** The default segment size: 64 MiB. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /** The default disk budget: 4 GiB. */
    public static final long DEFAULT_BUDGET_BYTES = 4L << 30;
    /** The default largest record: 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;
    /** The largest record any journal accepts: 256 MiB. */
    public static final int MAX_RECORD_LIMIT = 256 << 20;

    private static final long MIN_SEGMENT_BYTES = 1024;

    public JournalConfig {
        Objects.requireNonNull(folder, "folder");
        if (segmentBytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException(
                    "journal segment size must be at least " + MIN_SEGMENT_BYTES + " bytes, was " + segmentBytes);
        }
        if (budgetBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("journal disk budget (" + budgetBytes
                    + " bytes) must be at least twice the segment size (" + segmentBytes + " bytes)");
        }
        if (maxRecordBytes < 1 || maxRecordBytes > MAX_RECORD_LIMIT) {
            throw new IllegalArgumentException("journal maximum record size must be between 1 and " + MAX_RECORD_LIMIT
                    + " bytes, was " + maxRecordBytes);
        }
        if (maxRecordBytes > segmentBytes) {
            throw new IllegalArgumentException("journal maximum record size (" + maxRecordBytes
                    + " bytes) must not exceed the segment size (" + segmentBytes + " bytes)");
        }
    }

    /** Returns the defaults for {@code folder}: 64 MiB segments, a 4 GiB budget, 1 MiB records, fsync on. */
    public static JournalConfig of(Path folder) {
        return new JournalConfig(folder, DEFAULT_SEGMENT_BYTES, DEFAULT_BUDGET_BYTES, DEFAULT_MAX_RECORD_BYTES, true);
    }

    /** Returns a copy with another segment size and budget, in bytes. */
    public JournalConfig withSizes(long segment, long budget) {
        return new JournalConfig(folder, segment, budget, Math.toIntExact(Math.min(maxRecordBytes, segment)), fsync);
    }

    /** Returns a copy with fsync on or off. */
    public JournalConfig withFsync(boolean on) {
        return new JournalConfig(folder, segmentBytes, budgetBytes, maxRecordBytes, on);
    }
}
