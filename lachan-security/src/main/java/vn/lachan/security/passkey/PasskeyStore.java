package vn.lachan.security.passkey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores passkeys (a port: the metadata database implements it; the WebAuthn credential repository of the
 * ceremonies reads through it).
 *
 * <p>Implementations must be thread-safe and make each method atomic. Credential ids are unique across all
 * users. The passkey's name is personal data and sealed at rest by the implementation; the public key is not
 * secret and is stored as is.
 */
public interface PasskeyStore {

    /**
     * Stores a new passkey; returns false when its credential id is already registered (to anyone) or the user
     * does not exist.
     */
    boolean add(Passkey passkey);

    /** Returns the passkey with this credential id. */
    Optional<Passkey> byCredentialId(byte[] credentialId);

    /** Returns the user's passkeys, oldest first. */
    List<Passkey> byUser(UUID user);

    /** Returns the user whose passkeys carry this user handle. */
    Optional<UUID> userByHandle(byte[] userHandle);

    /**
     * Records a sign-in with the passkey, if and only if its stored signature count is still {@code
     * expectedCount} ({@code UPDATE … WHERE credential_id = ? AND signature_count = ?}): sets the new count,
     * the backup state and the time of use; returns false when another sign-in got there first.
     */
    boolean recordUse(byte[] credentialId, long expectedCount, long newCount, boolean backupState, Instant at);

    /** Removes the user's passkey; returns false when the user has no passkey with this id. */
    boolean remove(UUID user, byte[] credentialId);

    /** Removes every passkey of the user (a lost device, a second-factor reset); returns how many. */
    int removeAll(UUID user);
}
