package vn.lachan.meta.sso;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.internal.SqlStates;
import vn.lachan.security.sso.IdentityLinks;

/**
 * Stores single sign-on links in the table {@code identity_links}: the primary key (issuer, subject) makes an
 * identity belong to one account at most, even when two sign-ins race. Deleting an account deletes its links.
 * Thread-safe.
 */
public final class JdbcIdentityLinks implements IdentityLinks {
    private static final String COLUMNS = "issuer, subject, user_id, provider, created_at, last_sign_in_at";

    private final Jdbi jdbi;

    /** Creates the store over an open database. */
    public JdbcIdentityLinks(MetaDatabase database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<UUID> user(String issuer, String subject) {
        return jdbi.withHandle(
                h -> h.createQuery("select user_id from identity_links where issuer = :issuer and subject = :subject")
                        .bind("issuer", issuer)
                        .bind("subject", subject)
                        .mapTo(UUID.class)
                        .findOne());
    }

    @Override
    public boolean link(Link link) {
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into identity_links (" + COLUMNS
                            + ") values (:issuer, :subject, :user, :provider, :created, :last)")
                    .bind("issuer", link.issuer())
                    .bind("subject", link.subject())
                    .bind("user", link.user())
                    .bind("provider", link.provider())
                    .bind("created", link.created())
                    .bind("last", link.lastSignIn())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean touch(String issuer, String subject, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update identity_links set last_sign_in_at = :at"
                                + " where issuer = :issuer and subject = :subject")
                        .bind("at", at)
                        .bind("issuer", issuer)
                        .bind("subject", subject)
                        .execute())
                > 0;
    }

    @Override
    public List<Link> of(UUID user) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from identity_links where user_id = :user order by created_at, issuer, subject")
                .bind("user", user)
                .map((rs, ctx) -> link(rs))
                .list());
    }

    @Override
    public int unlinkAll(UUID user) {
        return jdbi.withHandle(h -> h.createUpdate("delete from identity_links where user_id = :user")
                .bind("user", user)
                .execute());
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(
                rs.getString("issuer"),
                rs.getString("subject"),
                rs.getObject("user_id", UUID.class),
                rs.getString("provider"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_sign_in_at", OffsetDateTime.class).toInstant());
    }
}
