package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lachan.web.Problems.assertProblem;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertRecord;

class AlertRoutesTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir, Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static AlertRecord alert(int n, AlertLevel level, String host, String org) {
        Instant seen = T0.plusSeconds(60L * n);
        return new AlertRecord(
                String.format("%032x", n),
                false,
                "rule-" + (n % 2),
                "Rule " + (n % 2),
                level,
                List.of("attack.t1059"),
                "",
                org,
                "portal",
                Map.of("host.name", host),
                seen.minusSeconds(30),
                seen,
                n,
                List.of(),
                seen.plusSeconds(1),
                seen.plusSeconds(1));
    }

    void writeSample() {
        List<AlertRecord> sample = new ArrayList<>();
        sample.add(alert(1, AlertLevel.HIGH, "WS-01", "so-tttt"));
        sample.add(alert(2, AlertLevel.LOW, "ws-02", "so-tttt"));
        sample.add(alert(3, AlertLevel.CRITICAL, "ws-01", "ubnd"));
        sample.add(alert(4, AlertLevel.MEDIUM, "dc-01", "ubnd"));
        server.alerts.write(sample, 10);
    }

    @Test
    void listsAlertsNewestFirstWithTheirFieldsInSnakeCase() throws Exception {
        writeSample();

        JsonNode body = TestServer.json(server.get("/api/v1/alerts"));

        assertThat(body.get("total").asLong()).isEqualTo(4);
        assertThat(body.get("next_cursor").isNull()).isTrue();
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("id").asString()).isEqualTo(String.format("%032x", 4));
        assertThat(first.get("rule_id").asString()).isEqualTo("rule-0");
        assertThat(first.get("level").asString()).isEqualTo("medium");
        assertThat(first.get("last_seen").asString())
                .isEqualTo(T0.plusSeconds(240).toString());
        assertThat(first.get("entities").get("host.name").asString()).isEqualTo("dc-01");
    }

    @Test
    void filtersByLevelsHostOrganizationAndTimeAndPagesWithTheCursor() throws Exception {
        writeSample();

        JsonNode levels = TestServer.json(server.get("/api/v1/alerts?level=high,critical"));
        JsonNode host = TestServer.json(server.get("/api/v1/alerts?host=WS-01&organization=ubnd"));
        JsonNode time = TestServer.json(
                server.get("/api/v1/alerts?from=" + T0.plusSeconds(120) + "&to=" + T0.plusSeconds(200)));
        JsonNode page = TestServer.json(server.get("/api/v1/alerts?size=3"));
        JsonNode next = TestServer.json(server.get(
                "/api/v1/alerts?size=3&cursor=" + page.get("next_cursor").asString()));

        assertThat(ids(levels)).containsExactly(3, 1);
        assertThat(ids(host)).containsExactly(3);
        assertThat(ids(time)).containsExactly(3, 2);
        assertThat(ids(page)).containsExactly(4, 3, 2);
        assertThat(ids(next)).containsExactly(1);
        assertThat(next.get("total").asLong()).isEqualTo(4);
    }

    private static List<Integer> ids(JsonNode body) {
        List<Integer> out = new ArrayList<>();
        body.get("items")
                .forEach(item -> out.add(Integer.parseInt(item.get("id").asString(), 16)));
        return out;
    }

    @Test
    void badParametersAreBadRequestsNamingTheParameter() throws Exception {
        assertThat(assertProblem(server.get("/api/v1/alerts?level=urgent"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("level");
        assertThat(assertProblem(server.get("/api/v1/alerts?from=yesterday"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("from");
        assertThat(assertProblem(server.get("/api/v1/alerts?size=0"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("size");
        assertThat(assertProblem(server.get("/api/v1/alerts?cursor=zzz"), 400)
                        .get("field")
                        .asString())
                .isEqualTo("cursor");
        String from = T0.toString();
        assertThat(assertProblem(server.get("/api/v1/alerts?from=" + from + "&to=" + from), 400)
                        .get("field")
                        .asString())
                .isEqualTo("to");
    }

    @Test
    void getsOneAlertByIdAndAnswers404ForAnUnknownOne() throws Exception {
        writeSample();

        JsonNode one = TestServer.json(server.get("/api/v1/alerts/" + String.format("%032x", 3)));

        assertThat(one.get("level").asString()).isEqualTo("critical");
        assertThat(one.get("organization").asString()).isEqualTo("ubnd");
        assertProblem(server.get("/api/v1/alerts/" + "f".repeat(32)), 404);
    }

    @Test
    void theStreamDeliversAWrittenAlertSendsHeartbeatsAndUnsubscribesWhenTheClientLeaves() throws Exception {
        HttpResponse<Stream<String>> response = server.http.send(
                server.request("/api/v1/alerts/stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (Stream<String> stream = response.body()) {
                stream.forEach(lines::add);
            } catch (RuntimeException e) {
                lines.add("<closed>");
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> server.alerts.subscribers() == 1);

        server.alerts.write(List.of(alert(7, AlertLevel.HIGH, "ws-07", "so-tttt")), 11);

        List<String> event = nextEvent(lines, "event: alert");
        assertThat(event).contains("id: " + String.format("%032x", 7));
        String data =
                event.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
        JsonNode json = TestServer.JSON.readTree(data.substring(6));
        assertThat(json.get("entities").get("host.name").asString()).isEqualTo("ws-07");
        assertThat(json.get("level").asString()).isEqualTo("high");
        assertThat(nextEvent(lines, ": heartbeat")).isNotEmpty();

        reader.interrupt();
        response.body().close();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.alerts.subscribers() == 0);
    }

    /** Returns the lines of the next event that starts with {@code first}, skipping any other. */
    private static List<String> nextEvent(BlockingQueue<String> lines, String first) throws InterruptedException {
        List<String> event = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.isEmpty()) {
                if (!event.isEmpty() && event.getFirst().startsWith(first)) {
                    return event;
                }
                event.clear();
            } else {
                event.add(line);
            }
        }
        throw new AssertionError("no event starting with '" + first + "' within 5 s");
    }

    @Test
    void closingTheServerEndsOpenStreams() throws Exception {
        HttpResponse<Stream<String>> response = server.http.send(
                server.request("/api/v1/alerts/stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        await().atMost(Duration.ofSeconds(5)).until(() -> server.alerts.subscribers() == 1);

        long started = System.nanoTime();
        server.server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.alerts.subscribers()).isZero();
        try (Stream<String> body = response.body()) {
            assertThat(body.toList()).contains("retry: 5000");
        }
    }
}
