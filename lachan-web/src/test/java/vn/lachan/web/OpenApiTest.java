package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.web.internal.Access;
import vn.lachan.web.internal.RouteTable.Route;

/** Checks the served OpenAPI document against the real route table: same operations, same access rules. */
class OpenApiTest {
    static final Set<String> METHODS = Set.of("get", "head", "post", "put", "delete", "patch");

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

    static String access(Access access) {
        return switch (access) {
            case Access.Public p -> "public";
            case Access.Authenticated a -> "authenticated";
            case Access.Requires r -> "permission " + r.permission();
        };
    }

    @Test
    void theDocumentDescribesExactlyTheRoutesWithTheirAccessAndProblems() throws Exception {
        HttpResponse<String> response =
                server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/openapi.json")));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = TestServer.json(response);
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");

        TreeMap<String, String> documented = new TreeMap<>();
        Set<String> ids = new TreeSet<>();
        for (var path : doc.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode op = operation.getValue();
                String kind = op.get("x-lachan-access").asString();
                String access = kind.equals("permission")
                        ? "permission " + op.get("x-lachan-permission").asString()
                        : kind;
                documented.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), access);
                assertThat(ids.add(op.get("operationId").asString()))
                        .as("unique operationId")
                        .isTrue();
                JsonNode security = op.get("security");
                JsonNode responses = op.get("responses");
                if (kind.equals("public")) {
                    assertThat(security.isArray() && security.isEmpty())
                            .as(path.getKey() + " is public")
                            .isTrue();
                } else {
                    assertThat(security)
                            .as(path.getKey() + " uses the document's security")
                            .isNull();
                    assertThat(responses.has("401"))
                            .as(path.getKey() + " documents 401")
                            .isTrue();
                    assertThat(responses.has("403"))
                            .as(path.getKey() + " documents 403")
                            .isTrue();
                }
                if (path.getKey().contains("{id}")) {
                    assertThat(responses.has("404"))
                            .as(path.getKey() + " documents 404")
                            .isTrue();
                }
            }
        }
        TreeMap<String, String> served = new TreeMap<>();
        for (Route route : server.server.routes()) {
            served.put(route.method().name() + " " + route.path(), access(route.access()));
        }

        assertThat(documented).isEqualTo(served);
    }
}
