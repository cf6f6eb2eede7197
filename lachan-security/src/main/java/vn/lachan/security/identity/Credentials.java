package vn.lachan.security.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Holds what a user proves their identity with and the state of failed attempts.
 *
 * @param passwordHash the Argon2id hash in PHC string form, or null when no password is set
 * @param totpSecret the TOTP secret (20 bytes), or null when no second factor is enrolled; plain
 *     bytes at the port, the store encrypts them at rest
 * @param lastTotpStep the last time step whose code was accepted (replays of it and earlier steps
 *     are refused), or -1 when none was
 * @param failedAttempts the failed sign-in attempts since the last success
 * @param lockedUntil the end of a temporary lockout, or null when the account is not locked
 * @param passwordChanged when the password was last set, or null when it never was
 */
public record Credentials(
        @Nullable String passwordHash,
        byte @Nullable [] totpSecret,
        long lastTotpStep,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        @Nullable Instant passwordChanged) {

    public Credentials(
            @Nullable String passwordHash,
            byte @Nullable [] totpSecret,
            long lastTotpStep,
            int failedAttempts,
            @Nullable Instant lockedUntil,
            @Nullable Instant passwordChanged) {
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failed attempts below zero: " + failedAttempts);
        }
        this.passwordHash = passwordHash;
        this.totpSecret = totpSecret == null ? null : totpSecret.clone();
        this.lastTotpStep = lastTotpStep;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.passwordChanged = passwordChanged;
    }

    /** Returns credentials with nothing set, as for a new account. */
    public static Credentials none() {
        return new Credentials(null, null, -1, 0, null, null);
    }

    /** Returns a copy of the TOTP secret, or null when none is enrolled. */
    @Override
    public byte @Nullable [] totpSecret() {
        return totpSecret == null ? null : totpSecret.clone();
    }
}
