package vn.lachan.core.store;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Tells what is durable after a write: the journal position the pipeline may record as its checkpoint.
 *
 * @param position the journal position up to which every accepted event is on disk, or -1 when nothing
 *     was ever written
 * @param stored how many events of the batch were stored
 * @param rejected events of the batch that the store refused (for instance an event for a sealed
 *     partition), each with the reason; never dropped silently
 */
public record Checkpoint(long position, long stored, List<Problem> rejected) {
    public Checkpoint {
        rejected = List.copyOf(rejected);
        if (position < -1 || stored < 0) {
            throw new IllegalArgumentException("bad checkpoint: position " + position + ", stored " + stored);
        }
    }
}
