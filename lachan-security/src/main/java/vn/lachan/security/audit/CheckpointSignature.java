package vn.lachan.security.audit;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Signs and checks checkpoints with ML-DSA (the JDK's own provider; the key decides the set, 65 here). */
final class CheckpointSignature {
    private static final String ALGORITHM = "ML-DSA";

    private CheckpointSignature() {}

    static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Canonical.sha256(key.getEncoded()));
    }

    static AuditCheckpoint sign(long sequence, String hash, Instant time, PrivateKey key, String keyId) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(Canonical.checkpointBytes(sequence, hash, time, keyId));
            String encoded = Base64.getEncoder().encodeToString(signature.sign());
            return new AuditCheckpoint(sequence, hash, time, keyId, encoded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint with a " + key.getAlgorithm() + " key", e);
        }
    }

    /** Returns whether the checkpoint's signature verifies under {@code key}; false for any malformed part. */
    static boolean verifies(AuditCheckpoint checkpoint, PublicKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(Canonical.checkpointBytes(
                    checkpoint.sequence(), checkpoint.hash(), checkpoint.time(), checkpoint.keyId()));
            return signature.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
