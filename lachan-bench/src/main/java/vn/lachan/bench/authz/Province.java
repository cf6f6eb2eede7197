package vn.lachan.bench.authz;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lays out a province on a fresh server through its management routes, as an administrator would: the
 * province, its departments, each with its units; then issues API tokens (a monitoring-center analyst, an
 * officer of the first department) and feeds events, the officer's filed under its department, so that the
 * alert and event queries of both callers answer real pages.
 *
 * <p>Not thread-safe.
 */
final class Province {
    static final String PROVINCE = "TINH-BENCH";
    static final String OFFICER_ORG = "SO-01";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 250;

    private final ApiClient api;
    private final String admin;
    private final PrintStream log;

    Province(ApiClient api, String adminToken, PrintStream log) {
        this.api = api;
        this.admin = adminToken;
        this.log = log;
    }

    /** Creates the province, {@code departments} departments and {@code units} units under each; returns the count. */
    int create(int departments, int units) {
        organization(PROVINCE, "Tỉnh Lạc An", "province", null);
        int created = 1;
        for (int d = 1; d <= departments; d++) {
            String dept = String.format(Locale.ROOT, "SO-%02d", d);
            organization(dept, "Sở số " + d, "department", PROVINCE);
            created++;
            for (int u = 1; u <= units; u++) {
                String unit = String.format(Locale.ROOT, "%s-DV%02d", dept, u);
                organization(unit, "Đơn vị sự nghiệp " + u + " thuộc sở " + d, "public_service_unit", dept);
                created++;
            }
        }
        return created;
    }

    private void organization(String code, String name, String kind, @Nullable String parent) {
        var body = JSON.createObjectNode().put("code", code).put("name", name).put("kind", kind);
        if (parent != null) {
            body.put("parent", parent);
        }
        api.postOk("/api/v1/organizations", admin, body.toString());
    }

    /** Issues a token of {@code role} in the organization {@code code}; returns its secret. */
    String token(String name, String role, String code) {
        var body = JSON.createObjectNode()
                .put("name", name)
                .put("role", role)
                .put("organization", code)
                .put("expires", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        body.putArray("scopes").add("admin");
        return JSON.readTree(api.postOk("/api/v1/tokens", admin, body.toString()))
                .get("secret")
                .asString();
    }

    /** Sends {@code lines} as NDJSON with {@code token} in batches; returns how many were accepted. */
    long feed(List<String> lines, String token) {
        long accepted = 0;
        for (int from = 0; from < lines.size(); from += BATCH) {
            String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + BATCH))) + "\n";
            ApiClient.Answer a = api.post(Calls.INGEST_PATH, token, "application/x-ndjson", body);
            if (a.status() != 202) {
                throw new IllegalStateException("feeding events answered " + a.status() + ": " + a.body());
            }
            accepted += JSON.readTree(a.body()).path("accepted").asLong();
        }
        return accepted;
    }

    /** Waits until the pipeline has stored at least {@code expected} events and its backlog is empty. */
    void awaitStored(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long stored = 0;
        while (System.nanoTime() < deadline) {
            JsonNode pipeline = JSON.readTree(api.get("/api/v1/health", null).body())
                    .path("components")
                    .path("pipeline");
            JsonNode details = pipeline.path("details");
            stored = number(details, "stored");
            if (stored >= expected && number(details, "lag") == 0) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(
                "the server stored " + stored + " of " + expected + " events within " + timeout);
    }

    /** Returns the most frequent {@code event.code} among the events {@code token} sees. */
    String commonEventCode(String token) {
        String body = "{\"size\":0,\"aggregations\":{\"codes\":{\"terms\":{\"field\":\"event.code\",\"size\":1}}}}";
        JsonNode buckets = JSON.readTree(api.postOk(Calls.SEARCH_PATH, token, body))
                .path("aggregations")
                .path("codes")
                .path("buckets");
        if (buckets.isEmpty()) {
            throw new IllegalStateException("no event.code among the events the officer sees: the feed did not land");
        }
        return buckets.get(0).path("key").asString();
    }

    /** Returns the lines dealt alternately into two halves, so that both cover every dataset of the sample. */
    static List<List<String>> split(List<String> lines) {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 2 == 0 ? first : second).add(lines.get(i));
        }
        return List.of(first, second);
    }

    private static long number(JsonNode details, String name) {
        JsonNode n = details.path(name);
        return n.isNumber() ? n.asLong() : n.asString().isEmpty() ? 0 : Long.parseLong(n.asString());
    }

    void say(String line) {
        log.println("authz: " + line);
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }
}
