package vn.lachan.core.store;

import java.util.List;
import vn.lachan.core.problem.Problem;

/**
 * Tells what is durable after a write: the journal position the pipeline may record as its checkpoint.
 *
 * @param position the journal position up to which every accepted event is on disk, or -1 when nothing
 *     was ever written
 * @param stored how many events of the batch were stored
 * @param rejected events of the batch that the store refused, each with the reason; never dropped
 *     silently (the embedded store refuses none: a sealed day takes late events into a late partition)
 * @param skipped how many events of the batch the store already held (a batch replayed after a crash
 *     between the commits of two partitions) and left out, so that each is stored exactly once
 */
public record Checkpoint(long position, long stored, List<Problem> rejected, long skipped) {
    public Checkpoint {
        rejected = List.copyOf(rejected);
        if (position < -1 || stored < 0 || skipped < 0) {
            throw new IllegalArgumentException(
                    "bad checkpoint: position " + position + ", stored " + stored + ", skipped " + skipped);
        }
    }

    /** Returns a checkpoint of a batch of which no event was already stored. */
    public Checkpoint(long position, long stored, List<Problem> rejected) {
        this(position, stored, rejected, 0);
    }
}
