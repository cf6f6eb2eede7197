package vn.lachan.meta.org;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.lachan.core.org.ContactDetails;
import vn.lachan.core.org.ContactPoint;
import vn.lachan.core.org.ContactType;
import vn.lachan.core.org.Outcome;
import vn.lachan.meta.internal.ColumnSealer;
import vn.lachan.meta.internal.SqlStates;

/**
 * Stores contact points as numbered versions (the highest is current), sealing the full name,
 * address, phones and email under {@code contact_points.<column>:<organization>/<type>/<version>}.
 */
final class Contacts {
    private static final String TABLE = "contact_points";
    private static final String COLUMNS = "organization_id, contact_type, version, full_name, unit, position_title,"
            + " address, phone_fixed, phone_mobile, email, published_url, changed_at, changed_by";

    private final Jdbi jdbi;
    private final ColumnSealer sealer;
    private final Clock clock;

    Contacts(Jdbi jdbi, ColumnSealer sealer, Clock clock) {
        this.jdbi = jdbi;
        this.sealer = sealer;
        this.clock = clock;
    }

    Outcome<ContactPoint> set(UUID organization, ContactType type, ContactDetails details, String changedBy) {
        ContactPoint point = new ContactPoint(organization, type, details, clock.instant(), changedBy);
        try {
            return jdbi.inTransaction(h -> insert(h, point));
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isDuplicate(e)) {
                return new Outcome.Refused<>(
                        Outcome.Reason.CONFLICT,
                        "type",
                        "the " + type + " contact was changed at the same moment by someone else: reload and retry");
            }
            throw e;
        }
    }

    private Outcome<ContactPoint> insert(Handle h, ContactPoint point) {
        UUID org = point.organization();
        boolean exists = h.createQuery("select count(*) from organizations where id = :id")
                        .bind("id", org)
                        .mapTo(Integer.class)
                        .one()
                > 0;
        if (!exists) {
            return new Outcome.Refused<>(Outcome.Reason.NOT_FOUND, "organization", "no organization has id " + org);
        }
        int version = h.createQuery("select coalesce(max(version), 0) from contact_points"
                                + " where organization_id = :org and contact_type = :type")
                        .bind("org", org)
                        .bind("type", point.type().name())
                        .mapTo(Integer.class)
                        .one()
                + 1;
        String row = org + "/" + point.type() + "/" + version;
        ContactDetails d = point.details();
        h.createUpdate("insert into contact_points (" + COLUMNS + ") values (:org, :type, :version, :fullName,"
                        + " :unit, :position, :address, :phoneFixed, :phoneMobile, :email, :url, :at, :by)")
                .bind("org", org)
                .bind("type", point.type().name())
                .bind("version", version)
                .bind("fullName", sealer.sealText(d.fullName(), TABLE, "full_name", row))
                .bind("unit", d.unit())
                .bind("position", d.position())
                .bind("address", sealer.sealText(d.address(), TABLE, "address", row))
                .bind("phoneFixed", sealer.sealText(d.phoneFixed(), TABLE, "phone_fixed", row))
                .bind("phoneMobile", sealer.sealText(d.phoneMobile(), TABLE, "phone_mobile", row))
                .bind("email", sealer.sealText(d.email(), TABLE, "email", row))
                .bind("url", d.publishedUrl() == null ? null : d.publishedUrl().toString())
                .bind("at", point.changedAt())
                .bind("by", point.changedBy())
                .execute();
        return new Outcome.Done<>(point);
    }

    Optional<ContactPoint> current(UUID organization, ContactType type) {
        return history(organization, type, 1).stream().findFirst();
    }

    List<ContactPoint> history(UUID organization, ContactType type) {
        return history(organization, type, Integer.MAX_VALUE);
    }

    private List<ContactPoint> history(UUID organization, ContactType type, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from contact_points where organization_id"
                        + " = :org and contact_type = :type order by version desc")
                .bind("org", organization)
                .bind("type", type.name())
                .setMaxRows(limit)
                .map((rs, ctx) -> point(rs))
                .list());
    }

    private ContactPoint point(ResultSet rs) throws SQLException {
        UUID org = rs.getObject("organization_id", UUID.class);
        ContactType type = ContactType.valueOf(rs.getString("contact_type"));
        String row = org + "/" + type + "/" + rs.getInt("version");
        String url = rs.getString("published_url");
        ContactDetails details = new ContactDetails(
                sealer.openRequiredText(rs.getBytes("full_name"), TABLE, "full_name", row),
                rs.getString("unit"),
                rs.getString("position_title"),
                sealer.openText(rs.getBytes("address"), TABLE, "address", row),
                sealer.openText(rs.getBytes("phone_fixed"), TABLE, "phone_fixed", row),
                sealer.openRequiredText(rs.getBytes("phone_mobile"), TABLE, "phone_mobile", row),
                sealer.openRequiredText(rs.getBytes("email"), TABLE, "email", row),
                url == null ? null : URI.create(url));
        Instant at = rs.getObject("changed_at", java.time.OffsetDateTime.class).toInstant();
        return new ContactPoint(org, type, details, at, rs.getString("changed_by"));
    }
}
