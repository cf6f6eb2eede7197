package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.web.Problems.assertProblem;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditRecord;

/**
 * Checks the passkey routes over the wire without a browser: input validation, who may use them, throttling of
 * failed sign-ins, and the answer of a server with passkeys off.
 */
class PasskeyRoutesTest {
    private static final String SIGN_IN = "/api/v1/auth/passkeys/signin";
    private static final String OPTIONS = "/api/v1/auth/passkeys/signin/options";

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

    HttpResponse<String> anonymous(String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    @Test
    void badBodiesAreRefusedNamingTheField() throws Exception {
        JsonNode noCeremony = assertProblem(anonymous(SIGN_IN, "{\"credential\":{}}"), 400);
        JsonNode noCredential = assertProblem(anonymous(SIGN_IN, "{\"ceremony\":\"abc\"}"), 400);
        JsonNode textCredential = assertProblem(anonymous(SIGN_IN, "{\"ceremony\":\"abc\",\"credential\":\"x\"}"), 400);
        JsonNode unknownField = assertProblem(anonymous(OPTIONS, "{\"user\":\"an\"}"), 400);
        JsonNode longCeremony =
                assertProblem(anonymous(SIGN_IN, "{\"ceremony\":\"" + "a".repeat(65) + "\",\"credential\":{}}"), 400);

        assertThat(noCeremony.get("field").asString()).isEqualTo("ceremony");
        assertThat(noCredential.get("field").asString()).isEqualTo("credential");
        assertThat(textCredential.get("field").asString()).isEqualTo("credential");
        assertThat(unknownField.toString()).contains("user");
        assertThat(longCeremony.get("field").asString()).isEqualTo("ceremony");
    }

    @Test
    void optionsRequireUserVerificationAndDiscoverableCredentials() throws Exception {
        String officer = server.security.token(Role.ORG_SECURITY_OFFICER, "SO-YT");
        HttpResponse<String> signIn = anonymous(OPTIONS, "");
        HttpResponse<String> byToken =
                server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/passkeys/register/options"))
                        .header("Authorization", "Bearer " + officer)
                        .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        JsonNode options = TestServer.json(signIn);
        assertThat(options.get("ceremony").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(options.at("/public_key/challenge").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(options.at("/public_key/rpId").asString()).isEqualTo("localhost");
        assertThat(options.at("/public_key/userVerification").asString()).isEqualTo("required");
        assertThat(options.at("/public_key/allowCredentials").isMissingNode()
                        || options.at("/public_key/allowCredentials").isEmpty())
                .as("username-less: any discoverable passkey may answer")
                .isTrue();
        assertThat(options.get("expires_in_seconds").asLong()).isEqualTo(300);
        JsonNode refused = assertProblem(byToken, 400);
        assertThat(refused.get("type").asString()).isEqualTo("urn:lachan:problem:passkeys-for-people");
    }

    @Test
    void failedSignInsFromOneAddressAreThrottledAndAudited() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            answers.add(anonymous(SIGN_IN, "{\"ceremony\":\"made-up-" + i + "\",\"credential\":{\"id\":\"x\"}}"));
        }
        HttpResponse<String> last = answers.getLast();
        HttpResponse<String> options = anonymous(OPTIONS, "{}");

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(401);
        assertThat(answers.getFirst().headers().firstValue("Retry-After"))
                .as("no wait yet")
                .isEmpty();
        JsonNode throttled = assertProblem(last, 401);
        assertThat(throttled.get("type").asString()).isEqualTo("urn:lachan:problem:signin-refused");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(options.statusCode()).as("no new ceremony while throttled").isEqualTo(401);
        assertThat(options.headers().firstValue("Retry-After")).isPresent();
        List<String> actions = new ArrayList<>();
        for (AuditRecord r : server.security.auditStore.range(1, 10_000)) {
            if ("passkey".equals(r.details().get("method"))) {
                actions.add(r.action() + ":" + r.outcome());
            }
        }
        assertThat(actions).contains("signin.failure:FAILURE", "signin.throttled:DENIED");
    }

    @Test
    void aServerWithPasskeysOffSaysHowToTurnThemOn() throws Exception {
        WebSecurity s = server.security.security;
        WebSecurity off = new WebSecurity(
                s.policy(),
                s.tokens(),
                s.tokenRecords(),
                s.sessions(),
                s.signIn(),
                s.totp(),
                s.users(),
                s.audit(),
                s.auditRecords(),
                s.organizations(),
                false);
        WebConfig config = new WebConfig(
                "127.0.0.1", 0, TestServer.MAX_BODY, Duration.ofSeconds(15), 7, Duration.ofSeconds(1), null);
        try (WebServer plain = new WebServer(
                config,
                new WebServices(
                        server.intake, server.events, server.alerts, server.health::get, server.metrics, off))) {
            int port = plain.start();
            HttpResponse<String> response =
                    server.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + OPTIONS))
                            .POST(HttpRequest.BodyPublishers.noBody()));

            JsonNode problem = assertProblem(response, 501);
            assertThat(problem.get("detail").asString()).contains("passkeys.rp_id");
        }
    }
}
