package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.security.access.Role;

/**
 * Counts the gate's work ({@code lachan.http.gate}) over the wire: one observation per request to a guarded
 * route, by route, how the caller came and outcome; none for a public route.
 */
class GateTimerTest {
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

    long count(String route, String via, String outcome) {
        Timer timer = server.metrics
                .find("lachan.http.gate")
                .tags("route", route, "via", via, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    HttpResponse<String> withToken(String token, String path) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token));
    }

    @Test
    void everyGuardedRequestIsCountedByHowTheCallerCameAndTheOutcome() throws Exception {
        String officer = server.security.token(Role.ORG_SECURITY_OFFICER, "SO-YT");
        String leader = server.security.token(Role.ORG_LEADER, "SO-YT");

        for (int i = 0; i < 3; i++) {
            assertThat(withToken(officer, "/api/v1/alerts?size=10").statusCode())
                    .isEqualTo(200);
        }
        assertThat(withToken(leader, "/api/v1/alerts").statusCode()).isEqualTo(403);
        assertThat(withToken("lcn_not-a-token", "/api/v1/alerts").statusCode()).isEqualTo(401);
        assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/v1/alerts")))
                        .statusCode())
                .isEqualTo(401);
        assertThat(server.get("/api/v1/health").statusCode()).isEqualTo(200);

        assertThat(count("/api/v1/alerts", "token", "admitted")).isEqualTo(3);
        assertThat(count("/api/v1/alerts", "token", "forbidden")).isEqualTo(1);
        assertThat(count("/api/v1/alerts", "token", "unauthenticated")).isEqualTo(1);
        assertThat(count("/api/v1/alerts", "none", "unauthenticated")).isEqualTo(1);
        assertThat(server.metrics
                        .find("lachan.http.gate")
                        .tag("route", "/api/v1/health")
                        .timers())
                .isEmpty();
    }

    @Test
    void aSessionCallerIsCountedAsSuchAndTheTimerIsScraped() throws Exception {
        server.security.user("officer.yt", Role.ORG_SECURITY_OFFICER, "SO-YT");
        HttpResponse<String> signedIn = server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/signin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"officer.yt\",\"password\":\"" + SecurityFixture.PASSWORD + "\"}",
                        StandardCharsets.UTF_8)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode body = TestServer.json(signedIn);
        assertThat(body.has("csrf_token")).as(signedIn.body()).isTrue();

        HttpResponse<String> me = server.send(
                HttpRequest.newBuilder(server.uri("/api/v1/auth/me")).header("Cookie", cookie));
        HttpResponse<String> scraped = server.get("/metrics");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(count("/api/v1/auth/me", "session", "admitted")).isEqualTo(1);
        assertThat(count("/api/v1/auth/signin", "none", "admitted")).isZero();
        assertThat(scraped.body())
                .contains("# TYPE lachan_http_gate_seconds summary")
                .containsPattern("lachan_http_gate_seconds_count\\{[^}]*outcome=\"admitted\"[^}]*"
                        + "route=\"/api/v1/auth/me\"[^}]*via=\"session\"[^}]*} 1");
    }
}
