package vn.lachan.sigma;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Points at an event behind an alert.
 *
 * @param source the input the event came from, as in {@code SourcedEvent.source()}
 * @param index the event's position in that source, from 0
 * @param time the event's time, when it has one
 */
public record EventRef(String source, long index, @Nullable Instant time) {
    public EventRef {
        Objects.requireNonNull(source, "source");
        if (index < 0) {
            throw new IllegalArgumentException("event index must be >= 0, was " + index);
        }
    }
}
