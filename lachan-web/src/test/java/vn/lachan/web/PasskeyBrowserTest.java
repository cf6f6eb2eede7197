package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.security.access.Role;
import vn.lachan.security.audit.AuditRecord;
import vn.lachan.security.session.NewSession;

/**
 * Registers passkeys and signs in with them from a real browser (Chromium with a virtual authenticator) against
 * the real server: the happy paths with and without a username, and the refusals of a replayed assertion, an
 * assertion made for another origin, a removed passkey and a cloned authenticator.
 */
class PasskeyBrowserTest {
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path dir;

    static TestServer server;
    PasskeyBrowser browser;

    @BeforeAll
    static void start() {
        server = new TestServer(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = new PasskeyBrowser(server.port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** Creates an officer of SO-YT (no TOTP needed), signs the browser in with the password; returns the CSRF. */
    String officerSignedIn(String username) {
        server.security.user(username, Role.ORG_SECURITY_OFFICER, "SO-YT");
        Map<String, Object> signedIn = browser.signInWithPassword(username, SecurityFixture.PASSWORD);
        assertThat(signedIn.get("status"))
                .as(String.valueOf(signedIn.get("body")))
                .isEqualTo(200);
        return json(signedIn).get("csrf_token").asString();
    }

    static String newName() {
        return "passkey.user" + USERS.incrementAndGet();
    }

    static JsonNode json(Map<String, Object> answer) {
        return TestServer.JSON.readTree(String.valueOf(answer.get("body")));
    }

    static int status(Map<String, Object> answer) {
        return ((Number) java.util.Objects.requireNonNull(answer.get("status"), "status")).intValue();
    }

    /** Registers a passkey for a new officer, then ends the browser's session; returns the username. */
    String officerWithPasskey() {
        String username = newName();
        String csrf = officerSignedIn(username);
        Map<String, Object> registered = browser.register(csrf, "Laptop cơ quan");
        assertThat(status(registered))
                .as(String.valueOf(registered.get("body")))
                .isEqualTo(201);
        browser.forgetSession();
        return username;
    }

    static List<AuditRecord> audit(String action) {
        List<AuditRecord> out = new ArrayList<>();
        for (AuditRecord r : server.security.auditStore.range(1, 100_000)) {
            if (r.action().equals(action)) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void aRegisteredPasskeySignsInAndItsCookieWorks() {
        String username = newName();
        String csrf = officerSignedIn(username);

        Map<String, Object> registered = browser.register(csrf, "Laptop cơ quan");
        assertThat(status(registered))
                .as(String.valueOf(registered.get("body")))
                .isEqualTo(201);
        JsonNode passkey = json(registered);
        assertThat(passkey.get("name").asString()).isEqualTo("Laptop cơ quan");
        assertThat(passkey.get("transports").toString()).contains("internal");
        browser.forgetSession();
        assertThat(status(browser.call("GET", "/api/v1/auth/me", null))).isEqualTo(401);

        Map<String, Object> signedIn = browser.signIn(username, null);

        assertThat(status(signedIn)).as(String.valueOf(signedIn.get("body"))).isEqualTo(200);
        assertThat(json(signedIn).at("/principal/name").asString()).isEqualTo(username);
        assertThat(String.valueOf(signedIn.get("options")))
                .as("the browser was pointed at the user's passkey")
                .contains(passkey.get("id").asString());
        Map<String, Object> me = browser.call("GET", "/api/v1/auth/me", null);
        assertThat(status(me)).isEqualTo(200);
        assertThat(json(me).get("name").asString()).isEqualTo(username);
        JsonNode listed = json(browser.call("GET", "/api/v1/auth/passkeys", null));
        assertThat(listed.at("/passkeys/0/id").asString())
                .isEqualTo(passkey.get("id").asString());
        assertThat(listed.at("/passkeys/0/last_used").isNull()).as("used once").isFalse();
        assertThat(audit("passkey.register"))
                .anySatisfy(r -> assertThat(r.actor()).isEqualTo("user:" + username));
        assertThat(audit("signin.success"))
                .anySatisfy(r -> assertThat(r.details()).containsEntry("factors", "passkey"));
    }

    @Test
    void aPasskeySignsInWithoutAUsername() {
        String username = officerWithPasskey();

        Map<String, Object> signedIn = browser.signIn(null, null);

        assertThat(status(signedIn)).as(String.valueOf(signedIn.get("body"))).isEqualTo(200);
        assertThat(json(signedIn).at("/principal/name").asString()).isEqualTo(username);
        assertThat(String.valueOf(signedIn.get("options"))).doesNotContain("allowCredentials\":[{");
        assertThat(status(browser.call("GET", "/api/v1/auth/me", null))).isEqualTo(200);
    }

    @Test
    void aSocLeadSigningInWithAPasskeyNeedsNoTotpStep() {
        String username = newName();
        UUID lead = server.security.user(username, Role.SOC_LEAD, "SOC");
        NewSession session = server.security.sessions.begin(lead, "127.0.0.1", "test", null);
        browser.useSession(session.id());
        assertThat(status(browser.register(session.csrfToken(), "YubiKey"))).isEqualTo(201);
        browser.forgetSession();
        Map<String, Object> password = browser.signInWithPassword(username, SecurityFixture.PASSWORD);
        assertThat(status(password)).as("the password alone is not enough").isEqualTo(202);

        Map<String, Object> signedIn = browser.signIn(null, null);

        assertThat(status(signedIn)).as(String.valueOf(signedIn.get("body"))).isEqualTo(200);
        assertThat(json(signedIn).at("/principal/roles").toString()).contains("SOC_LEAD");
    }

    @Test
    void aReplayedAssertionIsRefusedOnItsOwnCeremonyAndOnAFreshOne() {
        officerWithPasskey();
        assertThat(status(browser.signIn(null, null))).isEqualTo(200);
        browser.forgetSession();

        Map<String, Object> sameCeremony = browser.replay(false);
        Map<String, Object> freshCeremony = browser.replay(true);

        assertThat(status(sameCeremony))
                .as(String.valueOf(sameCeremony.get("body")))
                .isEqualTo(401);
        assertThat(status(freshCeremony))
                .as(String.valueOf(freshCeremony.get("body")))
                .isEqualTo(401);
        assertThat(status(browser.call("GET", "/api/v1/auth/me", null))).isEqualTo(401);
        assertThat(reasons()).contains("unknown, used or expired ceremony");
    }

    @Test
    void anAssertionMadeForAnotherOriginIsRefused() {
        officerWithPasskey();

        Map<String, Object> tampered = browser.signIn(null, "https://lachan.attacker.example");

        assertThat(status(tampered)).as(String.valueOf(tampered.get("body"))).isEqualTo(401);
        assertThat(json(tampered).get("type").asString()).isEqualTo("urn:lachan:problem:signin-refused");
        assertThat(status(browser.call("GET", "/api/v1/auth/me", null))).isEqualTo(401);
        assertThat(reasons()).anySatisfy(reason -> assertThat(reason).containsIgnoringCase("origin"));
    }

    @Test
    void anAssertionMadeForAnotherRelyingPartyIsRefused() {
        officerWithPasskey();

        Map<String, Object> tampered = browser.signIn(null, null, "lachan.attacker.example");

        assertThat(status(tampered)).as(String.valueOf(tampered.get("body"))).isEqualTo(401);
        assertThat(status(browser.call("GET", "/api/v1/auth/me", null))).isEqualTo(401);
        assertThat(reasons()).anySatisfy(reason -> assertThat(reason).containsIgnoringCase("RP ID"));
    }

    @Test
    void aRemovedPasskeyNoLongerSignsIn() {
        String username = newName();
        String csrf = officerSignedIn(username);
        String id = json(browser.register(csrf, "Điện thoại")).get("id").asString();

        Map<String, Object> withoutCsrf = browser.call("DELETE", "/api/v1/auth/passkeys/" + id, null);
        Map<String, Object> removed = browser.call("DELETE", "/api/v1/auth/passkeys/" + id, csrf);
        Map<String, Object> again = browser.call("DELETE", "/api/v1/auth/passkeys/" + id, csrf);
        browser.forgetSession();
        Map<String, Object> signIn = browser.signIn(null, null);

        assertThat(status(withoutCsrf)).isEqualTo(403);
        assertThat(status(removed)).isEqualTo(204);
        assertThat(status(again)).isEqualTo(404);
        assertThat(browser.credentialCount())
                .as("the authenticator still holds it")
                .isEqualTo(1);
        assertThat(status(signIn)).as(String.valueOf(signIn.get("body"))).isEqualTo(401);
        assertThat(audit("passkey.remove"))
                .anySatisfy(r -> assertThat(r.target()).isEqualTo(id));
    }

    @Test
    void aClonedAuthenticatorWhoseCounterWentBackIsRefusedAndAudited() {
        String username = officerWithPasskey();
        assertThat(status(browser.signIn(null, null))).isEqualTo(200);
        browser.forgetSession();

        List<Long> counts = browser.cloneAuthenticator(0);
        Map<String, Object> clone = browser.signIn(null, null);

        assertThat(counts).singleElement().satisfies(c -> assertThat(c).isPositive());
        assertThat(status(clone)).as(String.valueOf(clone.get("body"))).isEqualTo(401);
        assertThat(audit("passkey.clone_suspected"))
                .anySatisfy(r -> assertThat(r.actor()).isEqualTo("user:" + username));
    }

    @Test
    void optionsForAnUnknownUsernameLookLikeThoseOfAUserWithOnePasskey() throws Exception {
        String username = officerWithPasskey();

        JsonNode known = options(username);
        JsonNode unknown = options("nobody.here");
        JsonNode unknownAgain = options("nobody.here");

        assertThat(known.at("/public_key/allowCredentials").size()).isEqualTo(1);
        assertThat(unknown.at("/public_key/allowCredentials").size()).isEqualTo(1);
        assertThat(unknown.at("/public_key/allowCredentials/0/id"))
                .as("the same decoy each time")
                .isEqualTo(unknownAgain.at("/public_key/allowCredentials/0/id"));
        assertThat(unknown.at("/public_key/userVerification").asString()).isEqualTo("required");
    }

    static JsonNode options(String username) throws Exception {
        HttpResponse<String> response =
                server.send(HttpRequest.newBuilder(server.uri("/api/v1/auth/passkeys/signin/options"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\"}", StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    static List<String> reasons() {
        return audit("signin.failure").stream()
                .map(r -> r.details().getOrDefault("reason", ""))
                .toList();
    }
}
