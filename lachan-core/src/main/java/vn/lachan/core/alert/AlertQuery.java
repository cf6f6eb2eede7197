package vn.lachan.core.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Asks for one page of alerts, newest ({@code lastSeen}) first; every filter that is null or empty
 * matches everything.
 *
 * @param from the earliest {@code lastSeen} included
 * @param to the latest {@code lastSeen} excluded
 * @param ruleId only alerts of this rule
 * @param levels only alerts of these levels
 * @param host only alerts whose {@code host.name} entity is this (case-insensitive)
 * @param organization only alerts of this organization
 * @param size the page size, 1 to 1000
 * @param cursor the {@link AlertPage#nextCursor()} of the previous page, or null for the first page
 * @param organizations only alerts of these organization codes (tenancy: what the caller may see), or
 *     null for every organization; an empty set matches nothing
 */
public record AlertQuery(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String ruleId,
        Set<AlertLevel> levels,
        @Nullable String host,
        @Nullable String organization,
        int size,
        @Nullable String cursor,
        @Nullable Set<String> organizations) {
    /** The largest page a query may ask for. */
    public static final int MAX_SIZE = 1000;

    public AlertQuery {
        levels = Set.copyOf(Objects.requireNonNull(levels, "levels"));
        organizations = organizations == null ? null : Set.copyOf(organizations);
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_SIZE + ", was " + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
    }

    /** Creates a query over every organization. */
    public AlertQuery(
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable String ruleId,
            Set<AlertLevel> levels,
            @Nullable String host,
            @Nullable String organization,
            int size,
            @Nullable String cursor) {
        this(from, to, ruleId, levels, host, organization, size, cursor, null);
    }

    /** Returns whether an alert of {@code organizationCode} passes the tenancy restriction. */
    public boolean allows(String organizationCode) {
        return organizations == null || organizations.contains(organizationCode);
    }
}
