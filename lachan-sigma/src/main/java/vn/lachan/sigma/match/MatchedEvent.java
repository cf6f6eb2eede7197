package vn.lachan.sigma.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.sigma.logsource.TimestampField;

/**
 * Gives what a match needs downstream (correlation, alerts): the event, its time and its fields
 * read under the matching rule's field names (through the event's layout and the rule's log-source
 * renames). Immutable after construction; safe to hand to other threads.
 */
public final class MatchedEvent {
    private final SourcedEvent source;
    private final EventView view;
    private final Map<String, String> renames;
    private final @Nullable Instant timestamp;

    MatchedEvent(SourcedEvent source, FieldReader reader, Map<String, String> renames, List<TimestampField> times) {
        this.source = source;
        this.view = new EventView(reader);
        this.view.bind(source.fields());
        this.renames = renames;
        this.timestamp = timestamp(times);
    }

    private @Nullable Instant timestamp(List<TimestampField> times) {
        for (TimestampField time : times) {
            Object value = view.get(time.field());
            if (value != Values.MISSING) {
                Instant instant = TimeParser.parse(value, time.formats());
                if (instant != null) {
                    return instant;
                }
            }
        }
        return null;
    }

    /** Returns the event as read. */
    public SourcedEvent source() {
        return source;
    }

    /** Returns the event time from the first timestamp field that parses, or null when none does. */
    public @Nullable Instant timestamp() {
        return timestamp;
    }

    /**
     * Returns the value of a field named as the rule names it (a string, number, boolean, list or
     * map), or null when the field is absent or JSON null.
     */
    public @Nullable Object field(String name) {
        Object value = view.get(renames.getOrDefault(name, name));
        return value == Values.MISSING ? null : value;
    }

    @Override
    public String toString() {
        return "MatchedEvent[" + source.source() + " #" + source.index() + ", " + timestamp + "]";
    }
}
