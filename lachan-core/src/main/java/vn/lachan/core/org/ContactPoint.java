package vn.lachan.core.org;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Describes one contact point of an organization as it was set at one moment; the history of a
 * contact point is the list of these, newest first.
 *
 * @param organization the organization's id
 * @param type which contact point
 * @param details the person and how to reach them
 * @param changedAt when this version was set (UTC)
 * @param changedBy who set it (a user name, a token name or {@code "cli"})
 */
public record ContactPoint(
        UUID organization, ContactType type, ContactDetails details, Instant changedAt, String changedBy) {
    /** How long after a change the coordinator must be told (TT 20/2017 Đ6.1.b: 24 hours). */
    public static final Duration REPORT_WITHIN = Duration.ofHours(24);

    public ContactPoint {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(changedAt, "changedAt");
        changedBy = Names.text("changedBy", changedBy, 200);
    }

    /** Returns the moment by which this change must be reported to the coordinator. */
    public Instant reportDue() {
        return changedAt.plus(REPORT_WITHIN);
    }
}
