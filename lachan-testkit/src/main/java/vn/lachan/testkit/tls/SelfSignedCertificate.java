package vn.lachan.testkit.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.core.tls.TrustedCertificates;

/**
 * Holds a self-signed certificate for {@code localhost} and {@code 127.0.0.1} made by the {@code openssl}
 * command-line tool, with its unencrypted PKCS#8 private key, both as PEM files.
 *
 * @param certificate the PEM certificate
 * @param key the PEM PKCS#8 private key
 */
public record SelfSignedCertificate(Path certificate, Path key) {
    public SelfSignedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Creates {@code cert.pem} and {@code key.pem} in {@code dir}: an EC P-256 key, valid for one day.
     *
     * @throws IllegalStateException when openssl is missing or fails, with its output
     */
    public static SelfSignedCertificate create(Path dir) {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-nodes",
                "-days",
                "1",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1"));
        return new SelfSignedCertificate(cert, key);
    }

    /** Returns the identity a server serves this certificate with. */
    public TlsIdentity identity() {
        return new TlsIdentity.Pem(certificate, key);
    }

    /** Returns a client TLS context that trusts this certificate and nothing else. */
    public SSLContext trustingClient() {
        return TrustedCertificates.clientContext(certificate);
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while openssl ran", e);
        }
    }
}
