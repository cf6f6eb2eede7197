package vn.lachan.meta.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.internal.ColumnSealer;
import vn.lachan.security.crypto.Sealer;
import vn.lachan.security.session.Session;
import vn.lachan.security.session.SessionStore;

/**
 * Stores browser sessions in the metadata database by the hash of their id; the client address is
 * personal data and sealed under {@code sessions.source_address:<id hash>}.
 *
 * <p>Thread-safe; each method one statement.
 */
public final class JdbcSessionStore implements SessionStore {
    private static final String COLUMNS = "id_hash, user_id, created_at, last_seen_at, source_address, user_agent";

    private final Jdbi jdbi;
    private final ColumnSealer sealer;

    /** Creates the store over an open database, sealing client addresses with {@code sealer}. */
    public JdbcSessionStore(MetaDatabase database, Sealer sealer) {
        this.jdbi = database.jdbi();
        this.sealer = new ColumnSealer(sealer);
    }

    @Override
    public void create(Session session) {
        jdbi.useHandle(h -> h.createUpdate("insert into sessions (" + COLUMNS
                        + ") values (:idHash, :user, :created, :lastSeen, :address, :userAgent)")
                .bind("idHash", session.idHash())
                .bind("user", session.user())
                .bind("created", session.created())
                .bind("lastSeen", session.lastSeen())
                .bind(
                        "address",
                        sealer.sealText(session.sourceAddress(), "sessions", "source_address", session.idHash()))
                .bind("userAgent", session.userAgent())
                .execute());
    }

    @Override
    public Optional<Session> byIdHash(String idHash) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from sessions where id_hash = :idHash")
                .bind("idHash", idHash)
                .map((rs, ctx) -> session(rs))
                .findOne());
    }

    @Override
    public List<Session> byUser(UUID user) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from sessions where user_id = :user order by created_at, id_hash")
                .bind("user", user)
                .map((rs, ctx) -> session(rs))
                .list());
    }

    @Override
    public boolean touch(String idHash, Instant lastSeen) {
        return jdbi.withHandle(h -> h.createUpdate("update sessions set last_seen_at = :at where id_hash = :idHash")
                        .bind("at", lastSeen)
                        .bind("idHash", idHash)
                        .execute()
                == 1);
    }

    @Override
    public boolean delete(String idHash) {
        return jdbi.withHandle(h -> h.createUpdate("delete from sessions where id_hash = :idHash")
                        .bind("idHash", idHash)
                        .execute()
                == 1);
    }

    @Override
    public int deleteByUser(UUID user) {
        return jdbi.withHandle(h -> h.createUpdate("delete from sessions where user_id = :user")
                .bind("user", user)
                .execute());
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) {
        return jdbi.withHandle(
                h -> h.createUpdate("delete from sessions where last_seen_at < :idle or created_at < :created")
                        .bind("idle", idleBefore)
                        .bind("created", createdBefore)
                        .execute());
    }

    private Session session(ResultSet rs) throws SQLException {
        String idHash = rs.getString("id_hash");
        return new Session(
                idHash,
                rs.getObject("user_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                sealer.openText(rs.getBytes("source_address"), "sessions", "source_address", idHash),
                rs.getString("user_agent"));
    }
}
