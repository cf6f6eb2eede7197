package vn.lachan.security.passkey;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Describes one registered passkey: a WebAuthn public-key credential bound to a user.
 *
 * @param credentialId the credential id the authenticator chose (at most 1023 bytes)
 * @param user the account the passkey signs in
 * @param userHandle the opaque WebAuthn user handle stored on the authenticator (not the account id)
 * @param publicKey the credential's public key, COSE-encoded; public, so stored as is
 * @param signatureCount the authenticator's signature counter at the last accepted use (0 when it keeps none)
 * @param transports how the browser can reach the authenticator ({@code internal}, {@code usb}, …), as it said
 * @param backupEligible whether the authenticator may sync the passkey to other devices
 * @param backupState whether it was synced at the last use
 * @param name the name the user gave it, e.g. {@code Laptop cơ quan} (sealed at rest)
 * @param created when it was registered
 * @param lastUsed when it last signed in, or null when it never did
 */
public record Passkey(
        byte[] credentialId,
        UUID user,
        byte[] userHandle,
        byte[] publicKey,
        long signatureCount,
        Set<String> transports,
        boolean backupEligible,
        boolean backupState,
        String name,
        Instant created,
        @Nullable Instant lastUsed) {

    /** The longest name a user may give a passkey. */
    public static final int MAX_NAME = 100;

    public Passkey(
            byte[] credentialId,
            UUID user,
            byte[] userHandle,
            byte[] publicKey,
            long signatureCount,
            Set<String> transports,
            boolean backupEligible,
            boolean backupState,
            String name,
            Instant created,
            @Nullable Instant lastUsed) {
        if (credentialId.length < 1 || credentialId.length > 1023) {
            throw new IllegalArgumentException("a credential id has 1 to 1023 bytes, not " + credentialId.length);
        }
        if (userHandle.length < 1 || userHandle.length > 64) {
            throw new IllegalArgumentException("a user handle has 1 to 64 bytes, not " + userHandle.length);
        }
        if (signatureCount < 0 || signatureCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a signature count is a 32-bit unsigned number: " + signatureCount);
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a passkey name has 1 to " + MAX_NAME + " characters");
        }
        this.credentialId = credentialId.clone();
        this.user = Objects.requireNonNull(user, "user");
        this.userHandle = userHandle.clone();
        this.publicKey = publicKey.clone();
        this.signatureCount = signatureCount;
        this.transports = Set.copyOf(transports);
        this.backupEligible = backupEligible;
        this.backupState = backupState;
        this.name = name;
        this.created = Objects.requireNonNull(created, "created");
        this.lastUsed = lastUsed;
    }

    /** Returns the credential id in unpadded base64url, the form the API and the browser use. */
    public String id() {
        return encode(credentialId);
    }

    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Returns {@code bytes} in unpadded base64url. */
    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Passkey p && java.util.Arrays.equals(credentialId, p.credentialId) && user.equals(p.user);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(credentialId);
    }

    @Override
    public String toString() {
        return "Passkey[" + id() + " of " + user + ", count " + signatureCount + "]";
    }
}
