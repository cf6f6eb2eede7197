package vn.lachan.security.crypto;

/**
 * Seals small values (a column, a secret) with AES-256-GCM under the current data key, binding a
 * context string as associated data.
 *
 * <p>The context names where the value lives, e.g. {@code "users.email:" + id}: a ciphertext copied
 * to another row or column then fails to open. Implementations are thread-safe.
 */
public interface Sealer {

    /**
     * Encrypts {@code plaintext} for storage under {@code context}.
     *
     * @param plaintext the bytes to protect (not modified)
     * @param context where the value will be stored; the same string must be given to {@link #open}
     * @return a self-describing ciphertext (format version, data-key id, nonce, ciphertext and tag)
     */
    byte[] seal(byte[] plaintext, String context);

    /**
     * Decrypts a value produced by {@link #seal} under the same {@code context}.
     *
     * @throws SealException when the ciphertext was altered, belongs to another context, or names a
     *     data key the keyring does not hold; the message names the context, never key material
     */
    byte[] open(byte[] sealed, String context);
}
