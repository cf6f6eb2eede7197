package vn.lachan.core.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Names where a TLS server finds its certificate chain and private key: PEM files or a PKCS#12 keystore.
 *
 * <p>Every listener of the platform offers {@link #PROTOCOLS} only: TLS 1.3 and 1.2.
 */
public sealed interface TlsIdentity permits TlsIdentity.Pem, TlsIdentity.Pkcs12 {
    /** The protocol versions a listener enables, newest first; older ones are refused in the handshake. */
    List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * Returns the identity a configuration names: PEM files when {@code key} is given, else a PKCS#12 keystore
     * in {@code certificate} opened with {@code password}.
     */
    static TlsIdentity of(Path certificate, @Nullable Path key, String password) {
        return key != null ? new Pem(certificate, key) : new Pkcs12(certificate, password);
    }

    /**
     * Loads the files and returns a server TLS context serving this identity; each call reads the files anew.
     *
     * @throws IllegalArgumentException naming the file, when it is missing, unreadable, of the wrong kind, or
     *     when the key does not belong to the certificate
     */
    default SSLContext serverContext() {
        return IdentityLoader.serverContext(this);
    }

    /**
     * Names PEM files: an X.509 certificate chain (the server's certificate first) and its PKCS#8 private key
     * ({@code BEGIN PRIVATE KEY}, RSA, EC or EdDSA).
     *
     * @param certificateChain the PEM file holding the certificates
     * @param privateKey the PEM file holding the unencrypted PKCS#8 key
     */
    record Pem(Path certificateChain, Path privateKey) implements TlsIdentity {
        public Pem {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /**
     * Names a PKCS#12 keystore holding one private key entry with its certificate chain.
     *
     * @param keystore the {@code .p12} / {@code .pfx} file
     * @param password the keystore's password (also the key's); never printed
     */
    record Pkcs12(Path keystore, String password) implements TlsIdentity {
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Pkcs12[keystore=" + keystore + ", password=(hidden)]";
        }
    }
}
