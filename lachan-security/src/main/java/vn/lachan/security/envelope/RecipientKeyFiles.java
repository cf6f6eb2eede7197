package vn.lachan.security.envelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import vn.lachan.security.crypto.internal.Pem;
import vn.lachan.security.crypto.internal.SecureFiles;

/**
 * Saves and loads recipient keys as PEM: the public file holds the X25519 and ML-KEM-768 public
 * keys (X.509); the private file (mode 0600) holds both private keys (PKCS#8) and the public ones.
 *
 * <p>Stateless and thread-safe.
 */
public final class RecipientKeyFiles {
    private static final String X25519_PUBLIC = "X25519 PUBLIC KEY";
    private static final String MLKEM_PUBLIC = "ML-KEM-768 PUBLIC KEY";
    private static final String X25519_PRIVATE = "X25519 PRIVATE KEY";
    private static final String MLKEM_PRIVATE = "ML-KEM-768 PRIVATE KEY";

    private RecipientKeyFiles() {}

    /** Writes the public key to {@code file}, which may be shared freely. */
    public static void writePublic(Path file, RecipientPublicKey key) {
        String text = Pem.encode(X25519_PUBLIC, key.x25519().getEncoded())
                + Pem.encode(MLKEM_PUBLIC, key.mlKem().getEncoded());
        SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Writes the key pair to {@code file} with mode 0600. */
    public static void writePrivate(Path file, RecipientKeyPair pair) {
        String text = Pem.encode(X25519_PUBLIC, pair.publicKey().x25519().getEncoded())
                + Pem.encode(MLKEM_PUBLIC, pair.publicKey().mlKem().getEncoded())
                + Pem.encode(X25519_PRIVATE, pair.x25519().getEncoded())
                + Pem.encode(MLKEM_PRIVATE, pair.mlKem().getEncoded());
        SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII), true);
    }

    /**
     * Reads a public key written by {@link #writePublic} (or the public part of a private file).
     *
     * @throws IllegalArgumentException naming the file when a block is missing or not a valid key
     */
    public static RecipientPublicKey readPublic(Path file) {
        Map<String, byte[]> blocks = Pem.decode(read(file), file.toString());
        return publicKey(blocks, file);
    }

    /**
     * Reads a key pair written by {@link #writePrivate}.
     *
     * @throws IllegalArgumentException naming the file when a block is missing or not a valid key
     */
    public static RecipientKeyPair readPrivate(Path file) {
        Map<String, byte[]> blocks = Pem.decode(read(file), file.toString());
        try {
            PrivateKey x25519 = KeyFactory.getInstance("X25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(block(blocks, X25519_PRIVATE, file)));
            PrivateKey mlKem = KeyFactory.getInstance("ML-KEM-768")
                    .generatePrivate(new PKCS8EncodedKeySpec(block(blocks, MLKEM_PRIVATE, file)));
            return new RecipientKeyPair(publicKey(blocks, file), x25519, mlKem);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds an invalid private key: " + e.getMessage(), e);
        }
    }

    private static RecipientPublicKey publicKey(Map<String, byte[]> blocks, Path file) {
        try {
            PublicKey x25519 = KeyFactory.getInstance("X25519")
                    .generatePublic(new X509EncodedKeySpec(block(blocks, X25519_PUBLIC, file)));
            PublicKey mlKem = KeyFactory.getInstance("ML-KEM-768")
                    .generatePublic(new X509EncodedKeySpec(block(blocks, MLKEM_PUBLIC, file)));
            return new RecipientPublicKey(x25519, mlKem);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds an invalid public key: " + e.getMessage(), e);
        }
    }

    private static byte[] block(Map<String, byte[]> blocks, String label, Path file) {
        byte[] der = blocks.get(label);
        if (der == null) {
            throw new IllegalArgumentException(file + " has no '" + label + "' block; is it a Lachan recipient key?");
        }
        return der;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }
}
