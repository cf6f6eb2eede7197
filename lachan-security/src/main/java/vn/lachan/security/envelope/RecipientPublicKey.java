package vn.lachan.security.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * Holds the public half of a recipient: an X25519 key and an ML-KEM-768 key. Both must be broken
 * to read what is encrypted to it.
 *
 * @param x25519 the X25519 public key
 * @param mlKem the ML-KEM-768 public key
 */
public record RecipientPublicKey(PublicKey x25519, PublicKey mlKem) {
    static final int ID_LENGTH = 16;

    public RecipientPublicKey {
        Objects.requireNonNull(x25519, "x25519");
        Objects.requireNonNull(mlKem, "mlKem");
        requireParameters(x25519, "X25519");
        requireParameters(mlKem, "ML-KEM-768");
    }

    /** Returns the 16-byte id written in envelope headers: SHA-256 over both encodings, truncated. */
    public byte[] id() {
        MessageDigest digest = Primitives.sha256();
        digest.update("lachan-recipient-v1".getBytes(StandardCharsets.US_ASCII));
        for (PublicKey key : new PublicKey[] {x25519, mlKem}) {
            byte[] encoded = key.getEncoded();
            digest.update(ByteBuffer.allocate(4).putInt(encoded.length).array());
            digest.update(encoded);
        }
        return Arrays.copyOf(digest.digest(), ID_LENGTH);
    }

    /** Returns the id in hex, to show people. */
    public String fingerprint() {
        return HexFormat.of().formatHex(id());
    }

    /** Returns the fingerprint only. */
    @Override
    public String toString() {
        return "RecipientPublicKey[" + fingerprint() + "]";
    }

    static void requireParameters(java.security.Key key, String expected) {
        String actual = key instanceof java.security.AsymmetricKey asymmetric
                        && asymmetric.getParams() instanceof NamedParameterSpec named
                ? named.getName()
                : key.getAlgorithm();
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException("expected an " + expected + " key, got " + actual);
        }
    }
}
