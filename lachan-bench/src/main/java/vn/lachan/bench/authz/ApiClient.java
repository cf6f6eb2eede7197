package vn.lachan.bench.authz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Speaks HTTP/1.1 over loopback to the server under test, with keep-alive connections, a token per call and
 * each call's round trip timed on the client (from before the request is sent to the whole body read).
 *
 * <p>Thread-safe.
 */
final class ApiClient {
    /** One answer and its round trip in nanoseconds. */
    record Answer(int status, String body, long nanos) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends {@code GET path} with {@code token} (none when null). */
    Answer get(String path, @Nullable String token) {
        return send(builder(path, token).GET());
    }

    /** Sends {@code POST path} with a body of {@code contentType}. */
    Answer post(String path, @Nullable String token, String contentType, String body) {
        return send(builder(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Sends {@code POST path} with a JSON body and fails unless the answer is 2xx; returns the body. */
    String postOk(String path, String token, String json) {
        Answer a = post(path, token, "application/json", json);
        return ok(a, "POST " + path);
    }

    /** Sends {@code GET path} and fails unless the answer is 2xx; returns the body. */
    String getOk(String path, @Nullable String token) {
        return ok(get(path, token), "GET " + path);
    }

    private static String ok(Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + a.status() + ": " + a.body());
        }
        return a.body();
    }

    private HttpRequest.Builder builder(String path, @Nullable String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), System.nanoTime() - started);
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }
}
