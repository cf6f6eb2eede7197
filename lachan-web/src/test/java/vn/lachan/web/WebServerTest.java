package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.web.Problems.assertProblem;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

class WebServerTest {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() throws Exception {
        JsonNode problem = assertProblem(server.get("/api/v1/nothing-here"), 404);

        assertThat(problem.get("detail").asString()).contains("GET /api/v1/nothing-here");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void headOnAGetRouteIsAClearRefusalNotAServerError() throws Exception {
        HttpResponse<String> head =
                server.send(server.request("/api/v1/health").method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void healthIs200WhenUpOrDegradedAnd503WhenDown() throws Exception {
        server.health.set(new Health(
                Health.Status.DEGRADED,
                Map.of("journal", new Health.Component(Health.Status.DEGRADED, Map.of("disk_free", "2 GiB")))));
        HttpResponse<String> degraded = server.get("/api/v1/health");
        server.health.set(new Health(
                Health.Status.DOWN,
                Map.of("store", new Health.Component(Health.Status.DOWN, Map.of("error", "disk")))));
        HttpResponse<String> down = server.get("/api/v1/health");

        assertThat(degraded.statusCode()).isEqualTo(200);
        JsonNode body = TestServer.json(degraded);
        assertThat(body.get("status").asString()).isEqualTo("degraded");
        assertThat(body.get("components")
                        .get("journal")
                        .get("details")
                        .get("disk_free")
                        .asString())
                .isEqualTo("2 GiB");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(TestServer.json(down)
                        .get("components")
                        .get("store")
                        .get("status")
                        .asString())
                .isEqualTo("down");
    }

    @Test
    void metricsAreInThePrometheusTextFormatAndCountRequestsByRoute() throws Exception {
        server.get("/api/v1/health");
        server.get("/api/v1/alerts/" + "a".repeat(32));

        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains("# TYPE lachan_http_requests_seconds summary")
                .containsPattern(
                        "lachan_http_requests_seconds_count\\{[^}]*route=\"/api/v1/health\"[^}]*status=\"200\"")
                .containsPattern("route=\"/api/v1/alerts/\\{id}\"[^}]*status=\"404\"");
    }

    @Test
    void aPrometheusTokenScrapesMetricsAndReadsNothingElseWhileAnAnalystCannotScrape() throws Exception {
        String prometheus = server.security.token(Role.SOC_LEAD, "SOC", EnumSet.of(Scope.METRICS_READ));
        String analyst = server.security.token(Role.SOC_ANALYST, "SOC");

        HttpResponse<String> alerts = server.send(
                HttpRequest.newBuilder(server.uri("/api/v1/alerts")).header("Authorization", "Bearer " + prometheus));
        HttpResponse<String> byAnalyst = server.send(
                HttpRequest.newBuilder(server.uri("/metrics")).header("Authorization", "Bearer " + analyst));
        HttpResponse<String> scraped = server.send(
                HttpRequest.newBuilder(server.uri("/metrics")).header("Authorization", "Bearer " + prometheus));

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body())
                .containsPattern("lachan_http_requests_seconds_count\\{[^}]*route=\"/metrics\"[^}]*status=\"403\"");
        assertProblem(alerts, 403);
        assertProblem(byAnalyst, 403);
    }

    @Test
    void closeFinishesARequestInFlightAndRefusesNewOnes() throws Exception {
        server.intake.hold();
        CompletableFuture<HttpResponse<String>> inFlight = server.http.sendAsync(
                server.request("/api/v1/ingest")
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(server.intake.awaitOffer(Duration.ofSeconds(5))).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server.server::close);
        HttpResponse<String> refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            HttpResponse<String> r = server.get("/api/v1/health");
            refused = r.statusCode() == 503 ? r : null;
            Thread.sleep(20);
        }
        server.intake.release();

        assertProblem(java.util.Objects.requireNonNull(refused, "no request was refused while draining"), 503);
        assertThat(inFlight.get().statusCode()).isEqualTo(202);
        closing.get();
        assertThat(server.intake.records()).hasSize(1);
    }
}
