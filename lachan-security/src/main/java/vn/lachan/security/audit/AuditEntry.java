package vn.lachan.security.audit;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Describes what to append to the trail; {@link AuditTrail} adds the sequence, time and hashes.
 *
 * @param actor who acted (see {@link AuditRecord#actor()})
 * @param action what was done, dotted lower case
 * @param target what it was done to, or null
 * @param organization the organization concerned, or null
 * @param sourceAddress the client address, or null
 * @param outcome how it ended
 * @param details further facts (never secrets)
 */
public record AuditEntry(
        String actor,
        String action,
        @Nullable String target,
        @Nullable UUID organization,
        @Nullable String sourceAddress,
        Outcome outcome,
        Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = Map.copyOf(details);
    }
}
