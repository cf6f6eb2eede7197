package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lachan.core.alert.AlertLevel;
import vn.lachan.core.store.EventBatch;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.security.access.Permission;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.RouteTable.Route;

/**
 * Walks the server's route table, so that no route escapes: every non-public route refuses a caller without
 * credentials (401), a caller lacking its permission by role or by token scope (403), and admits a caller
 * holding it; every route reading an object by id answers another organization's object exactly as a missing
 * one (404).
 */
class RouteAccessTest {
    @TempDir
    static Path dir;

    static TestServer server;
    static String foreignEvent = "";
    static String ownEvent = "";
    static final String FOREIGN_ALERT = String.format("%032x", 7);
    static final Map<Role, String> ROLE_TOKENS = new EnumMap<>(Role.class);
    static final Map<Permission, String> SCOPED_TOKENS = new EnumMap<>(Permission.class);
    static String foreignUser = "";
    static String foreignToken = "";

    @BeforeAll
    static void start() {
        server = new TestServer(dir);
        Random random = new Random(7);
        Instant time = Instant.parse("2026-03-01T08:00:00Z");
        StoredEvent finance = event(random, time, "SO-TC");
        StoredEvent health = event(random, time.plusSeconds(1), "so-yt");
        server.events.write(new EventBatch(List.of(finance, health), 2));
        foreignEvent = finance.id().toString();
        ownEvent = health.id().toString();
        server.alerts.write(List.of(AlertRoutesTest.alert(7, AlertLevel.HIGH, "KT-01", "SO-TC")), 1);
        foreignUser =
                server.security.user("tai.chinh", Role.ORG_LEADER, "SO-TC").toString();
        foreignToken = server.security
                .tokens
                .issue(
                        "relay SO-TC",
                        Role.ORG_SECURITY_OFFICER,
                        server.security.org("SO-TC"),
                        EnumSet.of(Scope.INGEST),
                        null,
                        null)
                .token()
                .id()
                .toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static StoredEvent event(Random random, Instant time, String org) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("@timestamp", time.toString());
        fields.put("message", "event of " + org);
        return new StoredEvent(EventId.next(time, random), time, org, "portal", fields, "event of " + org);
    }

    /** Returns the path of a route with its parameters filled: objects of SO-TC by default. */
    static String concrete(Route route, Map<String, String> ids) {
        String id = ids.get(route.path());
        String path = route.path()
                .replace("{index}", "logs-test")
                .replace("{name}", "lachan")
                .replace("{type}", "ucsc_24_7")
                .replace("{credential}", "bm8tc3VjaC1wYXNza2V5");
        if (path.contains("{id}")) {
            assertThat(id)
                    .as("test fixture for the object route " + route.path())
                    .isNotNull();
            path = path.replace("{id}", String.valueOf(id));
        }
        return path;
    }

    static Map<String, String> foreignIds() {
        return Map.of(
                "/api/v1/events/{id}", foreignEvent,
                "/api/v1/alerts/{id}", FOREIGN_ALERT,
                "/api/v1/organizations/{id}", server.security.org("SO-TC").toString(),
                "/api/v1/organizations/{id}/contacts/{type}",
                        server.security.org("SO-TC").toString(),
                "/api/v1/users/{id}", foreignUser,
                "/api/v1/users/{id}/reset-mfa", foreignUser,
                "/api/v1/users/{id}/password", foreignUser,
                "/api/v1/users/{id}/identities", foreignUser,
                "/api/v1/tokens/{id}", foreignToken);
    }

    static Map<String, String> missingIds() {
        return Map.of(
                "/api/v1/events/{id}", "0123456789abcdef0123456789abcdef",
                "/api/v1/alerts/{id}", "f".repeat(32),
                "/api/v1/organizations/{id}", UUID.randomUUID().toString(),
                "/api/v1/organizations/{id}/contacts/{type}", UUID.randomUUID().toString(),
                "/api/v1/users/{id}", UUID.randomUUID().toString(),
                "/api/v1/users/{id}/reset-mfa", UUID.randomUUID().toString(),
                "/api/v1/users/{id}/password", UUID.randomUUID().toString(),
                "/api/v1/users/{id}/identities", UUID.randomUUID().toString(),
                "/api/v1/tokens/{id}", UUID.randomUUID().toString());
    }

