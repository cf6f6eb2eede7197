package vn.lachan.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads identities made in the test by the openssl and keytool command-line tools. */
class TlsIdentityTest {
    private static final String KEYTOOL =
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    @TempDir
    Path dir;

    private TlsIdentity.Pem pem(String name, String... keyOptions) throws Exception {
        Path cert = dir.resolve(name + "-cert.pem");
        Path key = dir.resolve(name + "-key.pem");
        List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-nodes", "-days", "1"));
        command.addAll(List.of(keyOptions));
        command.addAll(List.of("-keyout", key.toString(), "-out", cert.toString(), "-subj", "/CN=localhost"));
        run(command);
        return new TlsIdentity.Pem(cert, key);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-newkey rsa:2048", "-newkey ec -pkeyopt ec_paramgen_curve:P-256", "-newkey ed25519"})
    void servesAPemCertificateWithItsOwnKey(String keyOptions) throws Exception {
        TlsIdentity identity = pem("server", keyOptions.split(" "));

        SSLContext context = identity.serverContext();

        assertThat(context.createSSLEngine().getSupportedProtocols()).contains("TLSv1.3", "TLSv1.2");
        assertThat(TlsIdentity.of(dir.resolve("c"), dir.resolve("k"), "ignored"))
                .isEqualTo(new TlsIdentity.Pem(dir.resolve("c"), dir.resolve("k")));
    }

    @Test
    void refusesAKeyOfTheSameKindThatBelongsToAnotherCertificate() throws Exception {
        TlsIdentity.Pem one = pem("one", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        TlsIdentity.Pem two = pem("two", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        TlsIdentity.Pem rsa = pem("rsa", "-newkey", "rsa:2048");

        assertThatThrownBy(() -> new TlsIdentity.Pem(one.certificateChain(), two.privateKey()).serverContext())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(two.privateKey().toString())
                .hasMessageContaining(one.certificateChain().toString())
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new TlsIdentity.Pem(one.certificateChain(), rsa.privateKey()).serverContext())
                .hasMessageContaining("(RSA key, EC certificate)");
    }

    @Test
    void namesAMissingCertificateAKeyThatIsNoKeyAndAFileThatIsNoCertificate() throws Exception {
        TlsIdentity.Pem good = pem("good", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        Path missing = dir.resolve("absent.pem");
        Path text = dir.resolve("text.pem");
        Files.writeString(text, "hello", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new TlsIdentity.Pem(missing, good.privateKey()).serverContext())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the certificate chain " + missing);
        assertThatThrownBy(() -> new TlsIdentity.Pem(good.certificateChain(), text).serverContext())
                .hasMessageContaining("the private key " + text + " is not an unencrypted PKCS#8 PEM key");
        assertThatThrownBy(() -> new TlsIdentity.Pem(text, good.privateKey()).serverContext())
                .hasMessageContaining("certificate chain " + text);
    }

    @Test
    void servesAPkcs12KeystoreAndNamesAWrongPasswordWithoutPrintingIt() throws Exception {
        Path keystore = dir.resolve("server.p12");
        run(List.of(
                KEYTOOL,
                "-genkeypair",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "mat-khau-1",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-validity",
                "1"));
        Path trustOnly = dir.resolve("trust.p12");
        Path exported = dir.resolve("exported.cer");
        run(List.of(
                KEYTOOL,
                "-exportcert",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "mat-khau-1",
                "-alias",
                "server",
                "-file",
                exported.toString()));
        run(List.of(
                KEYTOOL,
                "-importcert",
                "-noprompt",
                "-keystore",
                trustOnly.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "mat-khau-2",
                "-alias",
                "ca",
                "-file",
                exported.toString()));

        assertThat(TlsIdentity.of(keystore, null, "mat-khau-1").serverContext()).isNotNull();
        assertThatThrownBy(() -> new TlsIdentity.Pkcs12(keystore, "sai-mat-khau").serverContext())
                .hasMessageContaining("cannot read the PKCS#12 keystore " + keystore)
                .hasMessageNotContaining("sai-mat-khau");
        assertThat(new TlsIdentity.Pkcs12(keystore, "sai-mat-khau").toString()).doesNotContain("sai-mat-khau");
        assertThatThrownBy(() -> new TlsIdentity.Pkcs12(trustOnly, "mat-khau-2").serverContext())
                .hasMessageContaining("holds no private key entry");
    }
}
