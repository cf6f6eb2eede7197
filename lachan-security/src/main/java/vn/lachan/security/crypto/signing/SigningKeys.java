package vn.lachan.security.crypto.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lachan.security.crypto.SealException;
import vn.lachan.security.crypto.Sealer;
import vn.lachan.security.crypto.internal.Pem;
import vn.lachan.security.crypto.internal.Primitives;
import vn.lachan.security.crypto.internal.SecureFiles;

/**
 * Keeps named ML-DSA-65 (FIPS 204) key pairs in a folder: {@code <name>.mldsa.pub} (X.509, PEM)
 * and {@code <name>.mldsa.key} (PKCS#8, PEM, mode 0600, sealed with the {@link Sealer} when one is
 * given); signs and verifies with the JDK's own implementation.
 *
 * <p>The audit trail takes the {@link KeyPair} from {@link #loadOrCreate}. Thread-safe for reads;
 * creating the same name from two threads at once is not supported.
 */
public final class SigningKeys {
    /** The signature algorithm: ML-DSA with the 65 parameter set (NIST security category 3). */
    public static final String ALGORITHM = "ML-DSA-65";

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String SEALED_LABEL = "LACHAN SEALED PRIVATE KEY";

    private final Path directory;
    private final @Nullable Sealer sealer;

    /**
     * Keeps keys in {@code directory}.
     *
     * @param sealer seals private keys at rest when not {@code null}; keys written sealed can only be
     *     read back with a sealer of the same key hierarchy
     */
    public SigningKeys(Path directory, @Nullable Sealer sealer) {
        this.directory = directory;
        this.sealer = sealer;
    }

    /** Generates a fresh ML-DSA-65 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks " + ALGORITHM, e);
        }
    }

    /** Returns the key pair called {@code name}, generating and saving it on first use. */
    public KeyPair loadOrCreate(String name) {
        Optional<KeyPair> existing = load(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyPair pair = generate();
        save(name, pair);
        LOG.info("Created {} signing key '{}' ({}) in {}", ALGORITHM, name, fingerprint(pair.getPublic()), directory);
        return pair;
    }

    /** Writes the key pair called {@code name}: public part first, then the private part (0600). */
    public void save(String name, KeyPair pair) {
        checkName(name);
        writePublic(publicFile(name), pair.getPublic());
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        String pem = sealer == null
                ? Pem.encode(PRIVATE_LABEL, pkcs8)
                : Pem.encode(SEALED_LABEL, sealer.seal(pkcs8, context(name)));
        SecureFiles.writeAtomically(privateFile(name), pem.getBytes(StandardCharsets.US_ASCII), true);
    }

    /** Reads the key pair called {@code name}, or nothing when its private key file is absent. */
    public Optional<KeyPair> load(String name) {
        checkName(name);
        Path privateFile = privateFile(name);
        if (!Files.isRegularFile(privateFile)) {
            return Optional.empty();
        }
        Map<String, byte[]> blocks = Pem.decode(read(privateFile), privateFile.toString());
        byte[] pkcs8 = privateBytes(blocks, name, privateFile);
        PrivateKey privateKey = decodePrivate(pkcs8, privateFile);
        return Optional.of(new KeyPair(readPublic(publicFile(name)), privateKey));
    }

    /** Returns the public key file of {@code name}, to hand to those who verify. */
    public Path publicFile(String name) {
        checkName(name);
        return directory.resolve(name + ".mldsa.pub");
    }

    /** Writes {@code key} as X.509 PEM to {@code file} (readable by others: it is public). */
    public static void writePublic(Path file, PublicKey key) {
        requireAlgorithm(key, file.toString());
        SecureFiles.writeAtomically(file, publicPem(key).getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Returns {@code key} as the X.509 PEM text {@link #writePublic} writes and {@link #readPublic} reads. */
    public static String publicPem(PublicKey key) {
        requireAlgorithm(key, "the key");
        return Pem.encode(PUBLIC_LABEL, key.getEncoded());
    }

    /**
     * Reads an ML-DSA-65 public key written by {@link #writePublic}.
     *
     * @throws SealException naming the file when it holds no ML-DSA-65 public key
     */
    public static PublicKey readPublic(Path file) {
        byte[] der = Pem.decode(read(file), file.toString()).get(PUBLIC_LABEL);
        if (der == null) {
            throw new SealException(file + " holds no '" + PUBLIC_LABEL + "' block");
        }
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            requireAlgorithm(key, file.toString());
            return key;
        } catch (GeneralSecurityException e) {
            throw new SealException(file + " is not an " + ALGORITHM + " public key: " + e.getMessage(), e);
        }
    }

    /** Signs {@code data} with ML-DSA-65 (hedged, randomized signing). */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /** Returns whether {@code signature} is a valid ML-DSA-65 signature of {@code data} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /** Returns a short stable name for a public key: the first 16 bytes of SHA-256 of its encoding, in hex. */
    public static String fingerprint(PublicKey key) {
        byte[] digest = Primitives.sha256().digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private byte[] privateBytes(Map<String, byte[]> blocks, String name, Path file) {
        byte[] plain = blocks.get(PRIVATE_LABEL);
        if (plain != null) {
            return plain;
        }
        byte[] sealed = blocks.get(SEALED_LABEL);
        if (sealed == null) {
            throw new SealException(file + " holds no private key block");
        }
        if (sealer == null) {
            throw new SealException(file + " is sealed under the key hierarchy; open it with a sealer");
        }
        return sealer.open(sealed, context(name));
    }

    private static PrivateKey decodePrivate(byte[] pkcs8, Path file) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new SealException(file + " is not an " + ALGORITHM + " private key", e);
        }
    }

    private static void requireAlgorithm(PublicKey key, String where) {
        String parameters = key.getParams() instanceof NamedParameterSpec named ? named.getName() : key.getAlgorithm();
        if (!parameters.equals(ALGORITHM)) {
            throw new SealException(where + ": expected an " + ALGORITHM + " key, got " + parameters);
        }
    }

    private static String context(String name) {
        return "signing-key:" + name;
    }

    private Path privateFile(String name) {
        return directory.resolve(name + ".mldsa.key");
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a signing key name is 1-64 lower-case letters, digits or '-', got '" + name + "'");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }
}
