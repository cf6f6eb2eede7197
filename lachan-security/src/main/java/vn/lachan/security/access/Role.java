package vn.lachan.security.access;

import static vn.lachan.security.access.Permission.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Names a user's job on the platform and the permissions it grants.
 *
 * <p>The table below is the only place roles map to permissions. Which organizations a role
 * reaches is decided by {@link AccessPolicy} from the user's home organization, not by the role.
 */
public enum Role {
    /** Runs the platform: every permission, users and organizations included. */
    PLATFORM_ADMIN(true, EnumSet.allOf(Permission.class)),
    /** Leads the monitoring center: the analyst's work plus assignments, rules and the platform's metrics. */
    SOC_LEAD(
            true,
            EnumSet.of(
                    EVENTS_READ,
                    EVENTS_INGEST,
                    EVENTS_EXPORT,
                    ALERTS_READ,
                    ALERTS_WORK,
                    CASES_READ,
                    CASES_WORK,
                    ASSIGNMENTS_MANAGE,
                    RULES_READ,
                    RULES_MANAGE,
                    DASHBOARDS_READ,
                    REPORTS_READ,
                    ORGANIZATIONS_READ,
                    USERS_READ,
                    METRICS_READ)),
    /** Works events, alerts and cases across the province. */
    SOC_ANALYST(
            true,
            EnumSet.of(
                    EVENTS_READ,
                    EVENTS_INGEST,
                    ALERTS_READ,
                    ALERTS_WORK,
                    CASES_READ,
                    CASES_WORK,
                    RULES_READ,
                    DASHBOARDS_READ,
                    REPORTS_READ,
                    ORGANIZATIONS_READ)),
    /**
     * Cán bộ chuyên trách: reads and works events, alerts and cases of its own organization, and
     * may send its events (the role an organization's ingest token carries); manages its
     * organization's users, ingest tokens, units and contact points, never granting more than it
     * holds.
     */
    ORG_SECURITY_OFFICER(
            false,
            EnumSet.of(
                    EVENTS_READ,
                    EVENTS_INGEST,
                    ALERTS_READ,
                    ALERTS_WORK,
                    CASES_READ,
                    CASES_WORK,
                    DASHBOARDS_READ,
                    REPORTS_READ,
                    ORGANIZATIONS_READ,
                    ORGANIZATIONS_MANAGE,
                    USERS_READ,
                    USERS_MANAGE,
                    TOKENS_MANAGE)),
    /** Lãnh đạo đơn vị: reads dashboards and reports of its organization, nothing else. */
    ORG_LEADER(false, EnumSet.of(DASHBOARDS_READ, REPORTS_READ, ORGANIZATIONS_READ)),
    /** Reads everything it can see, the audit trail included, and changes nothing. */
    AUDITOR(
            false,
            EnumSet.of(
                    EVENTS_READ,
                    ALERTS_READ,
                    CASES_READ,
                    RULES_READ,
                    DASHBOARDS_READ,
                    REPORTS_READ,
                    AUDIT_READ,
                    ORGANIZATIONS_READ,
                    USERS_READ));

    private final boolean requiresSecondFactor;
    private final Set<Permission> permissions;

    Role(boolean requiresSecondFactor, Set<Permission> permissions) {
        this.requiresSecondFactor = requiresSecondFactor;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** Returns the permissions this role grants (unmodifiable). */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** Returns whether a user holding this role must sign in with a second factor. */
    public boolean requiresSecondFactor() {
        return requiresSecondFactor;
    }
}
