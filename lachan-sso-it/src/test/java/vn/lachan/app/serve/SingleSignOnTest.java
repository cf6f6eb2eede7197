package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.app.security.Foundation;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.security.identity.CreateResult;
import vn.lachan.security.identity.NewUser;
import vn.lachan.security.identity.UserChange;
import vn.lachan.security.identity.UserStatus;

/**
 * Signs in to the real platform ({@code lachan serve} wiring, read from a YAML file) through Spring
 * Authorization Server, a real OpenID provider, with a real HTTP client walking the browser's way; then tampers
 * with every step the flow protects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest {
    private static final String PASSWORD = "Mật khẩu đủ dài cho kiểm thử 2026!";

    private OpenIdProvider provider;
    private Platform platform;
    private String lachan;
    private String adminToken;
    private byte[] hoaSecret;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        lachan = "http://127.0.0.1:" + port;
        var users = new ProviderUsers(
                Map.of(
                        "lan", Map.of("email", "lan@soyte.example.vn", "email_verified", true),
                        "hoa", Map.of(),
                        "tuan", Map.of(),
                        "minh", Map.of("groups", List.of("staff", "soc-analysts"), "amr", List.of("pwd", "mfa")),
                        "stranger", Map.of(),
                        "nonce-bad", Map.of("x-nonce", "not-the-nonce-lachan-sent"),
                        "aud-bad", Map.of("x-aud", "another-client")),
                lachan + "/api/v1/auth/oidc/spring/callback");
        provider = new OpenIdProvider(Files.createDirectories(dir.resolve("provider")), users);
        Path data = dir.resolve("data");
        prepareAccounts(data);
        Path config = dir.resolve("lachan.yml");
        Files.writeString(
                config, """
                sso:
                  providers:
                    - id: spring
                      display_name: Spring Authorization Server
                      issuer: %s
                      client_id: %s
                      redirect_base_url: %s
                      link_by: [username]
                      provisioning:
                        claim: groups
                        rules:
                          - value: soc-analysts
                            role: SOC_ANALYST
                            organization: SOC
                """.formatted(provider.issuer, ProviderUsers.CLIENT_ID, lachan), StandardCharsets.UTF_8);
        ServeConfig read = ConfigReader.read(
                config, new ConfigReader.Overrides(data, "127.0.0.1:" + port, "127.0.0.1:0", List.of()));
        platform = Platform.start(withSecret(read));
    }

    private void prepareAccounts(Path data) {
        try (Foundation f = Foundation.open(data, null, Map.of())) {
            UUID soc = f.monitoringCenter().id();
            create(f, "lan", Role.ORG_LEADER, soc);
            UUID hoa = create(f, "hoa", Role.SOC_LEAD, soc);
            hoaSecret = new byte[20];
            new SecureRandom().nextBytes(hoaSecret);
            f.users().setTotpSecret(hoa, hoaSecret);
            UUID tuan = create(f, "tuan", Role.ORG_LEADER, soc);
            f.directory().update(null, tuan, UserChange.status(UserStatus.DISABLED));
            adminToken = f.tokens()
                    .issue("auditor", Role.PLATFORM_ADMIN, soc, EnumSet.of(Scope.ADMIN), null, null)
                    .secret();
        }
    }

    private static UUID create(Foundation f, String name, Role role, UUID org) {
        var result = f.directory().create(null, new NewUser(name, name, null, org, Set.of(role), PASSWORD));
        return ((CreateResult.Created) result).account().id();
    }

    private static ServeConfig withSecret(ServeConfig config) {
        // The client secret comes from the environment in production; the test cannot set one, so it puts the
        // secret into the provider as ConfigReader would have read it.
        var providers = config.sso().stream()
                .map(p -> new vn.lachan.security.sso.OidcProvider(
                        p.id(),
                        p.displayName(),
                        p.issuer(),
                        p.clientId(),
                        ProviderUsers.CLIENT_SECRET,
                        p.scopes(),
                        p.redirectBaseUrl(),
                        p.usernameClaim(),
                        p.linkBy(),
                        p.mfaMethods(),
                        p.provisioning()))
                .toList();
        return config.withSso(providers);
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void listsTheProvidersForASignInPage() throws Exception {
        HttpResponse<String> list = new Browser(lachan).get(lachan + "/api/v1/auth/oidc/providers");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"spring\"", "Spring Authorization Server", "\"available\":true");
    }

    @Test
    void signsAnExistingUserInAndTheSessionWorks() throws Exception {
        Browser browser = new Browser(lachan);
        HttpResponse<String> callback = browser.signIn("spring", "/alerts?view=open", "lan", url -> url);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(Browser.hopTarget(callback)).isEqualTo("/alerts?view=open");
        assertThat(sessionCookie(browser)).isNotNull();
        HttpResponse<String> me = browser.get(lachan + "/api/v1/auth/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"lan\"", "ORG_LEADER", "csrf_token");
        assertThat(audit()).contains("sso.link").containsPattern("signin.success[^}]*oidc:spring");
    }

    @Test
    void theStartRefusesAReturnToOffTheSite() throws Exception {
        Browser browser = new Browser(lachan);
        for (String evil : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
            HttpResponse<String> start = browser.get(lachan + "/api/v1/auth/oidc/spring/start?return_to="
                    + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8));
            assertThat(start.statusCode()).as(evil).isEqualTo(400);
            assertThat(start.body()).contains("return_to");
        }
        assertThat(browser.get(lachan + "/api/v1/auth/oidc/nope/start").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aStartedSignInGoesToTheProviderWithStateNoncePkceAndABrowserCookie() throws Exception {
        Browser browser = new Browser(lachan);
        HttpResponse<String> start = browser.get(lachan + "/api/v1/auth/oidc/spring/start?return_to=/");
        assertThat(start.statusCode()).isEqualTo(302);
        String location = Browser.location(start);
        assertThat(location)
                .startsWith(provider.issuer + "/oauth2/authorize?")
                .contains(
                        "code_challenge_method=S256",
                        "code_challenge=",
                        "state=",
                        "nonce=",
                        "response_type=code",
                        "client_id=lachan");
        String cookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lachan_sso_state="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=600", "Path=/api/v1/auth/oidc");
    }

    @Test
    void refusesAnIdentityWithNoAccount() throws Exception {
        HttpResponse<String> callback = new Browser(lachan).signIn("spring", "/", "stranger", url -> url);
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body()).contains("\"reason\":\"unknown-user\"");
        assertThat(audit()).containsPattern("sso:spring:stranger\"[^}]*signin.failure");
    }

    @Test
    void refusesADisabledUser() throws Exception {
        HttpResponse<String> callback = new Browser(lachan).signIn("spring", "/", "tuan", url -> url);
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body()).contains("\"reason\":\"disabled\"");
        assertThat(audit()).containsPattern("user:tuan\"[^}]*signin.failure[^}]*denied");
    }

    @Test
    void provisionsAnAccountFromTheGroupsClaimAndAcceptsTheProvidersMfa() throws Exception {
        Browser browser = new Browser(lachan);
        HttpResponse<String> callback = browser.signIn("spring", "/", "minh", url -> url);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        HttpResponse<String> me = browser.get(lachan + "/api/v1/auth/me");
        assertThat(me.body()).contains("\"minh\"", "SOC_ANALYST", "\"SOC\"");
        assertThat(audit()).containsPattern("user.provision[^}]*soc-analysts").containsPattern("amr:pwd,mfa");
    }

    @Test
    void aRoleThatNeedsASecondFactorWithoutAmrPassesTheLocalTotpStep() throws Exception {
        Browser browser = new Browser(lachan);
        HttpResponse<String> callback = browser.signIn("spring", "/cases", "hoa", url -> url);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(Browser.hopTarget(callback)).isEqualTo("/cases?sso=second_factor");
        assertThat(sessionCookie(browser))
                .as("no session before the second factor")
                .isNull();
        assertThat(browser.get(lachan + "/api/v1/auth/me").statusCode()).isEqualTo(401);
        String url = lachan + "/api/v1/auth/oidc/second-factor";
        assertThat(browser.post(url, "application/json", "{}").body()).contains("second_factor_required");
        HttpResponse<String> wrong = browser.post(url, "application/json", "{\"code\":\"000000\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(browser.post(url, "application/json", "{\"code\":\"1\",\"extra\":1}")
                        .statusCode())
                .isEqualTo(400);
        String code = new TimeBasedOneTimePasswordGenerator()
                .generateOneTimePasswordString(new SecretKeySpec(hoaSecret, "HmacSHA1"), Instant.now());
        HttpResponse<String> right = browser.post(url, "application/json", "{\"code\":\"" + code + "\"}");
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(right.body()).contains("signed_in", "\"return_to\":\"/cases\"");
        assertThat(browser.get(lachan + "/api/v1/auth/me").body()).contains("\"hoa\"", "SOC_LEAD");
        assertThat(audit()).containsPattern("signin.second-factor").containsPattern("oidc:spring\\+second factor");
    }

    @Test
    void aTamperedPkceChallengeMakesTheCodeUseless() throws Exception {
        HttpResponse<String> callback = new Browser(lachan)
                .signIn(
                        "spring",
                        "/",
                        "lan",
                        url -> url.replaceFirst("code_challenge=[^&]+", "code_challenge=" + "A".repeat(43)));
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body()).contains("\"reason\":\"token-exchange\"", "invalid_grant");
    }

    @Test
    void refusesAnIdTokenWithAnotherNonce() throws Exception {
        HttpResponse<String> callback = new Browser(lachan).signIn("spring", "/", "nonce-bad", url -> url);
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body()).contains("\"reason\":\"id-token\"").containsIgnoringCase("nonce");
    }

    @Test
    void refusesAnIdTokenForAnotherAudience() throws Exception {
        HttpResponse<String> callback = new Browser(lachan).signIn("spring", "/", "aud-bad", url -> url);
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body()).contains("\"reason\":\"id-token\"").containsIgnoringCase("audience");
    }

    @Test
    void aStateWorksOnceAndOnlyInTheBrowserThatStartedIt() throws Exception {
        Browser browser = new Browser(lachan);
        HttpResponse<String> start = browser.get(lachan + "/api/v1/auth/oidc/spring/start");
        String state = query(Browser.location(start), "state");
        HttpResponse<String> elsewhere =
                new Browser(lachan).get(lachan + "/api/v1/auth/oidc/spring/callback?code=x&state=" + state);
        assertThat(elsewhere.body()).contains("\"reason\":\"state-not-this-browser\"");
        HttpResponse<String> replay = browser.get(lachan + "/api/v1/auth/oidc/spring/callback?code=x&state=" + state);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("\"reason\":\"state-unknown\"");
    }

    @Test
    void theProvidersErrorIsAClearRefusal() throws Exception {
        Browser browser = new Browser(lachan);
        HttpResponse<String> start = browser.get(lachan + "/api/v1/auth/oidc/spring/start");
        String state = query(Browser.location(start), "state");
        HttpResponse<String> denied = browser.get(lachan + "/api/v1/auth/oidc/spring/callback?error=access_denied"
                + "&error_description=user+cancelled&state=" + state);
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.body()).contains("\"reason\":\"provider-error\"", "access_denied", "user cancelled");
        assertThat(audit()).containsPattern("signin.failure[^}]*provider-error");
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name + " in " + url);
    }

    private static @org.jspecify.annotations.Nullable HttpCookie sessionCookie(Browser browser) {
        return browser.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("lachan_session"))
                .findFirst()
                .orElse(null);
    }

    private String audit() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(lachan + "/api/v1/audit?size=1000"))
                                .header("Authorization", "Bearer " + adminToken)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
