package vn.lachan.core.store;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores events in time partitions and searches them: the port that the embedded store and the
 * scale-out adapters implement.
 *
 * <p>Problems in user input (a query the store cannot run, a limit) come back as values in the
 * results; exceptions mean a broken disk or a bug. Implementations are thread-safe: one writer thread
 * and any number of searching threads.
 */
public interface EventStore extends AutoCloseable {
    /**
     * Stores a batch, searchable once this returns, and returns the journal position the pipeline may
     * record: that of the last durable batch, which may lag behind this one, since an implementation
     * may make batches durable together on a cadence (see {@link #durablePosition()}).
     */
    Checkpoint write(EventBatch batch);

    /**
     * Returns the journal position of the last durable batch, or -1 when none was written; it moves
     * forward between writes too, as batches written earlier become durable.
     */
    long durablePosition();

    /** Makes every batch written so far durable now, and returns the durable position. */
    long sync();

    /** Returns one page of the events that match, with the total and aggregations. */
    SearchResult search(SearchRequest request);

    /** Returns the event with this id, or empty when the store does not hold it. */
    Optional<StoredEvent> get(EventId id);

    /**
     * Writes every matching event to {@code out}, page by page in the request's order, never holding the
     * whole result in memory; ignores the request's size, cursor and aggregations. Does not close
     * {@code out}.
     */
    ExportSummary export(SearchRequest request, ExportFormat format, OutputStream out);

    /** Returns the partitions, oldest first. */
    List<PartitionInfo> partitions();

    /**
     * Closes and seals every partition whose time is over at {@code now} (after a grace period for late
     * events); returns the names of the partitions sealed.
     */
    List<String> seal(Instant now);

    /** Deletes the partitions whose every event is expired at {@code now}, unless a hold covers them. */
    RetentionReport applyRetention(RetentionPolicy policy, List<LegalHold> holds, Instant now);

    /** Checks every sealed partition against its manifest and the chain of manifests. */
    VerifyReport verify();

    /** Commits and releases every file; the store is unusable afterwards. */
    @Override
    void close();
}
