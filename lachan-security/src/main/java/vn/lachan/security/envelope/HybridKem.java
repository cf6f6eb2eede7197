package vn.lachan.security.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.DecapsulateException;
import javax.crypto.KEM;
import javax.crypto.KeyAgreement;
import org.jspecify.annotations.Nullable;
import vn.lachan.security.crypto.internal.Primitives;

/**
 * Wraps the content key for one recipient under a key derived from both an X25519 agreement with a
 * fresh ephemeral key and an ML-KEM-768 encapsulation:
 *
 * <pre>
 * KEK = HKDF-SHA256(ikm = ss_X25519 ‖ ss_ML-KEM, salt = file salt,
 *                   info = "lachan-envelope-v1/kek" ‖ SHA-256(transcript))
 * transcript = recipient id ‖ ephemeral X25519 public ‖ ML-KEM ciphertext
 *              ‖ recipient X25519 public ‖ recipient ML-KEM public   (each length-prefixed)
 * slot = AES-256-GCM(KEK, nonce = 0^96, aad = file salt ‖ recipient id, content key)
 * </pre>
 *
 * The KEK is used once, so the fixed nonce is safe. Stateless and thread-safe.
 */
final class HybridKem {
    static final int WRAPPED_LENGTH = 32 + Primitives.TAG_LENGTH;
    private static final byte[] ZERO_NONCE = new byte[Primitives.NONCE_LENGTH];

    private HybridKem() {}

    /** Wraps {@code contentKey} for {@code recipient}. */
    static Header.Stanza wrap(RecipientPublicKey recipient, byte[] salt, byte[] contentKey) {
        try {
            KeyPair ephemeral = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] classic = agree(ephemeral.getPrivate(), recipient.x25519());
            KEM.Encapsulated encapsulated =
                    KEM.getInstance("ML-KEM").newEncapsulator(recipient.mlKem()).encapsulate();
            byte[] id = recipient.id();
            byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
            byte[] kek = kek(
                    classic,
                    encapsulated.key().getEncoded(),
                    salt,
                    transcript(id, ephemeralPublic, encapsulated.encapsulation(), recipient));
            byte[] wrapped = Primitives.seal(Primitives.aesKey(kek), ZERO_NONCE, slotAad(salt, id), contentKey);
            return new Header.Stanza(id, ephemeralPublic, encapsulated.encapsulation(), wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hybrid key agreement failed: " + e.getMessage(), e);
        }
    }

    /** Unwraps the content key from {@code stanza}, or returns {@code null} when it does not open. */
    static byte @Nullable [] unwrap(Header.Stanza stanza, RecipientKeyPair me, byte[] salt) {
        try {
            PublicKey ephemeral =
                    KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(stanza.ephemeral()));
            byte[] classic = agree(me.x25519(), ephemeral);
            byte[] postQuantum = KEM.getInstance("ML-KEM")
                    .newDecapsulator(me.mlKem())
                    .decapsulate(stanza.kemCiphertext())
                    .getEncoded();
            byte[] kek = kek(
                    classic,
                    postQuantum,
                    salt,
                    transcript(stanza.recipientId(), stanza.ephemeral(), stanza.kemCiphertext(), me.publicKey()));
            return Primitives.open(
                    Primitives.aesKey(kek), ZERO_NONCE, slotAad(salt, stanza.recipientId()), stanza.wrappedKey());
        } catch (DecapsulateException | java.security.spec.InvalidKeySpecException e) {
            return null;
        } catch (java.security.InvalidKeyException e) {
            // X25519 refuses low-order points: an ephemeral key no honest sender writes.
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hybrid key agreement failed: " + e.getMessage(), e);
        }
    }

    private static byte[] agree(PrivateKey mine, PublicKey theirs) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(mine);
        agreement.doPhase(theirs, true);
        return agreement.generateSecret();
    }

    private static byte[] kek(byte[] classic, byte[] postQuantum, byte[] salt, byte[] transcriptHash) {
        byte[] ikm = ByteBuffer.allocate(classic.length + postQuantum.length)
                .put(classic)
                .put(postQuantum)
                .array();
        byte[] label = "lachan-envelope-v1/kek".getBytes(StandardCharsets.US_ASCII);
        byte[] info = ByteBuffer.allocate(label.length + transcriptHash.length)
                .put(label)
                .put(transcriptHash)
                .array();
        try {
            return Primitives.hkdf(ikm, salt, info, 32);
        } finally {
            Arrays.fill(ikm, (byte) 0);
            Arrays.fill(classic, (byte) 0);
            Arrays.fill(postQuantum, (byte) 0);
        }
    }

    private static byte[] transcript(byte[] id, byte[] ephemeral, byte[] kemCiphertext, RecipientPublicKey to) {
        MessageDigest digest = Primitives.sha256();
        for (byte[] part : new byte[][] {
            id, ephemeral, kemCiphertext, to.x25519().getEncoded(), to.mlKem().getEncoded()
        }) {
            digest.update(ByteBuffer.allocate(4).putInt(part.length).array());
            digest.update(part);
        }
        return digest.digest();
    }

    private static byte[] slotAad(byte[] salt, byte[] id) {
        return ByteBuffer.allocate(salt.length + id.length).put(salt).put(id).array();
    }
}
