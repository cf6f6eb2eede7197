package vn.lachan.app.serve;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a browser's way through single sign-on with a real HTTP client and a cookie jar: redirects, the
 * provider's login form (with its CSRF field), and Lachan's hop page. Not thread-safe; one per test.
 */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern HOP = Pattern.compile("http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"");

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String lachan;

    Browser(String lachan) {
        this.lachan = lachan;
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String contentType, String body) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Starts a sign-in at Lachan and follows it through the provider's login (as {@code user}) back to Lachan's
     * callback; {@code tamper} may change the authorization URL before the browser follows it. Returns Lachan's
     * answer to the callback.
     */
    HttpResponse<String> signIn(String provider, String returnTo, String user, UnaryOperator<String> tamper)
            throws IOException, InterruptedException {
        HttpResponse<String> start = get(lachan + "/api/v1/auth/oidc/" + provider + "/start?return_to="
                + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        if (start.statusCode() != 302) {
            return start;
        }
        String next = tamper.apply(location(start));
        for (int hops = 0; hops < 10; hops++) {
            if (next.startsWith(lachan)) {
                return get(next);
            }
            HttpResponse<String> response = get(next);
            if (response.statusCode() == 302) {
                next = absolute(response, location(response));
            } else if (response.statusCode() == 200 && response.body().contains("_csrf")) {
                HttpResponse<String> login = login(response, user);
                next = absolute(login, location(login));
            } else {
                throw new IllegalStateException("unexpected answer " + response.statusCode() + " from " + next);
            }
        }
        throw new IllegalStateException("too many redirects");
    }

    /** Returns the local path a hop page moves on to. */
    static String hopTarget(HttpResponse<String> page) {
        Matcher m = HOP.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("not a hop page: " + page.body());
        }
        return m.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> login(HttpResponse<String> form, String user)
            throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field in the login form");
        }
        String body =
                "username=" + enc(user) + "&password=" + enc(ProviderUsers.PASSWORD) + "&_csrf=" + enc(csrf.group(1));
        URI page = form.uri();
        return post(page.resolve("/login").toString(), "application/x-www-form-urlencoded", body);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no Location"));
    }

    private static String absolute(HttpResponse<String> response, String location) {
        return response.uri().resolve(location).toString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
