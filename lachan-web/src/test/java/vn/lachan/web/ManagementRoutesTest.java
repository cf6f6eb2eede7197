package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.security.access.Role;

/**
 * Manages users, tokens, organizations and reads the audit trail over the wire, on the real services and an H2
 * metadata database: the rules an administrator and an organization's security officer meet.
 */
class ManagementRoutesTest {
    @TempDir
    Path dir;

    TestServer server;
    String officer = "";

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        officer = server.security.token(Role.ORG_SECURITY_OFFICER, "SO-YT");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return server.send(request);
    }

    static String user(String username, String org, String role) {
        return "{\"username\":\"" + username + "\",\"display_name\":\"Nguyễn Văn " + username + "\",\"organization\":\""
                + org + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + SecurityFixture.PASSWORD + "\"}";
    }

    @Test
    void anOfficerCreatesUsersInItsSubtreeOnlyAndNeverAboveItsRole() throws Exception {
        HttpResponse<String> created = send(officer, "POST", "/api/v1/users", user("bs.an", "BV-1", "ORG_LEADER"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode account = TestServer.json(created);
        assertThat(account.get("organization").get("code").asString()).isEqualTo("BV-1");
        assertThat(account.get("display_name").asString()).isEqualTo("Nguyễn Văn bs.an");
        assertThat(created.body()).doesNotContain("password");

        HttpResponse<String> admin = send(officer, "POST", "/api/v1/users", user("x.admin", "SO-YT", "PLATFORM_ADMIN"));
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(TestServer.json(admin).get("detail").asString()).contains("the role PLATFORM_ADMIN");
        HttpResponse<String> analyst = send(officer, "POST", "/api/v1/users", user("x.soc", "SO-YT", "SOC_ANALYST"));
        assertThat(analyst.statusCode()).isEqualTo(403);

        HttpResponse<String> elsewhere = send(officer, "POST", "/api/v1/users", user("x.tc", "SO-TC", "ORG_LEADER"));
        HttpResponse<String> nowhere = send(officer, "POST", "/api/v1/users", user("x.tc", "KHONG-CO", "ORG_LEADER"));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(elsewhere).get("field").asString()).isEqualTo("organization");
        assertThat(elsewhere.body().replace("SO-TC", "X"))
                .isEqualTo(nowhere.body().replace("KHONG-CO", "X"));

        String id = account.get("id").asString();
        HttpResponse<String> move = send(officer, "PATCH", "/api/v1/users/" + id, "{\"organization\":\"SO-TC\"}");
        assertThat(move.statusCode()).isEqualTo(400);
        HttpResponse<String> disable = send(officer, "PATCH", "/api/v1/users/" + id, "{\"status\":\"disabled\"}");
        assertThat(disable.statusCode()).as(disable.body()).isEqualTo(200);
        assertThat(TestServer.json(disable).get("status").asString()).isEqualTo("disabled");
    }

    @Test
    void requestsAreValidatedFieldByField() throws Exception {
        HttpResponse<String> unknown =
                send(officer, "POST", "/api/v1/users", "{\"username\":\"a.b\",\"is_admin\":true}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(unknown).get("field").asString()).isEqualTo("is_admin");
        HttpResponse<String> wrongType = send(officer, "POST", "/api/v1/users", "{\"username\":42}");
        assertThat(TestServer.json(wrongType).get("field").asString()).isEqualTo("username");
        HttpResponse<String> several = send(
                officer,
                "POST",
                "/api/v1/users",
                "{\"username\":\"a\",\"display_name\":\" \",\"organization\":\"SO-YT\",\"roles\":[\"ORG_LEADER\"],"
                        + "\"password\":\"short\",\"email\":\"not-mail\"}");
        assertThat(several.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        TestServer.json(several)
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("username", "display_name", "email", "password");
        HttpResponse<String> badRole = send(officer, "POST", "/api/v1/users", user("c.d", "SO-YT", "KING"));
        assertThat(TestServer.json(badRole).get("field").asString()).isEqualTo("roles[0]");
        HttpResponse<String> badParam = send(officer, "GET", "/api/v1/users?colour=red", "");
        assertThat(TestServer.json(badParam).get("field").asString()).isEqualTo("colour");
        HttpResponse<String> badStatus = send(officer, "GET", "/api/v1/tokens?status=sleeping", "");
        assertThat(TestServer.json(badStatus).get("field").asString()).isEqualTo("status");
    }

    @Test
    void theLastPlatformAdministratorStaysAndUsersPageByCursor() throws Exception {
        String adminId =
                server.security.user("quan.tri", Role.PLATFORM_ADMIN, "SOC").toString();
        HttpResponse<String> demote = server.send(server.request("/api/v1/users/" + adminId)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"roles\":[\"AUDITOR\"]}")));
        assertThat(demote.statusCode()).as(demote.body()).isEqualTo(409);
        assertThat(demote.body()).contains("last active platform administrator");
        for (int i = 0; i < 5; i++) {
            server.security.user("nv" + i, Role.ORG_LEADER, i % 2 == 0 ? "SO-YT" : "SO-TC");
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = TestServer.json(send(officer, "GET", "/api/v1/users?size=2" + cursor, ""));
            page.get("items").forEach(u -> seen.add(u.get("username").asString()));
            JsonNode next = page.get("next_cursor");
            cursor = next == null || next.isNull() ? "" : "&after=" + next.asString();
        } while (!cursor.isEmpty());
        assertThat(seen).containsExactly("nv0", "nv2", "nv4");
        JsonNode search = TestServer.json(send(officer, "GET", "/api/v1/users?q=NGUYEN", ""));
        assertThat(search.get("items")).isEmpty();
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndRevokedAtOnce() throws Exception {
        String expires = Instant.now().plus(Duration.ofDays(30)).toString();
        HttpResponse<String> issued = send(
                officer,
                "POST",
                "/api/v1/tokens",
                "{\"name\":\"syslog relay BV-1\",\"role\":\"ORG_SECURITY_OFFICER\",\"organization\":\"BV-1\","
                        + "\"scopes\":[\"ingest\"],\"expires\":\"" + expires + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        String secret = TestServer.json(issued).get("secret").asString();
        String id = TestServer.json(issued).get("id").asString();
        HttpResponse<String> list = send(officer, "GET", "/api/v1/tokens?organization=BV-1", "");
        assertThat(list.body()).contains(id).doesNotContain(secret).doesNotContain("secret");

        HttpResponse<String> use = ingest(secret);
        assertThat(use.statusCode()).as(use.body()).isEqualTo(202);
        assertThat(send(officer, "DELETE", "/api/v1/tokens/" + id, "").statusCode())
                .isEqualTo(200);
        assertThat(ingest(secret).statusCode())
                .as("refused at once, though the gate had cached the token")
                .isEqualTo(401);

        HttpResponse<String> forever = send(
                officer,
                "POST",
                "/api/v1/tokens",
                "{\"name\":\"x\",\"role\":\"ORG_SECURITY_OFFICER\",\"scopes\":[\"ingest\"]}");
        assertThat(TestServer.json(forever).get("field").asString()).isEqualTo("expires");
        HttpResponse<String> above = send(
                officer,
                "POST",
                "/api/v1/tokens",
                "{\"name\":\"x\",\"role\":\"SOC_LEAD\",\"scopes\":[\"ingest\"],\"expires\":\"" + expires + "\"}");
        assertThat(above.statusCode()).isEqualTo(403);
    }

    HttpResponse<String> ingest(String token) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/ingest"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"xin chào\"}\n")));
    }

    @Test
    void organizationsKeepDiacriticsAndContactsKeepTheirHistoryAndReportDeadline() throws Exception {
        String decomposed = "Trung ta\u0302m Y te\u0302\u0301 huye\u0323\u0302n"; // typed with combining marks
        HttpResponse<String> created = send(
                officer,
                "POST",
                "/api/v1/organizations",
                "{\"code\":\"ttyt-h1\",\"name\":\"" + decomposed + "\",\"kind\":\"public_service_unit\","
                        + "\"parent\":\"SO-YT\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestServer.json(created).get("name").asString()).isEqualTo("Trung tâm Y tế huyện");
        assertThat(TestServer.json(created).get("code").asString()).isEqualTo("TTYT-H1");
        HttpResponse<String> soc = send(
                officer,
                "POST",
                "/api/v1/organizations",
                "{\"code\":\"SOC-2\",\"name\":\"x\",\"kind\":\"soc\",\"parent\":\"SO-YT\"}");
        assertThat(TestServer.json(soc).get("field").asString()).isEqualTo("kind");

        String contact = "{\"full_name\":\"%s\",\"unit\":\"Phòng CNTT\",\"position\":\"Trưởng phòng\","
                + "\"phone_mobile\":\"+84 912 345 678\",\"email\":\"%s\"}";
        String path = "/api/v1/organizations/TTYT-H1/contacts/ucsc_24_7";
        assertThat(send(officer, "PUT", path, contact.formatted("Lê Văn Một", "mot@yte.gov.vn"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> second = send(officer, "PUT", path, contact.formatted("Trần Thị Hai", "hai@yte.gov.vn"));
        Instant changed =
                Instant.parse(TestServer.json(second).get("changed_at").asString());
        assertThat(Instant.parse(TestServer.json(second).get("report_due").asString()))
                .isEqualTo(changed.plus(Duration.ofHours(24)));
        JsonNode org = TestServer.json(send(officer, "GET", "/api/v1/organizations/TTYT-H1", ""));
        JsonNode current = org.get("contacts").get("ucsc_24_7");
        assertThat(current.get("full_name").asString()).isEqualTo("Trần Thị Hai");
        assertThat(current.get("history")).hasSize(2);
        assertThat(current.get("history").get(1).get("full_name").asString()).isEqualTo("Lê Văn Một");
        HttpResponse<String> badPhone =
                send(officer, "PUT", path, contact.formatted("A", "a@b.vn").replace("+84", "x"));
        assertThat(TestServer.json(badPhone).get("field").asString()).isEqualTo("phone_mobile");

        HttpResponse<String> moveOut =
                send(officer, "PATCH", "/api/v1/organizations/TTYT-H1", "{\"parent\":\"SO-TC\"}");
        assertThat(TestServer.json(moveOut).get("field").asString()).isEqualTo("parent");
        HttpResponse<String> moveOwnRoot =
                send(officer, "PATCH", "/api/v1/organizations/SO-YT", "{\"parent\":\"BV-1\"}");
        assertThat(moveOwnRoot.statusCode()).as("a cycle").isEqualTo(400);

        String audit = "/api/v1/audit?action=organization.*&outcome=success&target=TTYT-H1";
        JsonNode trail = TestServer.json(server.get(audit));
        List<String> actions = new ArrayList<>();
        trail.get("items").forEach(r -> actions.add(r.get("action").asString()));
        assertThat(actions).containsExactly("organization.create", "organization.contact", "organization.contact");
        assertThat(trail.toString()).doesNotContain("Trần Thị Hai").doesNotContain("hai@yte");
    }

    @Test
    void theAuditTrailFiltersByTimeActorAndOutcomeAndPagesByCursor() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            send(officer, "POST", "/api/v1/users", user("kt" + i, "SO-YT", "ORG_LEADER"));
        }
        send(officer, "GET", "/api/v1/audit", ""); // the officer lacks AUDIT_READ: a denial in the trail
        String from = URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);
        JsonNode created = TestServer.json(server.get(
                "/api/v1/audit?from=" + from + "&action=user.create&actor=token:ORG_SECURITY_OFFICER%20SO-YT&size=2"));
        assertThat(created.get("items")).hasSize(2);
        String next = created.get("next_cursor").asString();
        JsonNode rest = TestServer.json(server.get("/api/v1/audit?action=user.create&after=" + next));
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("next_cursor").isNull()).isTrue();
        JsonNode denied = TestServer.json(server.get("/api/v1/audit?outcome=denied&action=access.denied"));
        assertThat(denied.get("items")).isNotEmpty();
        HttpResponse<String> backwards = server.get("/api/v1/audit?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");
        assertThat(TestServer.json(backwards).get("field").asString()).isEqualTo("to");
    }

    @Test
    void ssoIdentitiesLinkedToAUserAreListedAndUnlinkedWithinTheSubtree() throws Exception {
        HttpResponse<String> created = send(officer, "POST", "/api/v1/users", user("cb.hoa", "BV-1", "ORG_LEADER"));
        String id = TestServer.json(created).get("id").asString();
        java.util.UUID user = java.util.UUID.fromString(id);
        Instant linked = Instant.parse("2026-03-01T08:00:00Z");
        String issuer = "https://sso.tinh.gov.vn/realms/tinh";
        assertThat(server.security.identityLinks.link(new vn.lachan.security.sso.IdentityLinks.Link(
                        issuer, "f3a9-77", user, "keycloak", linked, linked)))
                .isTrue();
        String stranger = server.security.token(Role.ORG_SECURITY_OFFICER, "SO-TC");

        HttpResponse<String> listed = send(officer, "GET", "/api/v1/users/" + id + "/identities", "");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode item = TestServer.json(listed).get("items").get(0);
        assertThat(item.get("provider").asString()).isEqualTo("keycloak");
        assertThat(item.get("issuer").asString()).isEqualTo(issuer);
        assertThat(item.get("subject").asString()).isEqualTo("f3a9-77");
        assertThat(item.get("created").asString()).isEqualTo(linked.toString());
        assertThat(send(stranger, "GET", "/api/v1/users/" + id + "/identities", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(stranger, "DELETE", "/api/v1/users/" + id + "/identities", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(server.security.identityLinks.of(user)).hasSize(1);

        HttpResponse<String> unlinked = send(officer, "DELETE", "/api/v1/users/" + id + "/identities", "");
        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
        assertThat(TestServer.json(unlinked).get("removed").asInt()).isEqualTo(1);
        assertThat(server.security.identityLinks.of(user)).isEmpty();
        assertThat(server.security.identityLinks.user(issuer, "f3a9-77")).isEmpty();
        JsonNode audit = TestServer.json(server.get("/api/v1/audit?action=user.identities.unlink"));
        assertThat(audit.get("items")).hasSize(1);
        assertThat(audit.get("items").get(0).get("target").asString()).isEqualTo("cb.hoa");
        assertThat(audit.get("items").get(0).get("details").get("removed").asString())
                .isEqualTo("1");
    }
}
