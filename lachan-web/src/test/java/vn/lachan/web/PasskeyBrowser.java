package vn.lachan.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Drives Debian's Chromium (never a downloaded browser) with a Chrome DevTools virtual authenticator (CTAP2,
 * internal, resident keys, user verification), on a page of the real server at {@code http://localhost:PORT}
 * (a secure context), running {@code navigator.credentials.create/get} with the options from our routes.
 */
final class PasskeyBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final String POST = """
            const post = (url, body, csrf) => fetch(url, {method: 'POST', body: JSON.stringify(body),
                headers: csrf ? {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}
                              : {'Content-Type': 'application/json'}});
            const answer = async (r) => ({status: r.status, body: await r.text()});
            """;

    private static final String SIGN_IN_WITH_PASSWORD = "async ({username, password}) => {" + POST + """
              return answer(await post('/api/v1/auth/signin', {username, password}));
            }""";

    private static final String REGISTER = "async ({csrf, name}) => {" + POST + """
              const start = await post('/api/v1/auth/passkeys/register/options', {}, csrf);
              if (start.status !== 200) return answer(start);
              const options = await start.json();
              const credential = await navigator.credentials.create(
                  {publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.public_key)});
              return answer(await post('/api/v1/auth/passkeys/register',
                  {ceremony: options.ceremony, name, credential: credential.toJSON()}, csrf));
            }""";

    private static final String SIGN_IN = "async ({username, origin, rpId}) => {" + POST + """
              const start = await post('/api/v1/auth/passkeys/signin/options', username ? {username} : {});
              if (start.status !== 200) return answer(start);
              const options = await start.json();
              const credential = await navigator.credentials.get(
                  {publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.public_key)});
              const json = credential.toJSON();
              if (origin) {
                const b64 = json.response.clientDataJSON.replace(/-/g, '+').replace(/_/g, '/');
                const client = JSON.parse(atob(b64 + '==='.slice((b64.length + 3) % 4)));
                client.origin = origin;
                json.response.clientDataJSON = btoa(JSON.stringify(client))
                    .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
              }
              if (rpId) {
                const b64 = json.response.authenticatorData.replace(/-/g, '+').replace(/_/g, '/');
                const data = Uint8Array.from(atob(b64 + '==='.slice((b64.length + 3) % 4)), c => c.charCodeAt(0));
                const hash = new Uint8Array(
                    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rpId)));
                data.set(hash, 0);
                json.response.authenticatorData = btoa(String.fromCharCode(...data))
                    .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
              }
              window.lastSignIn = {ceremony: options.ceremony, credential: json};
              const done = await answer(await post('/api/v1/auth/passkeys/signin', window.lastSignIn));
              return {...done, options: JSON.stringify(options.public_key)};
            }""";

    private static final String REPLAY = "async (fresh) => {" + POST + """
              let ceremony = window.lastSignIn.ceremony;
              if (fresh) {
                ceremony = (await (await post('/api/v1/auth/passkeys/signin/options', {})).json()).ceremony;
              }
              return answer(await post('/api/v1/auth/passkeys/signin',
                  {ceremony, credential: window.lastSignIn.credential}));
            }""";

    private static final String CALL = "async ({method, path, csrf}) => {" + POST + """
              const headers = csrf ? {'X-CSRF-Token': csrf} : {};
              return answer(await fetch(path, {method, headers}));
            }""";

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    private final Page page;
    private final CDPSession cdp;
    private String authenticator;

    /** Opens the browser on {@code http://localhost:port/api/v1/health} with a fresh virtual authenticator. */
    PasskeyBrowser(int port) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (.ci/run does)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
        context = browser.newContext();
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/api/v1/health");
        cdp = context.newCDPSession(page);
        JsonObject enable = new JsonObject();
        enable.addProperty("enableUI", false);
        cdp.send("WebAuthn.enable", enable);
        authenticator = addAuthenticator();
    }

    private String addAuthenticator() {
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject params = new JsonObject();
        params.add("options", options);
        return cdp.send("WebAuthn.addVirtualAuthenticator", params)
                .get("authenticatorId")
                .getAsString();
    }

    /** Signs in with a password through the page; returns the answer (status and body). */
    Map<String, Object> signInWithPassword(String username, String password) {
        return run(SIGN_IN_WITH_PASSWORD, Map.of("username", username, "password", password));
    }

    /** Registers a passkey for the session the browser holds. */
    Map<String, Object> register(String csrf, String name) {
        return run(REGISTER, Map.of("csrf", csrf, "name", name));
    }

    /** Signs in with a passkey, optionally naming the user, optionally claiming another origin. */
    Map<String, Object> signIn(@Nullable String username, @Nullable String claimedOrigin) {
        return signIn(username, claimedOrigin, null);
    }

    /**
     * Signs in with a passkey, optionally naming the user, claiming another origin, or passing the
     * authenticator's data off as made for another RP id (its RP id hash replaced).
     */
    Map<String, Object> signIn(@Nullable String username, @Nullable String claimedOrigin, @Nullable String rpId) {
        Map<String, Object> arg = new HashMap<>();
        arg.put("username", username == null ? "" : username);
        arg.put("origin", claimedOrigin == null ? "" : claimedOrigin);
        arg.put("rpId", rpId == null ? "" : rpId);
        return run(SIGN_IN, arg);
    }

    /** Sends the last sign-in assertion again, to its own ceremony or to a fresh one. */
    Map<String, Object> replay(boolean freshCeremony) {
        return run(REPLAY, freshCeremony);
    }

    /** Calls a route with the browser's cookies. */
    Map<String, Object> call(String method, String path, @Nullable String csrf) {
        return run(CALL, Map.of("method", method, "path", path, "csrf", csrf == null ? "" : csrf));
    }

    /** Gives the browser the cookie of a session begun on the server. */
    void useSession(String sessionId) {
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("lachan_session", sessionId)
                .setDomain("localhost")
                .setPath("/")));
    }

    /** Forgets the session cookie, as a closed browser would. */
    void forgetSession() {
        context.clearCookies();
    }

    /**
     * Replaces the authenticator by a clone holding a copy of its credentials with the signature counter set
     * back to {@code signCount}; returns the counters the original held.
     */
    List<Long> cloneAuthenticator(long signCount) {
        JsonObject which = new JsonObject();
        which.addProperty("authenticatorId", authenticator);
        JsonArray credentials = cdp.send("WebAuthn.getCredentials", which).getAsJsonArray("credentials");
        cdp.send("WebAuthn.removeVirtualAuthenticator", which);
        authenticator = addAuthenticator();
        List<Long> counts = new java.util.ArrayList<>();
        for (var element : credentials) {
            JsonObject credential = element.getAsJsonObject().deepCopy();
            counts.add(credential.get("signCount").getAsLong());
            credential.addProperty("signCount", signCount);
            JsonObject add = new JsonObject();
            add.addProperty("authenticatorId", authenticator);
            add.add("credential", credential);
            cdp.send("WebAuthn.addCredential", add);
        }
        return counts;
    }

    /** Returns how many credentials the authenticator holds. */
    int credentialCount() {
        JsonObject which = new JsonObject();
        which.addProperty("authenticatorId", authenticator);
        return cdp.send("WebAuthn.getCredentials", which)
                .getAsJsonArray("credentials")
                .size();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String script, Object arg) {
        return (Map<String, Object>) page.evaluate(script, arg);
    }

    @Override
    public void close() {
        try {
            context.close();
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
