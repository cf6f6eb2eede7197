package vn.lachan.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls the server's {@code /api/v1/health} and its process's memory every quarter second: events stored,
 * backlog (journal lag), journal bytes, and the peaks of both. Also scrapes {@code /metrics} on demand.
 *
 * <p>Thread-safe: its own thread writes, any thread reads the latest sample and the peaks.
 */
final class Monitor implements AutoCloseable {
    /** One health sample at {@code nanos} ({@link System#nanoTime()}). */
    record Sample(
            long nanos,
            long stored,
            long lag,
            long journalBytes,
            long budgetBytes,
            long fullAnswers,
            long storeFailures) {}

    private static final Duration EVERY = Duration.ofMillis(250);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final String authorization;
    private final ServerProcess server;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile Sample latest = new Sample(System.nanoTime(), 0, 0, 0, 0, 0, 0);
    private volatile long peakJournalBytes;
    private volatile long peakRssKib;
    private volatile boolean closed;
    private volatile String lastFailure = "";
    private final java.util.concurrent.atomic.AtomicLong polls = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    Monitor(ServerProcess server) {
        this.server = server;
        this.baseUrl = server.baseUrl();
        this.authorization = "Bearer " + server.token();
        this.latest = poll().orElse(latest);
        this.thread = Thread.ofPlatform().name("e2e-monitor").daemon().start(this::loop);
    }

    private void loop() {
        while (!closed) {
            poll().ifPresent(this::keep);
            long rss = server.rssKib()[0];
            peakRssKib = Math.max(peakRssKib, rss);
            try {
                TimeUnit.MILLISECONDS.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void keep(Sample s) {
        samples.add(s);
        latest = s;
        peakJournalBytes = Math.max(peakJournalBytes, s.journalBytes());
    }

    private java.util.Optional<Sample> poll() {
        polls.incrementAndGet();
        try {
            JsonNode body = json.readTree(get("/api/v1/health"));
            JsonNode pipeline = body.path("components").path("pipeline").path("details");
            JsonNode journal = body.path("components").path("journal").path("details");
            return java.util.Optional.of(new Sample(
                    System.nanoTime(),
                    number(pipeline, "stored"),
                    number(pipeline, "lag"),
                    number(journal, "bytes"),
                    number(journal, "budget_bytes"),
                    number(journal, "full_answers"),
                    number(pipeline, "store_failures")));
        } catch (IOException | RuntimeException e) {
            lastFailure = e.toString();
            failures.incrementAndGet();
            return java.util.Optional.empty();
        }
    }

    private static long number(JsonNode details, String name) {
        String text = details.path(name).asString();
        return text == null || text.isEmpty() ? 0 : Long.parseLong(text);
    }

    /** Returns the body of {@code GET path}; throws on a failure to reach the server or a non-2xx answer. */
    String get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IOException("GET " + path + " answered HTTP " + r.statusCode());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during GET " + path, e);
        }
    }

    /** Returns the latest health sample. */
    Sample latest() {
        return latest;
    }

    /** Returns the backlog (journal records not yet processed) of the latest sample. */
    long lag() {
        return latest.lag();
    }

    long peakJournalBytes() {
        return peakJournalBytes;
    }

    long peakRssKib() {
        return peakRssKib;
    }

    /** Returns the last failed health poll's error, or "". */
    String lastFailure() {
        return lastFailure;
    }

    /** Returns the health polls made and how many failed. */
    long[] pollCounts() {
        return new long[] {polls.get(), failures.get()};
    }

    /** Returns the samples taken between {@code fromNanos} and {@code toNanos}. */
    synchronized List<Sample> between(long fromNanos, long toNanos) {
        return samples.stream()
                .filter(s -> s.nanos() >= fromNanos && s.nanos() <= toNanos)
                .toList();
    }

    /**
     * Waits until the server has processed everything: no lag and at least {@code expected} events stored,
     * or no lag and nothing stored for {@code quiet} (then some were lost); returns false at {@code timeout}.
     */
    boolean awaitDrained(long expected, Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long stableSince = System.nanoTime();
        long lastStored = -1;
        while (System.nanoTime() < deadline) {
            Sample s = latest;
            if (s.lag() == 0 && s.stored() >= expected) {
                return true;
            }
            if (s.stored() != lastStored || s.lag() != 0) {
                lastStored = s.stored();
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > quiet.toNanos()) {
                return true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
