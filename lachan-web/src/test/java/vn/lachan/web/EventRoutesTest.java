package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.web.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;

class EventRoutesTest {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final List<String> HOSTS = List.of("WS-01", "ws-02", "DC-01");

    @TempDir
    Path dir;

    TestServer server;
    final List<StoredEvent> written = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        Random random = new Random(42);
        for (int i = 0; i < 30; i++) {
            Instant time = T0.plusSeconds(600L * i);
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            fields.put("@timestamp", time.toString());
            fields.put("host.name", HOSTS.get(i % 3));
            fields.put("user.name", i % 2 == 0 ? "alice" : "bob");
            fields.put("network.bytes", (long) (100 * i));
            fields.put("message", "login " + (i % 5 == 0 ? "failed" : "accepted") + " for user");
            String raw = TestServer.JSON.writeValueAsString(fields);
            written.add(new StoredEvent(EventId.next(time, random), time, "so-tttt", "portal", fields, raw));
        }
        server.events.write(new EventBatch(written, written.size()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> search(String json) throws Exception {
        return server.post("/api/v1/events/search", "application/json", json);
    }

    @Test
    void searchesWithAQueryAndReturnsHitsNewestFirstWithAnExactTotal() throws Exception {
        HttpResponse<String> response = search("{\"query\": \"host.name:WS-01\", \"size\": 5}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestServer.json(response);
        assertThat(body.get("total").get("value").asLong()).isEqualTo(10);
        assertThat(body.get("total").get("relation").asString()).isEqualTo("eq");
        JsonNode hits = body.get("hits");
        assertThat(hits.size()).isEqualTo(5);
        assertThat(hits.get(0).get("timestamp").asString())
                .isEqualTo(T0.plusSeconds(600L * 27).toString());
        assertThat(hits.get(0).get("fields").get("host.name").asString()).isEqualTo("WS-01");
        assertThat(hits.get(0).get("raw").asString()).contains("\"host.name\":\"WS-01\"");
        assertThat(body.get("next_cursor").isString()).isTrue();
        assertThat(body.get("warnings").isArray()).isTrue();
    }

    @Test
    void pagesWithTheCursorWithoutOverlapAndInTheRequestedOrder() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        List<String> times = new ArrayList<>();
        do {
            String json = "{\"query\": \"user.name:alice\", \"sort\": \"oldest\", \"size\": 4"
                    + (cursor == null ? "" : ", \"cursor\": \"" + cursor + "\"") + "}";
            JsonNode body = TestServer.json(search(json));
            body.get("hits").forEach(hit -> {
                assertThat(seen.add(hit.get("id").asString())).isTrue();
                times.add(hit.get("timestamp").asString());
            });
            cursor = body.get("next_cursor").isNull()
                    ? null
                    : body.get("next_cursor").asString();
        } while (cursor != null);

        assertThat(seen).hasSize(15);
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(Instant::parse));
    }

    @Test
    void computesTermsHistogramDistinctAndStatsAggregations() throws Exception {
        String json = """
                {"query": "*", "size": 0, "from": "2026-03-01T00:00:00Z", "to": "2026-03-02T00:00:00Z",
                 "aggregations": {
                   "hosts": {"terms": {"field": "host.name", "size": 2}},
                   "per_hour": {"date_histogram": {"interval": "1h"}},
                   "users": {"distinct": {"field": "user.name"}},
                   "bytes": {"stats": {"field": "network.bytes"}}}}
                """;

        HttpResponse<String> response = search(json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode aggs = TestServer.json(response).get("aggregations");
        assertThat(aggs.get("hosts").get("buckets").size()).isEqualTo(2);
        assertThat(aggs.get("hosts").get("buckets").get(0).get("count").asLong())
                .isEqualTo(10);
        assertThat(aggs.get("hosts").get("others").asLong()).isEqualTo(10);
        long histogramTotal = 0;
        for (JsonNode bucket : aggs.get("per_hour").get("buckets")) {
            histogramTotal += bucket.get("count").asLong();
        }
        assertThat(histogramTotal).isEqualTo(30);
        assertThat(aggs.get("per_hour").get("buckets").get(0).get("count").asLong())
                .isEqualTo(6);
        assertThat(aggs.get("users").get("value").asLong()).isEqualTo(2);
        assertThat(aggs.get("bytes").get("count").asLong()).isEqualTo(30);
        assertThat(aggs.get("bytes").get("max").asDouble()).isEqualTo(2900.0);
        assertThat(aggs.get("bytes").get("avg").asDouble()).isEqualTo(1450.0);
    }

    @Test
    void anUnreadableQueryIsABadRequestWithItsPosition() throws Exception {
        JsonNode problem = assertProblem(search("{\"query\": \"host.name:(WS-01 OR\"}"), 400);

        assertThat(problem.get("field").asString()).isEqualTo("query");
        assertThat(problem.get("position").asInt()).isBetween(10, 24);
        assertThat(problem.get("reason").asString()).isNotBlank();
        assertThat(problem.get("errors").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void unknownFieldsWrongTypesAndBadAggregationsAreBadRequestsNamingTheField() throws Exception {
        assertThat(assertProblem(search("{\"qurey\": \"x\"}"), 400).get("field").asString())
                .isEqualTo("qurey");
        assertThat(assertProblem(search("{\"size\": \"ten\"}"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("size");
        assertThat(assertProblem(search("{\"aggregations\": {\"x\": {}}}"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("aggregations.x");
        assertThat(assertProblem(search("{\"aggregations\": {\"x\": {\"terms\": {\"feild\": \"a\"}}}}"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("aggregations.x.terms.feild");
        assertThat(assertProblem(search("{\"sort\": \"sideways\"}"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("sort");
        assertProblem(search("{\"query\": "), 400);
        assertProblem(search(""), 400);
    }

    @Test
    void aQueryTheStoreRefusesIsUnprocessableWithTheStoresReason() throws Exception {
        JsonNode stats =
                assertProblem(search("{\"aggregations\": {\"m\": {\"stats\": {\"field\": \"message\"}}}}"), 422);
        JsonNode size = assertProblem(search("{\"size\": 20000}"), 422);

        assertThat(stats.get("detail").asString()).contains("message");
        assertThat(size.get("errors").get(0).get("message").asString()).contains("at most");
    }

    @Test
    void getsOneEventByIdAndAnswers404Or400() throws Exception {
        StoredEvent event = written.get(3);

        JsonNode body = TestServer.json(server.get("/api/v1/events/" + event.id()));

        assertThat(body.get("id").asString()).isEqualTo(event.id().toString());
        assertThat(body.get("raw").asString()).isEqualTo(event.raw());
        assertProblem(server.get("/api/v1/events/" + "0".repeat(32)), 404);
        assertThat(assertProblem(server.get("/api/v1/events/not-an-id"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("id");
    }

    @Test
    void exportsEveryMatchingEventAsNdjson() throws Exception {
        HttpResponse<String> response = server.post(
                "/api/v1/events/export?format=ndjson", "application/json", "{\"query\": \"user.name:bob\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(15);
        Set<String> raws = new HashSet<>();
        written.stream().filter(e -> "bob".equals(e.fields().get("user.name"))).forEach(e -> raws.add(e.raw()));
        assertThat(lines).allSatisfy(line -> assertThat(raws).contains(line));
    }

    @Test
    void exportsChosenColumnsAsCsv() throws Exception {
        HttpResponse<String> response = server.post(
                "/api/v1/events/export?format=csv&columns=host.name,network.bytes",
                "application/json",
                "{\"query\": \"host.name:DC-01\", \"sort\": \"oldest\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.getFirst()).isEqualTo("host.name,network.bytes");
        assertThat(lines.get(1)).isEqualTo("DC-01,200");
    }

    @Test
    void anExportTheStoreRefusesOrAnUnknownFormatIsAProblem() throws Exception {
        assertProblem(
                server.post(
                        "/api/v1/events/export?format=csv", "application/json", "{\"query\": \"network.bytes:ab*\"}"),
                422);
        assertThat(assertProblem(server.post("/api/v1/events/export?format=xml", "application/json", "{}"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("format");
    }
}
