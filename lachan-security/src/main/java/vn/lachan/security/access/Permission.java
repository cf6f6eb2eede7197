package vn.lachan.security.access;

/**
 * Names one thing a principal may do; roles and token scopes grant sets of them.
 *
 * <p>Every check goes through {@link AccessPolicy}; routes and services name the permission they
 * need and never test roles themselves.
 */
public enum Permission {
    /** Search and read stored events. */
    EVENTS_READ,
    /** Send events into the platform (ingest agents). */
    EVENTS_INGEST,
    /** Export events or search results out of the platform. */
    EVENTS_EXPORT,
    /** Read alerts. */
    ALERTS_READ,
    /** Acknowledge, comment on, close and escalate alerts. */
    ALERTS_WORK,
    /** Read incidents (cases). */
    CASES_READ,
    /** Open, update and close incidents (cases). */
    CASES_WORK,
    /** Assign alerts and cases to analysts and organizations. */
    ASSIGNMENTS_MANAGE,
    /** Read detection rules. */
    RULES_READ,
    /** Add, change, enable and disable detection rules. */
    RULES_MANAGE,
    /** Read dashboards. */
    DASHBOARDS_READ,
    /** Read and download reports. */
    REPORTS_READ,
    /** Read the audit trail. */
    AUDIT_READ,
    /** Read organizations and their contact points. */
    ORGANIZATIONS_READ,
    /** Create, move and rename organizations and change their contact points. */
    ORGANIZATIONS_MANAGE,
    /** Read user accounts. */
    USERS_READ,
    /** Create users, change their roles and status, reset their second factor. */
    USERS_MANAGE,
    /** Issue and revoke API tokens. */
    TOKENS_MANAGE,
    /** Scrape the platform's operational metrics ({@code GET /metrics}, Prometheus text format). */
    METRICS_READ,
    /** Change platform settings, keys and backups. */
    PLATFORM_MANAGE
}
