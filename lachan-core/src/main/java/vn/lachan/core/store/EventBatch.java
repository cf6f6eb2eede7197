package vn.lachan.core.store;

import java.util.List;

/**
 * Carries a batch of events from the pipeline with the journal position that they reach.
 *
 * <p>The events hold consecutive journal positions in their order: the i-th of n is at {@code position
 * - n + i}. After a crash the pipeline replays the journal from the last durable position; a store
 * that committed part of a batch (one partition but not another) skips the events it already holds by
 * these positions, so that every event is stored exactly once.
 *
 * @param events the events, in journal order
 * @param position the pipeline's journal position after the last event of the batch (≥ 0); the store
 *     gives it back as durable once the batch is committed
 */
public record EventBatch(List<StoredEvent> events, long position) {
    public EventBatch {
        events = List.copyOf(events);
        if (position < 0) {
            throw new IllegalArgumentException("a journal position is >= 0, was " + position);
        }
    }
}
