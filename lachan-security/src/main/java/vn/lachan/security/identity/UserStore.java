package vn.lachan.security.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.access.OrganizationFilter;
import vn.lachan.security.access.Role;

/**
 * Stores user accounts and their credentials (a port: the metadata database implements it).
 *
 * <p>Implementations must be thread-safe and make each method atomic. Usernames are unique; the
 * values given are already normalized, so a plain unique index on the column is enough. The e-mail
 * address and the TOTP secret are encrypted at rest by the implementation; recovery codes and
 * password hashes arrive already hashed. Methods naming an unknown user id change nothing and
 * return the "nothing happened" value (false, 0, empty).
 */
public interface UserStore {

    /** Stores a new account with empty {@link Credentials}; returns false when the username is taken. */
    boolean create(UserAccount account);

    /** Returns the account with this id. */
    Optional<UserAccount> byId(UUID id);

    /** Returns the account with this (normalized) username. */
    Optional<UserAccount> byUsername(String username);

    /** Returns the accounts whose home organization passes the filter, ordered by username. */
    List<UserAccount> list(OrganizationFilter organizations);

    /**
     * Replaces the display name, e-mail address, organization, roles and status of an account with those of
     * {@code account} (matched by id; username and created time stay) in one transaction; returns false for
     * an unknown id.
     */
    boolean update(UserAccount account);

    /** Replaces the roles of an account and sets its updated time; returns false for an unknown id. */
    boolean updateRoles(UUID id, Set<Role> roles, Instant at);

    /** Sets the status of an account and its updated time; returns false for an unknown id. */
    boolean updateStatus(UUID id, UserStatus status, Instant at);

    /** Returns the credentials of an account. */
    Optional<Credentials> credentials(UUID id);

    /** Sets the password hash (PHC string) and the time it changed. */
    boolean setPasswordHash(UUID id, String passwordHash, Instant at);

    /**
     * Sets the TOTP secret, or clears it when {@code secret} is null (MFA reset); either way resets
     * the last accepted step to -1 and removes every recovery code.
     */
    boolean setTotpSecret(UUID id, byte @Nullable [] secret);

    /**
     * Records that the code of time step {@code step} was accepted, if and only if {@code step} is
     * greater than the last accepted step ({@code UPDATE … SET last_totp_step = ? WHERE id = ? AND
     * last_totp_step < ?}); returns false when it is not, so a replayed code is refused even across
     * nodes.
     */
    boolean acceptTotpStep(UUID id, long step);

    /** Adds one failed attempt and returns the new count, or 0 for an unknown id. */
    int addFailedAttempt(UUID id);

    /** Sets or, with null, clears the end of a temporary lockout. */
    boolean setLockedUntil(UUID id, @Nullable Instant until);

    /** Sets the failed attempts to zero and clears the lockout (after a successful sign-in). */
    boolean clearFailedAttempts(UUID id);

    /** Replaces the user's recovery codes by these hashes (hex SHA-256, see the mfa package). */
    boolean replaceRecoveryCodes(UUID id, Set<String> codeHashes);

    /** Removes one recovery code hash; returns true only when it was there, so each code works once. */
    boolean consumeRecoveryCode(UUID id, String codeHash);

    /** Returns how many unused recovery codes the user has left. */
    int recoveryCodesLeft(UUID id);
}
