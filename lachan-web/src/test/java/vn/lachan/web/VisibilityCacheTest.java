package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.security.access.Role;

/**
 * Keeps what an officer sees right while the server remembers each subtree's organization codes: a unit created
 * under the officer's organization is seen at once, by a token the gate already trusts.
 */
class VisibilityCacheTest {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> as(String token, String method, String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    long seen(String token) throws Exception {
        HttpResponse<String> r = as(token, "POST", "/api/v1/events/search", "{\"size\":100}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestServer.json(r).get("total").get("value").asLong();
    }

    @Test
    void aUnitCreatedUnderTheOfficersOrganizationIsSeenAtOnce() throws Exception {
        String officer = server.security.token(Role.ORG_SECURITY_OFFICER, "SO-YT");
        Random random = new Random(5);
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        List<StoredEvent> events = List.of(
                RouteAccessTest.event(random, t0, "SO-YT"),
                RouteAccessTest.event(random, t0.plusSeconds(1), "BV-NEW"),
                RouteAccessTest.event(random, t0.plusSeconds(2), "BV-NEW"));
        server.events.write(new EventBatch(events, events.size()));
        long before = seen(officer);
        long again = seen(officer);

        HttpResponse<String> created = as(
                server.adminToken,
                "POST",
                "/api/v1/organizations",
                "{\"code\":\"BV-NEW\",\"name\":\"Bệnh viện mới\",\"kind\":\"public_service_unit\",\"parent\":\"SO-YT\"}");
        long after = seen(officer);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(before).isEqualTo(1);
        assertThat(again).isEqualTo(1);
        assertThat(after).isEqualTo(3);
    }
}
