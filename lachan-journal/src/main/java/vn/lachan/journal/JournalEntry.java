package vn.lachan.journal;

import java.util.Objects;
import vn.lachan.core.intake.RawRecord;

/**
 * Holds one record read back from the journal with its position.
 *
 * @param position the record's sequence number in the journal, from 0, never reused
 * @param record the record exactly as it was offered
 */
public record JournalEntry(long position, RawRecord record) {
    public JournalEntry {
        Objects.requireNonNull(record, "record");
        if (position < 0) {
            throw new IllegalArgumentException("a journal position is >= 0, was " + position);
        }
    }
}
