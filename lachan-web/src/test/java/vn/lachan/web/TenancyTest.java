package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.alert.AlertRecord;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.security.access.Role;

/**
 * Lists, searches, exports and audit reads as an officer of SO-YT see SO-YT and the hospital below it, never
 * SO-TC; the monitoring center sees everything.
 */
class TenancyTest {
    static final List<String> ORGS = List.of("SO-YT", "BV-1", "SO-TC", "so-tc");

    @TempDir
    Path dir;

    TestServer server;
    String officer;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        officer = server.security.token(Role.ORG_SECURITY_OFFICER, "SO-YT");
        Random random = new Random(3);
        List<StoredEvent> events = new ArrayList<>();
        List<AlertRecord> alerts = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        for (int i = 0; i < 40; i++) {
            String org = ORGS.get(i % ORGS.size());
            events.add(RouteAccessTest.event(random, t0.plusSeconds(i), org));
            alerts.add(AlertRoutesTest.alert(i + 1, AlertLevel.MEDIUM, "host-" + i, org));
        }
        server.events.write(new EventBatch(events, events.size()));
        server.alerts.write(alerts, alerts.size());
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

    static Set<String> organizations(JsonNode items, String field) {
        Set<String> out = new TreeSet<>();
        items.forEach(item -> out.add(item.get(field).asString()));
        return out;
    }

    @Test
    void anOfficerSearchesAndExportsOnlyItsSubtreeAndTheCenterSeesAll() throws Exception {
        JsonNode own = TestServer.json(as(officer, "POST", "/api/v1/events/search", "{\"size\":100}"));
        JsonNode all = TestServer.json(as(server.adminToken, "POST", "/api/v1/events/search", "{\"size\":100}"));
        // the officer role has no export; a lead's token bound to SO-YT has, and sees the same subtree
        String lead = server.security.token(Role.SOC_LEAD, "SO-YT");
        String export = as(lead, "POST", "/api/v1/events/export", "{}").body();

        assertThat(own.get("total").get("value").asLong()).isEqualTo(20);
        assertThat(own.toString()).contains("event of SO-YT", "event of BV-1").doesNotContain("SO-TC", "so-tc");
        assertThat(all.get("total").get("value").asLong()).isEqualTo(40);
        assertThat(export.lines().count()).isEqualTo(20);
        assertThat(export).doesNotContainIgnoringCase("event of so-tc");
    }

    @Test
    void anOfficerListsOnlyAlertsOfItsSubtreeEvenWhenItAsksForAnotherOrganization() throws Exception {
        JsonNode own = TestServer.json(as(officer, "GET", "/api/v1/alerts?size=100", ""));
        JsonNode asked = TestServer.json(as(officer, "GET", "/api/v1/alerts?organization=SO-TC", ""));
        JsonNode all = TestServer.json(as(server.adminToken, "GET", "/api/v1/alerts?size=100", ""));

        assertThat(own.get("total").asLong()).isEqualTo(20);
        assertThat(organizations(own.get("items"), "organization")).containsExactly("BV-1", "SO-YT");
        assertThat(asked.get("total").asLong()).isZero();
        assertThat(all.get("total").asLong()).isEqualTo(40);
    }

    @Test
    void anOfficerSeesItsOrganizationsAndOnlyItsPartOfTheAuditTrail() throws Exception {
        as(officer, "GET", "/api/v1/auth/me", "");
        String auditor = server.security.token(Role.AUDITOR, "SO-YT");
        JsonNode orgs = TestServer.json(as(officer, "GET", "/api/v1/organizations", ""));
        JsonNode trail = TestServer.json(as(auditor, "GET", "/api/v1/audit?size=1000", ""));
        JsonNode full = TestServer.json(as(server.adminToken, "GET", "/api/v1/audit?size=1000", ""));

        assertThat(organizations(orgs.get("items"), "code")).containsExactly("BV-1", "SO-YT");
        assertThat(orgs.get("items").get(1).get("parent").isNull())
                .as("TINH is not shown")
                .isTrue();
        String yt = server.security.org("SO-YT").toString();
        assertThat(trail.get("items").size()).isPositive();
        trail.get("items")
                .forEach(r -> assertThat(r.get("organization").asString()).isEqualTo(yt));
        assertThat(full.get("items").size()).isGreaterThan(trail.get("items").size());
        assertThat(full.get("items").get(0).get("sequence").asLong()).isEqualTo(1);
    }
}
