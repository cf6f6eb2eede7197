package vn.lachan.security.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Describes one entry of the audit trail as stored: who did what, when, from where, with what
 * outcome, linked to the entry before it by hash.
 *
 * @param sequence the position in the trail, from 1, without gaps
 * @param time when it happened, truncated to microseconds so that SQL timestamps keep it exactly
 * @param actor who acted: {@code user:<username>}, {@code token:<name>}, {@code system} or, for a
 *     failed sign-in, the name that was typed
 * @param action what was done, dotted lower case, e.g. {@code signin.failure}, {@code user.roles}
 * @param target what it was done to (an id or a name), or null
 * @param organization the organization concerned, or null when none
 * @param sourceAddress the client address, or null when the action did not come over the network
 * @param outcome how it ended
 * @param details further facts as text, sorted by key (never secrets)
 * @param previousHash lower-case hex SHA-256 of the entry before, 64 zeros for the first
 * @param hash lower-case hex SHA-256 over this entry's canonical encoding and {@code previousHash}
 */
public record AuditRecord(
        long sequence,
        Instant time,
        String actor,
        String action,
        @Nullable String target,
        @Nullable UUID organization,
        @Nullable String sourceAddress,
        Outcome outcome,
        Map<String, String> details,
        String previousHash,
        String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (time.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("audit time must be truncated to microseconds: " + time);
        }
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }
}
