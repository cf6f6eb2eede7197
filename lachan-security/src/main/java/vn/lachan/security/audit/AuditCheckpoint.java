package vn.lachan.security.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Holds a signed statement that the trail up to {@code sequence} ended in {@code hash}.
 *
 * <p>An attacker who rewrites records can recompute the unkeyed hash chain, but cannot sign a new
 * checkpoint without the private key: the checkpoints are what make a rewritten trail detectable.
 *
 * @param sequence the last record covered
 * @param hash that record's hash (lower-case hex)
 * @param time when the checkpoint was signed, truncated to microseconds
 * @param keyId lower-case hex SHA-256 of the encoded ML-DSA-65 public key that signed it
 * @param signature base64 of the ML-DSA-65 signature over the checkpoint's canonical encoding
 */
public record AuditCheckpoint(long sequence, String hash, Instant time, String keyId, String signature) {
    public AuditCheckpoint {
        if (sequence < 1) {
            throw new IllegalArgumentException("a checkpoint covers at least record 1: " + sequence);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }
}
