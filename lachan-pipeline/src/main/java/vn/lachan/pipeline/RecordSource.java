package vn.lachan.pipeline;

import java.time.Duration;
import java.util.List;
import vn.lachan.core.intake.RawRecord;

/**
 * Hands the pipeline the accepted records in order and takes back what is processed: the consumer side
 * of the durable journal.
 *
 * <p>One pipeline thread polls; another commits. Implementations are thread-safe for that use.
 */
public interface RecordSource {
    /**
     * Returns up to {@code max} records following the previous poll (the first poll starts at the
     * committed position), waiting up to {@code wait} when none is there; an empty list when none came.
     */
    List<Positioned> poll(int max, Duration wait);

    /** Records that every record below {@code position} is processed durably and may be trimmed. */
    void commit(long position);

    /** Returns the position of the next record that will be appended (for the lag). */
    long end();

    /** Returns the position below which every record is processed, as last committed (0 when none). */
    long committed();

    /**
     * Holds one record with its journal position.
     *
     * @param position the record's position, ≥ 0, consecutive from one record to the next
     * @param record the record
     */
    record Positioned(long position, RawRecord record) {}
}