    /** Returns a body the route accepts from a caller allowed to use it ({@code {}} for the rest). */
    static String body(Route route) {
        return switch (route.method().name() + " " + route.path()) {
            case "PATCH /api/v1/users/{id}" -> "{\"display_name\":\"Người dùng Sở Tài chính\"}";
            case "POST /api/v1/users/{id}/password" -> "{\"password\":\"" + SecurityFixture.PASSWORD + " mới\"}";
            case "PATCH /api/v1/organizations/{id}" -> "{\"name_en\":\"Department of Finance\"}";
            case "PUT /api/v1/organizations/{id}/contacts/{type}" ->
                "{\"full_name\":\"Lê Thị Hồng\",\"unit\":\"Phòng CNTT\",\"position\":\"Trưởng phòng\","
                        + "\"phone_mobile\":\"+84 912 345 678\",\"email\":\"hong@stc.gov.vn\"}";
            default -> "{}";
        };
    }

    static HttpResponse<String> call(Route route, String path, @Nullable String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String method = route.method().name();
        boolean body = route.method() == HandlerType.POST
                || route.method() == HandlerType.PUT
                || route.method() == HandlerType.PATCH;
        request.header("Content-Type", "application/json")
                .method(
                        method,
                        body
                                ? HttpRequest.BodyPublishers.ofString(body(route), StandardCharsets.UTF_8)
                                : HttpRequest.BodyPublishers.noBody());
        // A client of its own per call: a route that answers without reading the body may have its
        // connection closed by the server, and a pooled connection would then fail the next call.
        try (HttpClient client = HttpClient.newHttpClient()) {
            if (path.endsWith("/stream")) {
                // a stream never ends: take the status and headers, then hang up
                HttpResponse<InputStream> open =
                        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                byte[] start =
                        open.statusCode() == 200 ? new byte[0] : open.body().readAllBytes();
                open.body().close();
                return new Snapshot(open, new String(start, StandardCharsets.UTF_8));
            }
            return client.send(
                    request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theTableHasEveryFeatureAndOnlyHealthOpenApiAndSignInArePublic() {
        List<Route> routes = server.server.routes();
        List<String> publicRoutes = routes.stream()
                .filter(r -> r.access() instanceof Access.Public)
                .map(r -> r.method() + " " + r.path())
                .toList();

        assertThat(routes).hasSizeGreaterThan(20);
        assertThat(publicRoutes)
                .containsExactlyInAnyOrder(
                        "GET /api/v1/health",
                        "GET /api/v1/openapi.json",
                        "POST /api/v1/auth/signin",
                        "POST /api/v1/auth/enrol",
                        "GET /api/v1/auth/oidc/providers",
                        "GET /api/v1/auth/oidc/{provider}/start",
                        "GET /api/v1/auth/oidc/{provider}/callback",
                        "POST /api/v1/auth/oidc/second-factor",
                        "POST /api/v1/auth/passkeys/signin/options",
                        "POST /api/v1/auth/passkeys/signin");
    }

    @Test
    void everyNonPublicRouteRefusesACallerWithoutCredentials() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Route route : nonPublic()) {
            HttpResponse<String> response = call(route, concrete(route, foreignIds()), null);
            soft.assertThat(response.statusCode())
                    .as(route + " " + response.body())
                    .isEqualTo(401);
            soft.assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(route.toString())
                    .hasValue("Bearer realm=\"lachan\"");
        }
        soft.assertAll();
    }

    @Test
    void everyRouteRefusesARoleOrATokenScopeWithoutItsPermission() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Route route : nonPublic()) {
            if (!(route.access() instanceof Access.Requires(Permission permission))) {
                continue;
            }
            String path = concrete(route, foreignIds());
            for (Role role : Role.values()) {
                if (!role.permissions().contains(permission)) {
                    HttpResponse<String> response = call(route, path, roleToken(role));
                    soft.assertThat(response.statusCode())
                            .as(route + " as " + role)
                            .isEqualTo(403);
                    checked++;
                }
            }
            HttpResponse<String> scoped = call(route, path, scopedToken(permission));
            soft.assertThat(scoped.statusCode())
                    .as(route + " with a scope without " + permission)
                    .isEqualTo(403);
            if (route.method() != HandlerType.HEAD) {
                soft.assertThat(scoped.body()).as(route.toString()).contains("urn:lachan:problem:forbidden");
            }
            checked++;
        }
        soft.assertAll();
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void everyRouteAdmitsACallerHoldingItsPermission() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (Route route : nonPublic()) {
            HttpResponse<String> response = call(route, concrete(route, foreignIds()), server.adminToken);
            soft.assertThat(response.statusCode())
                    .as(route + " " + response.body())
                    .isNotIn(401, 403, 404, 500);
        }
        soft.assertAll();
    }

    @Test
    void everyObjectRouteAnswersAnotherOrganizationsObjectExactlyAsAMissingOne() throws Exception {
        String officer = roleToken(Role.ORG_SECURITY_OFFICER);
        Map<String, String> foreign = foreignIds();
        Map<String, String> missing = missingIds();
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (Route route : nonPublic()) {
            if (!route.path().contains("{id}")) {
                continue;
            }
            HttpResponse<String> other = call(route, concrete(route, foreign), officer);
            HttpResponse<String> none = call(route, concrete(route, missing), officer);
            HttpResponse<String> asAdmin = call(route, concrete(route, foreign), server.adminToken);
            soft.assertThat(other.statusCode())
                    .as(route + " of SO-TC seen from SO-YT")
                    .isEqualTo(404);
            soft.assertThat(asAdmin.statusCode())
                    .as(route + " of SO-TC seen by the SOC")
                    .isEqualTo(200);
            soft.assertThat(other.body().replace(String.valueOf(foreign.get(route.path())), "ID"))
                    .as(route.toString())
                    .isEqualTo(none.body().replace(String.valueOf(missing.get(route.path())), "ID"));
            checked++;
        }
        soft.assertAll();
        assertThat(checked)
                .as("object routes (a path may serve several methods)")
                .isGreaterThanOrEqualTo(missingIds().size());
    }

    @Test
    void anOfficerReadsTheObjectsOfItsOwnOrganization() throws Exception {
        String officer = roleToken(Role.ORG_SECURITY_OFFICER);
        Route event = new Route(HandlerType.GET, "/api/v1/events/{id}", Access.requires(Permission.EVENTS_READ));
        Route org = new Route(HandlerType.GET, "/api/v1/organizations/{id}", Access.requires(Permission.EVENTS_READ));

        HttpResponse<String> own = call(event, "/api/v1/events/" + ownEvent, officer);
        HttpResponse<String> child = call(org, "/api/v1/organizations/BV-1", officer);

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("event of so-yt");
        assertThat(child.statusCode()).as("BV-1 is under SO-YT").isEqualTo(200);
        assertThat(child.body()).contains("Bệnh viện Đa khoa tỉnh");
    }

    static List<Route> nonPublic() {
        List<Route> out = new ArrayList<>();
        for (Route route : server.server.routes()) {
            if (!(route.access() instanceof Access.Public)) {
                out.add(route);
            }
        }
        return out;
    }

    static String roleToken(Role role) {
        return ROLE_TOKENS.computeIfAbsent(role, r -> server.security.token(r, "SO-YT"));
    }

    static String scopedToken(Permission permission) {
        return SCOPED_TOKENS.computeIfAbsent(permission, p -> {
            for (Scope scope : Scope.values()) {
                if (!scope.permissions().contains(p)) {
                    return server.security.token(Role.PLATFORM_ADMIN, "SOC", EnumSet.of(scope));
                }
            }
            throw new IllegalStateException("every scope grants " + p);
        });
    }

    /** A response whose body was read by hand (a stream's first bytes). */
    record Snapshot(HttpResponse<InputStream> response, String body) implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return response.uri();
        }

        @Override
        public java.net.http.HttpClient.Version version() {
            return response.version();
        }
    }
}
