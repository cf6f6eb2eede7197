package vn.lachan.security.envelope;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * Holds a recipient's public key and both private keys (X25519 and ML-KEM-768).
 *
 * @param publicKey the public half, to give to senders
 * @param x25519 the X25519 private key
 * @param mlKem the ML-KEM-768 private key
 */
public record RecipientKeyPair(RecipientPublicKey publicKey, PrivateKey x25519, PrivateKey mlKem) {
    public RecipientKeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        RecipientPublicKey.requireParameters(x25519, "X25519");
        RecipientPublicKey.requireParameters(mlKem, "ML-KEM-768");
    }

    /** Generates a fresh recipient key pair. */
    public static RecipientKeyPair generate() {
        try {
            KeyPair classic = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            KeyPair postQuantum = KeyPairGenerator.getInstance("ML-KEM-768").generateKeyPair();
            return new RecipientKeyPair(
                    new RecipientPublicKey(classic.getPublic(), postQuantum.getPublic()),
                    classic.getPrivate(),
                    postQuantum.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks X25519 or ML-KEM-768", e);
        }
    }

    /** Returns the public fingerprint only, never private key material. */
    @Override
    public String toString() {
        return "RecipientKeyPair[" + publicKey.fingerprint() + ", private keys <redacted>]";
    }
}
