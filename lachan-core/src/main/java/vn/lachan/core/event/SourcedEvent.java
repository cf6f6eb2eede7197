package vn.lachan.core.event;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds one event as read from an input, with the place it was read from and, where the input is text,
 * its original text.
 *
 * <p>{@code fields} is a JSON-like tree: values are {@link String}, {@link Long}, {@link Double},
 * {@link java.math.BigInteger}, {@link Boolean}, {@link java.util.List} of values, nested {@code
 * Map<String, Object>}, or Java {@code null} for a JSON null (a key that is absent is a missing
 * field). The map is owned by the event: nobody mutates it after construction.
 *
 * @param source the input the event came from: a file path as given on the command line or found
 *     in a folder, an archive member written {@code archive.zip!/member.json}, or an input name
 * @param index the event's position in that source, counted from 0
 * @param fields the event's fields
 * @param raw the event's text exactly as it stood in the input (a JSON line without its line break, the
 *     span of a JSON value in a document), or null when the input has no text form (an EVTX record)
 *     or its reader was not asked to keep it
 */
public record SourcedEvent(
        String source,
        long index,
        Map<String, @Nullable Object> fields,
        @Nullable String raw) {
    // An explicit canonical constructor, not a compact one: javac does not write the type-use
    // annotation of a compact constructor's generic parameter into the class file, so NullAway
    // in other modules would read Map<String, Object> and reject events with JSON nulls.
    public SourcedEvent(String source, long index, Map<String, @Nullable Object> fields, @Nullable String raw) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fields, "fields");
        if (index < 0) {
            throw new IllegalArgumentException("event index must be >= 0, was " + index);
        }
        this.source = source;
        this.index = index;
        this.fields = fields;
        this.raw = raw;
    }

    /** Creates an event with no original text (see {@link #raw()}). */
    public SourcedEvent(String source, long index, Map<String, @Nullable Object> fields) {
        this(source, index, fields, null);
    }
}
