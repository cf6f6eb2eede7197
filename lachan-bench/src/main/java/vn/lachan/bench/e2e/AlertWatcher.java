package vn.lachan.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code GET /api/v1/alerts/stream} (server-sent events) like a dashboard would, on its own thread,
 * and records when the alert of each latency probe is first seen. Counts every alert event and any
 * {@code overflow} (the server ending a stream that fell behind).
 *
 * <p>Thread-safe.
 */
final class AlertWatcher implements AutoCloseable {
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Probes probes;
    private final URI stream;
    private final String authorization;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong probeAlerts = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    private final Thread thread;
    private volatile @Nullable Stream<String> lines;
    private volatile boolean closed;
    private volatile String failure = "";

    /** Connects to the stream and returns once the server has answered (at most 10 s). */
    AlertWatcher(String baseUrl, String token, Probes probes) {
        this.authorization = "Bearer " + token;
        this.probes = probes;
        this.stream = URI.create(baseUrl + "/api/v1/alerts/stream");
        this.thread = Thread.ofPlatform().name("e2e-alert-stream").daemon().start(this::follow);
        try {
            if (!connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the alert stream did not answer within 10 s: " + failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to the alert stream", e);
        }
    }

    private void follow() {
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> body = response.body()) {
                lines = body;
                connected.countDown();
                read(body.iterator());
            }
        } catch (IOException | UncheckedIOException e) {
            if (!closed) {
                failure = e.toString();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connected.countDown();
        }
    }

    private void read(Iterator<String> it) {
        String event = "message";
        while (!closed && it.hasNext()) {
            String line = it.next();
            long seen = System.nanoTime();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && event.equals("alert")) {
                alert(line.substring(5).strip(), seen);
            } else if (line.startsWith("data:") && event.equals("overflow")) {
                overflows.incrementAndGet();
            } else if (line.isEmpty()) {
                event = "message";
            }
        }
    }

    private void alert(String data, long seen) {
        alerts.incrementAndGet();
        JsonNode alert = json.readTree(data);
        String rule = alert.path("rule_id").asString("");
        if (!rule.equals(Probes.RULE_ID)) {
            return;
        }
        OptionalInt n = Probes.number(alert.path("entities").path("host.name").asString(""));
        if (n.isPresent() && probes.alerted(n.getAsInt(), seen)) {
            probeAlerts.incrementAndGet();
        }
    }

    long alerts() {
        return alerts.get();
    }

    long probeAlerts() {
        return probeAlerts.get();
    }

    long overflows() {
        return overflows.get();
    }

    /** Returns why the stream ended early, or "" when it did not. */
    String failure() {
        return failure;
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> body = lines;
        if (body != null) {
            body.close();
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
