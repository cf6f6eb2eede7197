package vn.lachan.meta.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import vn.lachan.meta.internal.ColumnSealer;
import vn.lachan.security.identity.Credentials;

/** Reads and changes the credentials row of a user; every change is one atomic statement or transaction. */
final class CredentialRows {
    private static final String TABLE = "credentials";

    private final Jdbi jdbi;
    private final ColumnSealer sealer;

    CredentialRows(Jdbi jdbi, ColumnSealer sealer) {
        this.jdbi = jdbi;
        this.sealer = sealer;
    }

    // NullAway does not see the type-use @Nullable of Credentials' byte[] parameter in the compiled
    // security module, though the parameter is nullable there.
    @SuppressWarnings("NullAway")
    Optional<Credentials> read(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select password_hash, totp_secret, last_totp_step,"
                        + " failed_attempts, locked_until, password_changed_at from credentials where user_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Credentials(
                        rs.getString("password_hash"),
                        sealer.openBytes(rs.getBytes("totp_secret"), TABLE, "totp_secret", id),
                        rs.getLong("last_totp_step"),
                        rs.getInt("failed_attempts"),
                        UserRows.nullableInstant(rs, "locked_until"),
                        UserRows.nullableInstant(rs, "password_changed_at")))
                .findOne());
    }

    boolean setPasswordHash(UUID id, String hash, Instant at) {
        return update(
                id,
                "password_hash = :hash, password_changed_at = :at",
                u -> u.bind("hash", hash).bindByType("at", at, Instant.class));
    }

    boolean setTotpSecret(UUID id, byte @Nullable [] secret) {
        byte[] sealed = secret == null ? null : sealer.seal(secret, TABLE, "totp_secret", id);
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate(
                            "update credentials set totp_secret = :secret, last_totp_step = -1 where user_id = :id")
                    .bind("secret", sealed)
                    .bind("id", id)
                    .execute();
            deleteRecoveryCodes(h, id);
            return changed == 1;
        });
    }

    boolean acceptTotpStep(UUID id, long step) {
        return jdbi.withHandle(h -> h.createUpdate("update credentials set last_totp_step = :step"
                                + " where user_id = :id and last_totp_step < :step")
                        .bind("step", step)
                        .bind("id", id)
                        .execute()
                == 1);
    }

    int addFailedAttempt(UUID id) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate(
                            "update credentials set failed_attempts = failed_attempts + 1 where user_id = :id")
                    .bind("id", id)
                    .execute();
            if (changed == 0) {
                return 0;
            }
            return h.createQuery("select failed_attempts from credentials where user_id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one();
        });
    }

    boolean setLockedUntil(UUID id, @Nullable Instant until) {
        return update(id, "locked_until = :until", u -> u.bindByType("until", until, Instant.class));
    }

    boolean clearFailedAttempts(UUID id) {
        return update(id, "failed_attempts = 0, locked_until = null", u -> {});
    }

    boolean replaceRecoveryCodes(UUID id, Set<String> hashes) {
        return jdbi.inTransaction(h -> {
            if (!exists(h, id)) {
                return false;
            }
            deleteRecoveryCodes(h, id);
            var batch = h.prepareBatch("insert into recovery_codes (user_id, code_hash) values (:id, :hash)");
            for (String hash : hashes) {
                batch.bind("id", id).bind("hash", hash).add();
            }
            if (!hashes.isEmpty()) {
                batch.execute();
            }
            return true;
        });
    }

    boolean consumeRecoveryCode(UUID id, String hash) {
        return jdbi.withHandle(
                h -> h.createUpdate("delete from recovery_codes where user_id = :id and code_hash = :hash")
                                .bind("id", id)
                                .bind("hash", hash)
                                .execute()
                        == 1);
    }

    int recoveryCodesLeft(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from recovery_codes where user_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
    }

    private static boolean exists(Handle h, UUID id) {
        return h.createQuery("select count(*) from credentials where user_id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    private static void deleteRecoveryCodes(Handle h, UUID id) {
        h.createUpdate("delete from recovery_codes where user_id = :id")
                .bind("id", id)
                .execute();
    }

    private boolean update(UUID id, String set, Consumer<Update> bindings) {
        return jdbi.withHandle(h -> {
            Update update = h.createUpdate("update credentials set " + set + " where user_id = :id")
                    .bind("id", id);
            bindings.accept(update);
            return update.execute() == 1;
        });
    }
}
