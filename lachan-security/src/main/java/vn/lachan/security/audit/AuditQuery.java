package vn.lachan.security.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Selects audit records, in sequence order; every null field lets everything through.
 *
 * @param after only records with a greater sequence (the cursor of the previous page); 0 for the first page
 * @param from only records at or after this time
 * @param to only records before this time
 * @param actor only records of this actor, exactly (e.g. {@code user:an.nguyen})
 * @param action only records of this action, exactly, or of every action starting with the text before a
 *     final {@code *} (e.g. {@code user.*})
 * @param outcome only records with this outcome
 * @param target only records about this target, exactly
 * @param organizations only records about one of these organizations (records about none are left out), or
 *     null for every record
 * @param limit the most records to return, 1 to 1000
 */
public record AuditQuery(
        long after,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String actor,
        @Nullable String action,
        @Nullable Outcome outcome,
        @Nullable String target,
        @Nullable Set<UUID> organizations,
        int limit) {
    public AuditQuery {
        if (after < 0) {
            throw new IllegalArgumentException("after is a sequence, 0 or more: " + after);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a page holds 1 to 1000 records, not " + limit);
        }
        organizations = organizations == null ? null : Set.copyOf(organizations);
    }

    /** Returns whether a record passes every filter but the limit. */
    public boolean matches(AuditRecord r) {
        String a = action;
        boolean actionMatches = a == null
                || (a.endsWith("*")
                        ? r.action().startsWith(a.substring(0, a.length() - 1))
                        : r.action().equals(a));
        return r.sequence() > after
                && (from == null || !r.time().isBefore(from))
                && (to == null || r.time().isBefore(to))
                && (actor == null || actor.equals(r.actor()))
                && actionMatches
                && (outcome == null || outcome == r.outcome())
                && (target == null || target.equals(r.target()))
                && (organizations == null || (r.organization() != null && organizations.contains(r.organization())));
    }
}
