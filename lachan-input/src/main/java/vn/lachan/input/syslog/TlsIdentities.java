package vn.lachan.input.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the TLS listener's server context from PEM files or a PKCS#12 keystore. */
final class TlsIdentities {
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");
    private static final List<String> CHECKED_PAIRS = List.of("RSA", "EC");
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private TlsIdentities() {}

    /**
     * Returns a TLS context serving the identity.
     *
     * @throws IllegalArgumentException naming the file when it is missing, unreadable or not what it should be
     */
    static SSLContext serverContext(SyslogConfig.TlsIdentity identity) {
        char[] password = switch (identity) {
            case SyslogConfig.Pem pem -> new char[0];
            case SyslogConfig.Pkcs12 p12 -> p12.password().toCharArray();
        };
        KeyStore store = switch (identity) {
            case SyslogConfig.Pem pem -> fromPem(pem);
            case SyslogConfig.Pkcs12 p12 -> fromPkcs12(p12.keystore(), password);
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
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the PKCS#12 keystore " + file + " (wrong password or not a PKCS#12 file?): "
                            + e.getMessage(),
                    e);
        }
    }

    private static KeyStore fromPem(SyslogConfig.Pem pem) {
        Certificate[] chain = certificates(pem.certificateChain());
        PrivateKey key = privateKey(pem.privateKey());
        String certified = chain[0].getPublicKey().getAlgorithm();
        if (CHECKED_PAIRS.contains(certified)
                && CHECKED_PAIRS.contains(key.getAlgorithm())
                && !certified.equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("the private key in " + pem.privateKey() + " is " + key.getAlgorithm()
                    + " but the first certificate in " + pem.certificateChain() + " holds a "
                    + certified + " key: they do not belong together");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("syslog", key, new char[0], chain);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the TLS key in memory: " + e.getMessage(), e);
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
