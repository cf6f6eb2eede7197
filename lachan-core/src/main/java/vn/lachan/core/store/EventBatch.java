package vn.lachan.core.store;

import java.util.List;

/**
 * Carries a batch of events from the pipeline with the journal position that they reach.
 *
 * @param events the events, in any order
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
