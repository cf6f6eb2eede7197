package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.web.Problems.assertProblem;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditRecord;

/** Signs in over the wire: session cookie, CSRF, sign-out, tampering, throttling and second-factor enrolment. */
class SignInRoutesTest {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        server.security.user("officer.yt", Role.ORG_SECURITY_OFFICER, "SO-YT");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> anonymous(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request);
    }

    HttpResponse<String> signIn(String username, String password, @Nullable String code) throws Exception {
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}";
        return anonymous("POST", "/api/v1/auth/signin", json);
    }

    static String cookie(HttpResponse<String> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    List<String> auditActions() {
        List<String> actions = new ArrayList<>();
        for (AuditRecord r : server.security.auditStore.range(1, 10_000)) {
            actions.add(r.action() + ":" + r.outcome());
        }
        return actions;
    }

    @Test
    void aSignedInBrowserUsesItsCookieAndNeedsTheCsrfHeaderToChangeAnything() throws Exception {
        HttpResponse<String> signedIn = signIn("officer.yt", SecurityFixture.PASSWORD, null);

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("lachan_session=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(setCookie).doesNotContain("Secure"); // plain HTTP without the setting
        JsonNode body = TestServer.json(signedIn);
        assertThat(body.get("principal").get("organization").get("code").asString())
                .isEqualTo("SO-YT");
        String csrf = body.get("csrf_token").asString();
        String cookie = cookie(signedIn);

        HttpResponse<String> me = anonymous("GET", "/api/v1/auth/me", "", "Cookie", cookie);
        HttpResponse<String> noCsrf = anonymous("POST", "/api/v1/events/search", "{}", "Cookie", cookie);
        HttpResponse<String> wrongCsrf =
                anonymous("POST", "/api/v1/events/search", "{}", "Cookie", cookie, "X-CSRF-Token", csrf + "x");
        HttpResponse<String> rightCsrf =
                anonymous("POST", "/api/v1/events/search", "{}", "Cookie", cookie, "X-CSRF-Token", csrf);

        assertThat(TestServer.json(me).get("name").asString()).isEqualTo("officer.yt");
        assertThat(TestServer.json(me).get("csrf_token").asString()).isEqualTo(csrf);
        assertThat(assertProblem(noCsrf, 403).get("type").asString()).endsWith("csrf-refused");
        assertProblem(wrongCsrf, 403);
        assertThat(rightCsrf.statusCode()).as(rightCsrf.body()).isEqualTo(200);
        assertThat(auditActions())
                .containsSubsequence("signin.success:SUCCESS", "csrf.refused:DENIED", "csrf.refused:DENIED");
    }

    @Test
    void aTamperedOrEndedSessionIsRefusedAndRecorded() throws Exception {
        HttpResponse<String> signedIn = signIn("officer.yt", SecurityFixture.PASSWORD, null);
        String cookie = cookie(signedIn);
        String csrf = TestServer.json(signedIn).get("csrf_token").asString();
        char last = cookie.charAt(cookie.length() - 1);
        String tampered = cookie.substring(0, cookie.length() - 1) + (last == 'A' ? 'B' : 'A');

        HttpResponse<String> forged = anonymous("GET", "/api/v1/auth/me", "", "Cookie", tampered);
        HttpResponse<String> garbage = anonymous("GET", "/api/v1/auth/me", "", "Cookie", "lachan_session=../../etc");
        HttpResponse<String> signedOut =
                anonymous("POST", "/api/v1/auth/signout", "", "Cookie", cookie, "X-CSRF-Token", csrf);
        HttpResponse<String> afterSignOut = anonymous("GET", "/api/v1/auth/me", "", "Cookie", cookie);

        assertProblem(forged, 401);
        assertThat(forged.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertProblem(garbage, 401);
        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertProblem(afterSignOut, 401);
        assertThat(auditActions())
                .contains("session.refused:DENIED", "signout:SUCCESS")
                .filteredOn(a -> a.startsWith("session.refused"))
                .hasSize(3);
    }

    @Test
    void aTamperedTokenIsRefusedAndRecordedAndBasicCarriesATokenAsThePassword() throws Exception {
        String token = server.adminToken;
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");
        String basic = Base64.getEncoder().encodeToString(("filebeat:" + token).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = anonymous("GET", "/api/v1/auth/me", "", "Authorization", "Bearer " + forged);
        HttpResponse<String> viaBasic = anonymous("GET", "/api/v1/auth/me", "", "Authorization", "Basic " + basic);
        HttpResponse<String> badScheme = anonymous("GET", "/api/v1/auth/me", "", "Authorization", "Digest x=1");

        assertThat(assertProblem(refused, 401).get("detail").asString()).isEqualTo("the API token is not valid");
        assertThat(TestServer.json(viaBasic).get("roles").get(0).asString()).isEqualTo("PLATFORM_ADMIN");
        assertThat(TestServer.json(viaBasic).get("authenticated_by").asString()).isEqualTo("token");
        assertThat(assertProblem(badScheme, 401).get("detail").asString()).contains("Digest");
        assertThat(auditActions()).contains("token.refused:DENIED");
    }

    @Test
    void repeatedWrongPasswordsAreThrottledWithRetryAfter() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            answers.add(signIn("officer.yt", "wrong password " + i, null));
        }
        HttpResponse<String> rightButThrottled = signIn("officer.yt", SecurityFixture.PASSWORD, null);

        assertThat(answers).allSatisfy(a -> assertProblem(a, 401));
        assertThat(answers.getFirst().headers().firstValue("Retry-After")).isEmpty();
        assertThat(answers.getLast().headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertProblem(rightButThrottled, 401);
        assertThat(rightButThrottled.headers().firstValue("Retry-After")).isPresent();
        assertThat(answers.getFirst().body().replace("/api/v1/auth/signin", ""))
                .as("an unknown account gets the same answer")
                .isEqualTo(signIn("nobody.here", "wrong", null).body().replace("/api/v1/auth/signin", ""));
    }

    @Test
    void aSocAnalystEnrolsAnAuthenticatorThenSignsInWithACode() throws Exception {
        server.security.user("analyst.soc", Role.SOC_ANALYST, "SOC");

        HttpResponse<String> first = signIn("analyst.soc", SecurityFixture.PASSWORD, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode enrolment = TestServer.json(first).get("enrolment");
        byte[] secret = base32(enrolment.get("secret").asString());
        String ticket = enrolment.get("ticket").asString();

        HttpResponse<String> wrong =
                anonymous("POST", "/api/v1/auth/enrol", "{\"ticket\":\"" + ticket + "\",\"code\":\"000000\"}");
        HttpResponse<String> enrolled = anonymous(
                "POST", "/api/v1/auth/enrol", "{\"ticket\":\"" + ticket + "\",\"code\":\"" + code(secret) + "\"}");
        HttpResponse<String> again = anonymous(
                "POST", "/api/v1/auth/enrol", "{\"ticket\":\"" + ticket + "\",\"code\":\"" + code(secret) + "\"}");

        assertThat(assertProblem(wrong, 400).get("field").asString()).isEqualTo("code");
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
        JsonNode recovery = TestServer.json(enrolled).get("recovery_codes");
        assertThat(recovery.size()).isEqualTo(10);
        assertThat(enrolled.headers().firstValue("Set-Cookie")).isPresent();
        assertProblem(again, 401);

        HttpResponse<String> needsCode = signIn("analyst.soc", SecurityFixture.PASSWORD, null);
        HttpResponse<String> withRecovery =
                signIn("analyst.soc", SecurityFixture.PASSWORD, recovery.get(0).asString());
        assertThat(TestServer.json(needsCode).get("status").asString()).isEqualTo("second_factor_required");
        assertThat(withRecovery.statusCode()).as(withRecovery.body()).isEqualTo(200);
        assertThat(TestServer.json(withRecovery)
                        .get("principal")
                        .get("roles")
                        .get(0)
                        .asString())
                .isEqualTo("SOC_ANALYST");
    }

    @Test
    void signInBodiesAreReadStrictly() throws Exception {
        HttpResponse<String> unknown =
                anonymous("POST", "/api/v1/auth/signin", "{\"username\":\"a\",\"password\":\"b\",\"admin\":true}");
        HttpResponse<String> wrongType =
                anonymous("POST", "/api/v1/auth/signin", "{\"username\":\"a\",\"password\":42}");
        HttpResponse<String> missing = anonymous("POST", "/api/v1/auth/signin", "{\"username\":\"a\"}");

        assertThat(assertProblem(unknown, 400).get("field").asString()).isEqualTo("admin");
        assertThat(assertProblem(wrongType, 400).get("field").asString()).isEqualTo("password");
        assertThat(assertProblem(missing, 400).get("field").asString()).isEqualTo("password");
    }

    static String code(byte[] secret) throws Exception {
        return new TimeBasedOneTimePasswordGenerator()
                .generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), Instant.now(), Locale.ROOT);
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
