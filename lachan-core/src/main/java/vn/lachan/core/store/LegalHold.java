package vn.lachan.core.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Prevents deletion of events in a time range, of a system, or both (an investigation, a court order).
 *
 * @param reason why, for the record
 * @param from the first instant held, or null for the beginning of time
 * @param to the first instant not held, or null for the end of time
 * @param system the {@code organization/system} key held, or null for every system
 */
public record LegalHold(
        String reason,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String system) {
    public LegalHold {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a legal hold needs a reason");
        }
        if (from == null && to == null && system == null) {
            throw new IllegalArgumentException("a legal hold names a time range, a system or both: " + reason);
        }
    }

    /** Returns whether the hold covers any part of {@code [start, end)} holding {@code systems}. */
    public boolean covers(Instant start, Instant end, java.util.Set<String> systems) {
        boolean inTime = (from == null || from.isBefore(end)) && (to == null || to.isAfter(start));
        return inTime && (system == null || systems.contains(system));
    }
}
