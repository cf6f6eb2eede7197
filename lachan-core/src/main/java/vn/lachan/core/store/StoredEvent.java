package vn.lachan.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds one event as the store keeps it: its id, time, owner and fields, and the original text.
 *
 * @param id the time-ordered unique id
 * @param time the event time ({@code @timestamp})
 * @param organization the organization that owns the event (đơn vị), without {@code /}
 * @param system the information system it came from (hệ thống thông tin), whose security level decides
 *     its retention
 * @param fields the normalized fields, a JSON-like tree as in {@link vn.lachan.core.event.SourcedEvent}
 * @param raw the original event text, kept as it arrived
 */
public record StoredEvent(
        EventId id,
        Instant time,
        String organization,
        String system,
        Map<String, @Nullable Object> fields,
        String raw) {
    // Explicit canonical constructor: see SourcedEvent on type-use annotations of generic parameters.
    public StoredEvent(
            EventId id,
            Instant time,
            String organization,
            String system,
            Map<String, @Nullable Object> fields,
            String raw) {
        this.id = Objects.requireNonNull(id, "id");
        this.time = Objects.requireNonNull(time, "time");
        this.organization = requireName(organization, "organization");
        if (organization.indexOf('/') >= 0) {
            throw new IllegalArgumentException("an organization name holds no '/': " + organization);
        }
        this.system = requireName(system, "system");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.raw = Objects.requireNonNull(raw, "raw");
        if (id.time().toEpochMilli() != time.toEpochMilli()) {
            throw new IllegalArgumentException("id " + id + " carries time " + id.time() + ", not " + time);
        }
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a stored event needs an " + what);
        }
        return value;
    }
}
