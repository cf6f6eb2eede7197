package vn.lachan.meta.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;
import vn.lachan.meta.MetaDatabase;
import vn.lachan.meta.internal.ColumnSealer;
import vn.lachan.meta.internal.SqlStates;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Role;
import vn.lachan.security.crypto.Sealer;
import vn.lachan.security.identity.Credentials;
import vn.lachan.security.identity.UserAccount;
import vn.lachan.security.identity.UserStatus;
import vn.lachan.security.identity.UserStore;

/**
 * Stores user accounts, roles and credentials in the metadata database.
 *
 * <p>Thread-safe; each method is one transaction. The display name, the email and the TOTP secret
 * are sealed under {@code users.display_name:<id>}, {@code users.email:<id>} and {@code
 * credentials.totp_secret:<id>}; password hashes and recovery code hashes are stored as given.
 */
public final class JdbcUserStore implements UserStore {
    private final Jdbi jdbi;
    private final ColumnSealer sealer;
    private final UserRows rows;
    private final CredentialRows credentials;

    /** Creates the store over an open database, sealing personal data and secrets with {@code sealer}. */
    public JdbcUserStore(MetaDatabase database, Sealer sealer) {
        this.jdbi = database.jdbi();
        this.sealer = new ColumnSealer(sealer);
        this.rows = new UserRows(this.sealer);
        this.credentials = new CredentialRows(jdbi, this.sealer);
    }

    @Override
    public boolean create(UserAccount account) {
        try {
            jdbi.useTransaction(h -> insert(h, account));
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isDuplicate(e)) {
                return false;
            }
            if (SqlStates.isMissingReference(e)) {
                throw new IllegalArgumentException(
                        "user " + account.username() + ": no organization has id " + account.organization(), e);
            }
            throw e;
        }
    }

    private void insert(Handle h, UserAccount account) {
        UUID id = account.id();
        h.createUpdate("insert into users (id, username, display_name, email, organization_id, status,"
                        + " created_at, updated_at) values (:id, :username, :displayName, :email, :org, :status,"
                        + " :created, :updated)")
                .bind("id", id)
                .bind("username", account.username())
                .bind("displayName", sealer.sealText(account.displayName(), UserRows.TABLE, "display_name", id))
                .bind("email", sealer.sealText(account.email(), UserRows.TABLE, "email", id))
                .bind("org", account.organization())
                .bind("status", account.status().name())
                .bind("created", account.created())
                .bind("updated", account.updated())
                .execute();
        insertRoles(h, id, account.roles());
        h.createUpdate("insert into credentials (user_id) values (:id)")
                .bind("id", id)
                .execute();
    }

    private static void insertRoles(Handle h, UUID id, Set<Role> roles) {
        var batch = h.prepareBatch("insert into user_roles (user_id, role) values (:id, :role)");
        for (Role role : roles) {
            batch.bind("id", id).bind("role", role.name()).add();
        }
        if (!roles.isEmpty()) {
            batch.execute();
        }
    }

    @Override
    public Optional<UserAccount> byId(UUID id) {
        return jdbi.withHandle(h -> rows.select(h, "where u.id = :id", q -> q.bind("id", id)).stream()
                .findFirst());
    }

    @Override
    public Optional<UserAccount> byUsername(String username) {
        return jdbi.withHandle(h -> rows.select(h, "where u.username = :name", q -> q.bind("name", username)).stream()
                .findFirst());
    }

    @Override
    public List<UserAccount> list(OrganizationFilter organizations) {
        return switch (organizations) {
            case OrganizationFilter.All all -> jdbi.withHandle(h -> rows.select(h, "", q -> {}));
            case OrganizationFilter.Only only when only.organizations().isEmpty() -> List.of();
            case OrganizationFilter.Only only ->
                jdbi.withHandle(h -> rows.select(
                        h,
                        "where u.organization_id in (<orgs>)",
                        q -> q.bindList("orgs", List.copyOf(only.organizations()))));
        };
    }

    @Override
    public boolean update(UserAccount account) {
        UUID id = account.id();
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("update users set display_name = :displayName, email = :email,"
                            + " organization_id = :org, status = :status, updated_at = :at where id = :id")
                    .bind("displayName", sealer.sealText(account.displayName(), UserRows.TABLE, "display_name", id))
                    .bind("email", sealer.sealText(account.email(), UserRows.TABLE, "email", id))
                    .bind("org", account.organization())
                    .bind("status", account.status().name())
                    .bind("at", account.updated())
                    .bind("id", id)
                    .execute();
            if (changed == 0) {
                return false;
            }
            h.createUpdate("delete from user_roles where user_id = :id")
                    .bind("id", id)
                    .execute();
            insertRoles(h, id, account.roles());
            return true;
        });
    }

    @Override
    public boolean updateRoles(UUID id, Set<Role> roles, Instant at) {
        return jdbi.inTransaction(h -> {
            if (touch(h, id, at) == 0) {
                return false;
            }
            h.createUpdate("delete from user_roles where user_id = :id")
                    .bind("id", id)
                    .execute();
            insertRoles(h, id, roles);
            return true;
        });
    }

    @Override
    public boolean updateStatus(UUID id, UserStatus status, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update users set status = :status, updated_at = :at where id = :id")
                        .bind("status", status.name())
                        .bind("at", at)
                        .bind("id", id)
                        .execute()
                == 1);
    }

    private static int touch(Handle h, UUID id, Instant at) {
        return h.createUpdate("update users set updated_at = :at where id = :id")
                .bind("at", at)
                .bind("id", id)
                .execute();
    }

    @Override
    public Optional<Credentials> credentials(UUID id) {
        return credentials.read(id);
    }

    @Override
    public boolean setPasswordHash(UUID id, String passwordHash, Instant at) {
        return credentials.setPasswordHash(id, passwordHash, at);
    }

    @Override
    public boolean setTotpSecret(UUID id, byte @Nullable [] secret) {
        return credentials.setTotpSecret(id, secret);
    }

    @Override
    public boolean acceptTotpStep(UUID id, long step) {
        return credentials.acceptTotpStep(id, step);
    }

    @Override
    public int addFailedAttempt(UUID id) {
        return credentials.addFailedAttempt(id);
    }

    @Override
    public boolean setLockedUntil(UUID id, @Nullable Instant until) {
        return credentials.setLockedUntil(id, until);
    }

    @Override
    public boolean clearFailedAttempts(UUID id) {
        return credentials.clearFailedAttempts(id);
    }

    @Override
    public boolean replaceRecoveryCodes(UUID id, Set<String> codeHashes) {
        return credentials.replaceRecoveryCodes(id, codeHashes);
    }

    @Override
    public boolean consumeRecoveryCode(UUID id, String codeHash) {
        return credentials.consumeRecoveryCode(id, codeHash);
    }

    @Override
    public int recoveryCodesLeft(UUID id) {
        return credentials.recoveryCodesLeft(id);
    }
}
