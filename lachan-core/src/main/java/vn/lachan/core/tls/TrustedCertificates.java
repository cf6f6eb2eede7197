package vn.lachan.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context of a client that trusts the certificates of one PEM file and nothing else, as
 * {@code curl --cacert} does: a platform served with a private authority's or a self-signed certificate.
 */
public final class TrustedCertificates {
    private TrustedCertificates() {}

    /**
     * Returns a client context trusting every certificate in {@code pem} (an authority, or the server's own).
     *
     * @throws IllegalArgumentException naming the file, when it is missing, unreadable or holds no certificate
     */
    public static SSLContext clientContext(Path pem) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the certificate file " + pem + " does not exist", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the certificate file " + pem + " is not PEM or DER X.509 certificates: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the certificate file " + pem + " holds no certificate");
        }
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("trusted-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context trusting " + pem + ": " + e.getMessage(), e);
        }
    }
}
