package vn.lachan.security.access;

import static vn.lachan.security.access.Permission.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Narrows what an API token may do below the permissions of its role.
 *
 * <p>A token's effective permissions are those of its role that one of its scopes also names.
 */
public enum Scope {
    /** {@code ingest}: send events. */
    INGEST("ingest", EnumSet.of(EVENTS_INGEST)),
    /** {@code events:read}: search and read events. */
    EVENTS_READ("events:read", EnumSet.of(Permission.EVENTS_READ)),
    /** {@code alerts:read}: read alerts. */
    ALERTS_READ("alerts:read", EnumSet.of(Permission.ALERTS_READ)),
    /** {@code alerts:write}: work alerts. */
    ALERTS_WRITE("alerts:write", EnumSet.of(Permission.ALERTS_READ, ALERTS_WORK)),
    /** {@code cases:read}: read cases. */
    CASES_READ("cases:read", EnumSet.of(Permission.CASES_READ)),
    /** {@code cases:write}: work cases. */
    CASES_WRITE("cases:write", EnumSet.of(Permission.CASES_READ, CASES_WORK)),
    /** {@code audit:read}: read the audit trail. */
    AUDIT_READ("audit:read", EnumSet.of(Permission.AUDIT_READ)),
    /** {@code metrics:read}: scrape the operational metrics (a Prometheus server's token). */
    METRICS_READ("metrics:read", EnumSet.of(Permission.METRICS_READ)),
    /** {@code admin}: everything the token's role grants. */
    ADMIN("admin", EnumSet.allOf(Permission.class));

    private final String wireName;
    private final Set<Permission> permissions;

    Scope(String wireName, Set<Permission> permissions) {
        this.wireName = wireName;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** Returns the name used on the wire, in the CLI and in storage, e.g. {@code events:read}. */
    public String wireName() {
        return wireName;
    }

    /** Returns the permissions this scope lets through (unmodifiable). */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** Returns the scope with this wire name (case-insensitive), or empty when there is none. */
    public static Optional<Scope> fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.wireName.equals(wanted)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
