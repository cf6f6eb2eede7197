package vn.lachan.meta.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import vn.lachan.security.crypto.SealException;
import vn.lachan.security.crypto.Sealer;

/** Seals with AES-256-GCM under one random key per instance, the context as associated data. */
public final class TestSealer implements Sealer {
    private static final int NONCE = 12;
    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    /** Creates a sealer with a fresh random key. */
    public TestSealer() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(plaintext);
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] open(byte[] sealed, String context) {
        try {
            byte[] nonce = Arrays.copyOf(sealed, NONCE);
            return cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SealException("cannot open a value sealed for " + context, e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
