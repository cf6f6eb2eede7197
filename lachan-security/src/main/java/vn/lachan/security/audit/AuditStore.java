package vn.lachan.security.audit;

import java.util.List;
import java.util.Optional;

/**
 * Stores the audit trail and its checkpoints (a port: the metadata database implements it).
 *
 * <p>Thread-safe. Records are only ever appended; nothing in the platform updates or deletes them.
 */
public interface AuditStore {

    /**
     * Appends a record.
     *
     * @throws IllegalStateException when {@code record.sequence()} is not the last stored sequence
     *     plus one (1 for an empty trail); a primary key on the sequence plus this check in the same
     *     transaction is enough
     */
    void append(AuditRecord record);

    /** Returns up to {@code limit} records with sequence ≥ {@code fromSequence}, in sequence order. */
    List<AuditRecord> range(long fromSequence, int limit);

    /**
     * Returns up to {@code query.limit()} records that the query selects, in sequence order (an index on the
     * filtered columns keeps this quick on a long trail).
     */
    List<AuditRecord> search(AuditQuery query);

    /** Returns the record with the highest sequence. */
    Optional<AuditRecord> last();

    /** Stores a checkpoint. */
    void addCheckpoint(AuditCheckpoint checkpoint);

    /** Returns every checkpoint, in sequence order. */
    List<AuditCheckpoint> checkpoints();
}
