package vn.lachan.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.core.tls.TlsIdentity;
import vn.lachan.security.access.Role;
import vn.lachan.store.LuceneEventStore;
import vn.lachan.store.StoreConfig;

/**
 * Starts the real server on port 0 over a fake intake, a real Lucene event store, an in-memory alert store and
 * the real security services on H2; requests made through {@link #request} carry a platform administrator's
 * token of the monitoring center.
 */
final class TestServer implements AutoCloseable {
    static final long MAX_BODY = 64 * 1024;
    static final JsonMapper JSON = JsonMapper.builder().build();

    final FakeIntake intake = new FakeIntake();
    final MemoryAlertStore alerts = new MemoryAlertStore();
    final LuceneEventStore events;
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AtomicReference<Health> health = new AtomicReference<>(new Health(Health.Status.UP, Map.of()));
    final SecurityFixture security;
    final String adminToken;
    final WebServer server;
    final String scheme;
    final int port;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Path dir) {
        this(dir, Duration.ofSeconds(15));
    }

    TestServer(Path dir, Duration heartbeat) {
        this(dir, heartbeat, null);
    }

    /** Starts the server answering HTTPS with {@code tls}, or plain HTTP when it is null. */
    TestServer(Path dir, Duration heartbeat, @Nullable TlsIdentity tls) {
        this(dir, heartbeat, tls, ExportEncryption.none());
    }

    /** Starts the server over plain HTTP, encrypting exports as {@code exports} says. */
    TestServer(Path dir, ExportEncryption exports) {
        this(dir, Duration.ofSeconds(15), null, exports);
    }

    private TestServer(Path dir, Duration heartbeat, @Nullable TlsIdentity tls, ExportEncryption exports) {
        events = new LuceneEventStore(StoreConfig.defaults(dir.resolve("events")));
        security = new SecurityFixture(dir);
        adminToken = security.token(Role.PLATFORM_ADMIN, "SOC");
        WebConfig config = new WebConfig("127.0.0.1", 0, MAX_BODY, heartbeat, 7, Duration.ofSeconds(10), tls);
        try {
            server = new WebServer(
                    config, new WebServices(intake, events, alerts, health::get, metrics, security.security, exports));
        } catch (RuntimeException e) {
            events.close();
            security.close();
            throw e;
        }
        scheme = config.scheme();
        port = server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create(scheme + "://127.0.0.1:" + port + pathAndQuery);
    }

    /** Returns a request to {@code pathAndQuery} that carries the administrator's token. */
    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + adminToken);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
        events.close();
        security.close();
    }
}
