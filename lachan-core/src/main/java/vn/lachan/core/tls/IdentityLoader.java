package vn.lachan.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Reads PEM files or a PKCS#12 keystore into a server TLS context. */
final class IdentityLoader {
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");
    private static final Map<String, String> PROOF_SIGNATURES =
            Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "Ed25519", "Ed25519", "Ed448", "Ed448");
    private static final byte[] PROOF =
            "lachan: does this key belong to this certificate?".getBytes(StandardCharsets.US_ASCII);
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private IdentityLoader() {}

    static SSLContext serverContext(TlsIdentity identity) {
        char[] password = switch (identity) {
            case TlsIdentity.Pem pem -> new char[0];
            case TlsIdentity.Pkcs12 p12 -> p12.password().toCharArray();
        };
        KeyStore store = switch (identity) {
            case TlsIdentity.Pem pem -> fromPem(pem);
            case TlsIdentity.Pkcs12 p12 -> fromPkcs12(p12.keystore(), password);
        };
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the TLS identity " + identity + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!hasKeyEntry(store)) {
                throw new IllegalArgumentException("the PKCS#12 keystore " + file
                        + " holds no private key entry (a server needs its key, not only certificates)");
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the PKCS#12 keystore " + file + " (wrong password or not a PKCS#12 file?): "
                            + e.getMessage(),
                    e);
        }
    }

    private static boolean hasKeyEntry(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private static KeyStore fromPem(TlsIdentity.Pem pem) {
        Certificate[] chain = certificates(pem.certificateChain());
        PrivateKey key = privateKey(pem.privateKey());
        if (!belongTogether(key, chain[0].getPublicKey())) {
            throw new IllegalArgumentException("the private key in " + pem.privateKey()
                    + " does not belong to the first certificate in " + pem.certificateChain() + " ("
                    + key.getAlgorithm() + " key, " + chain[0].getPublicKey().getAlgorithm()
                    + " certificate): the server certificate must come first, with its own key");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, new char[0], chain);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the TLS key in memory: " + e.getMessage(), e);
        }
    }

    /**
     * Returns whether {@code key} signs what {@code certified} verifies; keys of a kind not tried here (RSASSA-PSS)
     * pass, and the TLS handshake is their test.
     */
    private static boolean belongTogether(PrivateKey key, PublicKey certified) {
        String algorithm = PROOF_SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null || !PROOF_SIGNATURES.containsKey(certified.getAlgorithm())) {
            return true;
        }
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROOF);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(PROOF);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Certificate[] certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in)
                    .toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new IllegalArgumentException("the certificate file " + file + " holds no certificate");
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the certificate chain " + file + " (PEM X.509 expected): " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the private key " + file + ": " + e.getMessage(), e);
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the private key " + file + " is not an unencrypted PKCS#8 PEM key ('"
                    + BEGIN + "'); convert it with: openssl pkcs8 -topk8 -nocrypt -in <key> -out <key.pk8.pem>");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the private key " + file + " is not valid base64: " + e.getMessage(), e);
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException(
                "the private key " + file + " is none of " + KEY_ALGORITHMS + " or its PKCS#8 structure is broken");
    }
}
