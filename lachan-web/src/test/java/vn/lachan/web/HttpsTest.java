package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.security.access.Role;
import vn.lachan.testkit.tls.SelfSignedCertificate;

/**
 * Serves the real API over HTTPS with a self-signed certificate made by openssl in the test, and talks to it with
 * the JDK's HTTP client trusting that certificate, with a raw socket and with curl.
 */
class HttpsTest {
    @TempDir
    static Path dir;

    static SelfSignedCertificate certificate;
    static TestServer server;
    static HttpClient client;

    @BeforeAll
    static void start() {
        certificate = SelfSignedCertificate.create(dir);
        server = new TestServer(dir.resolve("server"), Duration.ofSeconds(15), certificate.identity());
        client = HttpClient.newBuilder()
                .sslContext(certificate.trustingClient())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        server.security.user("leader.yt", Role.ORG_LEADER, "SO-YT");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenCallWorksOverHttpsAndTellsBrowsersToStayOnIt() throws Exception {
        assertThat(server.uri("/").getScheme()).isEqualTo("https");

        HttpResponse<String> response = send(server.request("/api/v1/organizations"));
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(server.uri("/api/v1/organizations")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("Sở Y tế");
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsSecureOverHttps() throws Exception {
        String body = "{\"username\":\"leader.yt\",\"password\":\"" + SecurityFixture.PASSWORD + "\"}";

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(server.uri("/api/v1/auth/signin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .startsWith("lachan_session=")
                        .contains("; Secure", "HttpOnly", "SameSite=Strict"));
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() throws Exception {
        URI plain = URI.create("http://127.0.0.1:" + server.port + "/api/v1/health");
        HttpClient plainClient =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> plainClient.send(
                        HttpRequest.newBuilder(plain)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readSome(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answer).doesNotContain("HTTP/1.1 200").doesNotContain("\"status\"");
        }
    }

    @Test
    void aClientOfferingOnlyTls11IsRefusedByTheServerWhileTls12And13AreServed() throws Exception {
        // openssl at security level 0 still sends a TLS 1.1 hello (the JDK client would refuse to), so the
        // refusal seen is the server's: a protocol_version alert.
        String tls11 = openssl("-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
        String tls12 = openssl("-tls1_2");
        String tls13 = openssl("-tls1_3");

        assertThat(tls11)
                .contains("alert protocol version", "SSL alert number 70", "Cipher is (NONE)")
                .contains("no peer certificate available");
        assertThat(tls12).contains("Protocol  : TLSv1.2", "Verify return code: 0 (ok)");
        assertThat(tls13).contains("TLSv1.3", "Verify return code: 0 (ok)");
        SSLSocket socket = (SSLSocket) certificate
                .trustingClient()
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.port);
        try (socket) {
            SSLParameters only12 = socket.getSSLParameters();
            only12.setProtocols(new String[] {"TLSv1.2"});
            socket.setSSLParameters(only12);
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    private static String openssl(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "openssl",
                "s_client",
                "-connect",
                "127.0.0.1:" + server.port,
                "-CAfile",
                certificate.certificate().toString(),
                "-verify_ip",
                "127.0.0.1"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return output;
    }

    @Test
    void curlReachesTheApiWithTheCertificateAsItsAuthority() throws Exception {
        Path out = dir.resolve("curl.out");
        Process curl = new ProcessBuilder(
                        "curl",
                        "-sS",
                        "--cacert",
                        certificate.certificate().toString(),
                        "-H",
                        "Authorization: Bearer " + server.adminToken,
                        "-o",
                        out.toString(),
                        "-w",
                        "%{http_code} %{scheme}",
                        "https://localhost:" + server.port + "/api/v1/health")
                .redirectErrorStream(true)
                .start();
        String written = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(curl.waitFor()).as(written).isZero();
        assertThat(written).isEqualToIgnoringCase("200 https");
        assertThat(Files.readString(out)).contains("\"status\":\"up\"");
    }

    @Test
    void aMissingCertificateIsNamedWhenTheServerIsBuilt() {
        Path missing = dir.resolve("no-such-cert.pem");
        TlsIdentity identity = new TlsIdentity.Pem(missing, certificate.key());

        assertThatThrownBy(() -> new TestServer(dir.resolve("broken"), Duration.ofSeconds(15), identity))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    private static byte[] readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            return n < 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, n);
        } catch (java.net.SocketException e) {
            return new byte[0]; // the server dropped the connection: nothing was answered
        }
    }
}
