package vn.lachan.meta.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.internal.ColumnSealer;
import vn.lachan.meta.internal.SqlStates;
import vn.lachan.security.crypto.Sealer;
import vn.lachan.security.passkey.Passkey;
import vn.lachan.security.passkey.PasskeyStore;

/**
 * Stores passkeys in the metadata database, keyed by the credential id in base64url; the user-given name is
 * sealed under {@code passkeys.name:<credential id>}.
 *
 * <p>Thread-safe; each method one statement.
 */
public final class JdbcPasskeyStore implements PasskeyStore {
    private static final String TABLE = "passkeys";
    private static final String COLUMNS = "credential_id, user_id, user_handle, public_key, signature_count,"
            + " transports, backup_eligible, backup_state, name, created_at, last_used_at";

    private final Jdbi jdbi;
    private final ColumnSealer sealer;

    /** Creates the store over an open database, sealing names with {@code sealer}. */
    public JdbcPasskeyStore(MetaDatabase database, Sealer sealer) {
        this.jdbi = database.jdbi();
        this.sealer = new ColumnSealer(sealer);
    }

    @Override
    public boolean add(Passkey p) {
        String id = p.id();
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into passkeys (" + COLUMNS + ") values (:id, :user, :handle,"
                            + " :key, :count, :transports, :eligible, :state, :name, :created, :lastUsed)")
                    .bind("id", id)
                    .bind("user", p.user())
                    .bind("handle", encode(p.userHandle()))
                    .bind("key", p.publicKey())
                    .bind("count", p.signatureCount())
                    .bind(
                            "transports",
                            String.join(",", p.transports().stream().sorted().toList()))
                    .bind("eligible", p.backupEligible())
                    .bind("state", p.backupState())
                    .bind("name", sealer.sealText(p.name(), TABLE, "name", id))
                    .bind("created", p.created())
                    .bind("lastUsed", p.lastUsed())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isDuplicate(e) || SqlStates.isMissingReference(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Passkey> byCredentialId(byte[] credentialId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from passkeys where credential_id = :id")
                .bind("id", encode(credentialId))
                .map((rs, ctx) -> passkey(rs))
                .findOne());
    }

    @Override
    public List<Passkey> byUser(UUID user) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from passkeys where user_id = :user order by created_at, credential_id")
                .bind("user", user)
                .map((rs, ctx) -> passkey(rs))
                .list());
    }

    @Override
    public Optional<UUID> userByHandle(byte[] userHandle) {
        return jdbi.withHandle(h -> h.createQuery("select distinct user_id from passkeys where user_handle = :handle")
                .bind("handle", encode(userHandle))
                .mapTo(UUID.class)
                .findFirst());
    }

    @Override
    public boolean recordUse(byte[] credentialId, long expectedCount, long newCount, boolean backupState, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "update passkeys set signature_count = :count, backup_state ="
                                        + " :state, last_used_at = :at where credential_id = :id and signature_count = :expected")
                        .bind("count", newCount)
                        .bind("state", backupState)
                        .bind("at", at)
                        .bind("id", encode(credentialId))
                        .bind("expected", expectedCount)
                        .execute()
                == 1);
    }

    @Override
    public boolean remove(UUID user, byte[] credentialId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from passkeys where user_id = :user and credential_id = :id")
                        .bind("user", user)
                        .bind("id", encode(credentialId))
                        .execute()
                == 1);
    }

    @Override
    public int removeAll(UUID user) {
        return jdbi.withHandle(h -> h.createUpdate("delete from passkeys where user_id = :user")
                .bind("user", user)
                .execute());
    }

    private Passkey passkey(ResultSet rs) throws SQLException {
        String id = rs.getString("credential_id");
        String transports = rs.getString("transports");
        OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
        return new Passkey(
                Base64.getUrlDecoder().decode(id),
                rs.getObject("user_id", UUID.class),
                Base64.getUrlDecoder().decode(rs.getString("user_handle")),
                rs.getBytes("public_key"),
                rs.getLong("signature_count"),
                transports.isEmpty()
                        ? Set.of()
                        : Arrays.stream(transports.split(",")).collect(Collectors.toSet()),
                rs.getBoolean("backup_eligible"),
                rs.getBoolean("backup_state"),
                sealer.openRequiredText(rs.getBytes("name"), TABLE, "name", id),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
