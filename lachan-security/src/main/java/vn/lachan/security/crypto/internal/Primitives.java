package vn.lachan.security.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the JDK's AES-256-GCM, HKDF-SHA256, HMAC-SHA256 and SHA-256 behind small static methods.
 *
 * <p>Stateless and thread-safe. Every JDK exception that is not an authentication failure means the
 * JDK lacks an algorithm the platform requires, and becomes an {@link IllegalStateException}.
 */
public final class Primitives {
    /** The AES-GCM nonce length in bytes (96 bits). */
    public static final int NONCE_LENGTH = 12;
    /** The AES-GCM tag length in bytes (128 bits). */
    public static final int TAG_LENGTH = 16;

    private Primitives() {}

    /** Returns an AES key object for 32 raw key bytes. */
    public static SecretKey aesKey(byte[] raw) {
        return new SecretKeySpec(raw, "AES");
    }

    /** Encrypts with AES-GCM and returns ciphertext followed by the tag. */
    public static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, key, nonce, aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts AES-GCM ciphertext followed by its tag.
     *
     * @return the plaintext, or {@code null} when the tag does not verify (wrong key, altered data,
     *     wrong associated data)
     */
    public static byte @Nullable [] open(SecretKey key, byte[] nonce, byte[] aad, byte[] sealed) {
        return open(key, nonce, aad, sealed, 0, sealed.length);
    }

    /** Decrypts {@code length} bytes of {@code sealed} from {@code offset}; {@code null} on a bad tag. */
    public static byte @Nullable [] open(
            SecretKey key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) {
        if (length < TAG_LENGTH) {
            return null;
        }
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, key, nonce, aad);
            return cipher.doFinal(sealed, offset, length);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }

    /** Derives {@code length} bytes with HKDF-SHA256 (RFC 5869) from {@code ikm}, salt and info. */
    public static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
        try {
            KDF kdf = KDF.getInstance("HKDF-SHA256");
            return kdf.deriveData(
                    HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(salt).thenExpand(info, length));
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("HKDF-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** Computes HMAC-SHA256 of {@code data} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** Returns a fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Compares two byte arrays in time independent of where they differ. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static Cipher gcm(int mode, SecretKey key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }
}
