package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.Cli;
import vn.lachan.app.security.Foundation;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.testkit.tls.SelfSignedCertificate;

/** Starts the whole platform with {@code http.tls} configured and scrapes it over HTTPS as Prometheus would. */
class HttpsPlatformTest {
    @TempDir
    Path dir;

    @Test
    void servesTheApiOverHttpsOnANonLoopbackAddressAndSaysSo() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path file = dir.resolve("lachan.yml");
        Files.writeString(file, """
                data: data
                http: {listen: "0.0.0.0:0", tls: {certificate: cert.pem, key: key.pem}}
                syslog: {udp: "", tcp: ""}
                """, StandardCharsets.UTF_8);
        ServeConfig config = ConfigReader.read(file, ConfigReader.Overrides.none());
        HttpClient client = HttpClient.newBuilder()
                .sslContext(cert.trustingClient())
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        try (Platform platform = Platform.start(config)) {
            ByteArrayOutputStream banner = new ByteArrayOutputStream();
            Banner.print(new PrintStream(banner, true, StandardCharsets.UTF_8), platform);
            String base = platform.baseUrl();
            String token = prometheusToken(Objects.requireNonNull(platform.foundation()));

            HttpResponse<String> metrics = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> events = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(base).isEqualTo("https://127.0.0.1:" + platform.httpPort());
            assertThat(banner.toString(StandardCharsets.UTF_8)).contains("HTTP API      " + base + "/api/v1/");
            assertThat(Endpoint.running(config.data())).contains(base);
            assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
            assertThat(metrics.body()).contains("lachan_");
            assertThat(events.statusCode()).isEqualTo(403);

            String ingest = foundation(platform)
                    .tokens()
                    .issue(
                            "agent",
                            Role.SOC_ANALYST,
                            foundation(platform).monitoringCenter().id(),
                            Set.of(Scope.INGEST),
                            null,
                            null)
                    .secret();
            String data = config.data().toString();
            Cli.Run untrusted = Cli.run("import", "--data", data, "--token", ingest, "../samples/events");
            Cli.Run trusted = Cli.run(
                    "import",
                    "--data",
                    data,
                    "--token",
                    ingest,
                    "--ca-cert",
                    cert.certificate().toString(),
                    "../samples/events");
            Cli.Run missing = Cli.run(
                    "import",
                    "--data",
                    data,
                    "--token",
                    ingest,
                    "--ca-cert",
                    dir.resolve("none.pem").toString(),
                    "../samples/events");

            assertThat(untrusted.code()).as(untrusted.err()).isEqualTo(2);
            assertThat(trusted.code()).as(trusted.err()).isZero();
            assertThat(trusted.err()).contains("events accepted by the platform at " + base);
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains("none.pem does not exist");
        }
    }

    private static Foundation foundation(Platform platform) {
        return Objects.requireNonNull(platform.foundation());
    }

    private static String prometheusToken(Foundation foundation) {
        return foundation
                .tokens()
                .issue(
                        "prometheus",
                        Role.SOC_LEAD,
                        foundation.monitoringCenter().id(),
                        Set.of(Scope.METRICS_READ),
                        null,
                        null)
                .secret();
    }
}
