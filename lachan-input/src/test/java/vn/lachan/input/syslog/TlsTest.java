package vn.lachan.input.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lachan.core.tls.TlsIdentity;

/**
 * Serves syslog over TLS (RFC 5425) with certificates made in the test by the openssl and keytool
 * command-line tools, and talks to it with a JDK TLS client and with {@code openssl s_client}.
 */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The keytool of the JDK running the tests (the PATH may hold an older one). */
    private static final String KEYTOOL =
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @TempDir
    Path dir;

    private final RecordingIntake intake = new RecordingIntake();
    private @Nullable SyslogServer running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private SyslogServer start(SyslogConfig config) {
        SyslogServer server = SyslogServer.start(config, intake);
        running = server;
        return server;
    }

    private TlsIdentity.Pem opensslPem(String keyOptions) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "req", "-x509", "-nodes", "-days", "1"));
        command.addAll(List.of(keyOptions.split(" ")));
        command.addAll(List.of(
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1"));
        Processes.run(command);
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        return new TlsIdentity.Pem(cert, key);
    }

    private static KeyStore trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        return trust;
    }

    private static Certificate pemCertificate(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void sendOverJdkTls(SyslogServer server, KeyStore trust, String protocol, String stream)
            throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        InetSocketAddress address = server.tlsAddress().orElseThrow();
        try (SSLSocket socket = (SSLSocket)
                context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), address.getPort())) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            socket.getOutputStream().write(stream.getBytes(UTF_8));
            socket.getOutputStream().flush();
        }
    }

    @ParameterizedTest(name = "{0} key over {1}")
    @CsvSource({
        "-newkey rsa:2048, TLSv1.3",
        "-newkey rsa:2048, TLSv1.2",
        "-newkey ec -pkeyopt ec_paramgen_curve:P-256, TLSv1.3"
    })
    void receivesOctetCountedMessagesFromAJdkClientWithPemFiles(String keyOptions, String protocol) throws Exception {
        TlsIdentity.Pem pem = opensslPem(keyOptions);
        SyslogServer server = start(SyslogConfig.defaults().withTls(LOCAL, pem));
        String vietnamese = "<13>1 - - app - - - Xâm nhập trái phép\nhai dòng";
        int length = vietnamese.getBytes(UTF_8).length;
        sendOverJdkTls(
                server,
                trusting(pemCertificate(pem.certificateChain())),
                protocol,
                "9 <13>first" + length + " " + vietnamese);

        await().atMost(WAIT).until(() -> intake.records().size() == 2);
        assertThat(intake.texts()).containsExactly("<13>first", vietnamese);
        assertThat(intake.records()).allSatisfy(r -> {
            assertThat(r.input()).isEqualTo("syslog-tls");
            assertThat(r.peer()).isEqualTo("127.0.0.1");
            assertThat(r.problem()).isEmpty();
        });
        assertThat(server.stats().getFirst().accepted()).isEqualTo(2);
    }

    @Test
    void servesAPkcs12KeystoreMadeByKeytool() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Processes.run(List.of(
                KEYTOOL,
                "-genkeypair",
                "-alias",
                "syslog",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "mat-khau-1"));
        SyslogServer server =
                start(SyslogConfig.defaults().withTls(LOCAL, new TlsIdentity.Pkcs12(keystore, "mat-khau-1")));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "mat-khau-1".toCharArray());
        }
        sendOverJdkTls(server, trusting(store.getCertificate("syslog")), "TLSv1.3", "12 <13>from p12");
        await().atMost(WAIT).until(() -> intake.records().size() == 1);
        assertThat(intake.texts()).containsExactly("<13>from p12");
    }

    @Test
    void receivesFromOpensslSClient() throws Exception {
        TlsIdentity.Pem pem = opensslPem("-newkey rsa:2048");
        SyslogServer server = start(SyslogConfig.defaults().withTls(LOCAL, pem));
        Path input = dir.resolve("input.txt");
        Files.writeString(input, "17 <13>from s_client21 <14>second message\n");
        Process client = new ProcessBuilder(
                        "openssl",
                        "s_client",
                        "-connect",
                        "127.0.0.1:" + server.tlsAddress().orElseThrow().getPort(),
                        "-CAfile",
                        pem.certificateChain().toString(),
                        "-verify_return_error",
                        "-no_ign_eof")
                .redirectInput(input.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            await().atMost(WAIT).until(() -> intake.records().size() == 2);
        } finally {
            if (!client.waitFor(10, TimeUnit.SECONDS)) {
                client.destroy();
            }
        }
        assertThat(intake.texts()).containsExactly("<13>from s_client", "<14>second message");
    }

    @Test
    void countsAFailedHandshakeAndRecordsNothing() throws Exception {
        SyslogServer server = start(SyslogConfig.defaults().withTls(LOCAL, opensslPem("-newkey rsa:2048")));
        try (Socket plain = new Socket(
                InetAddress.getLoopbackAddress(),
                server.tlsAddress().orElseThrow().getPort())) {
            plain.getOutputStream().write("<13>plain text to a TLS port\n".getBytes(UTF_8));
            plain.setSoTimeout(10_000);
            try {
                while (plain.getInputStream().read() >= 0) {
                    // the server answers with an alert, then closes
                }
            } catch (IOException e) {
                // a reset is as good as a close here
            }
        }
        await().atMost(WAIT).until(() -> server.stats().getFirst().handshakeFailures() == 1);
        assertThat(intake.records()).isEmpty();
    }

    @Test
    void namesTheFileWhenTheKeyIsNotPkcs8() throws Exception {
        TlsIdentity.Pem pem = opensslPem("-newkey rsa:2048");
        Path pkcs1 = dir.resolve("rsa.pem");
        Processes.run(List.of(
                "openssl", "rsa", "-traditional", "-in", pem.privateKey().toString(), "-out", pkcs1.toString()));
        SyslogConfig config =
                SyslogConfig.defaults().withTls(LOCAL, new TlsIdentity.Pem(pem.certificateChain(), pkcs1));
        assertThatThrownBy(() -> SyslogServer.start(config, intake))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pkcs1.toString())
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void namesTheKeystoreWhenThePasswordIsWrong() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Processes.run(List.of(
                KEYTOOL,
                "-genkeypair",
                "-alias",
                "syslog",
                "-keyalg",
                "EC",
                "-validity",
                "1",
                "-dname",
                "CN=localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "right-one"));
        SyslogConfig config = SyslogConfig.defaults().withTls(LOCAL, new TlsIdentity.Pkcs12(keystore, "wrong-one"));
        assertThatThrownBy(() -> SyslogServer.start(config, intake))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keystore.toString())
                .hasMessageNotContaining("wrong-one");
    }
}
