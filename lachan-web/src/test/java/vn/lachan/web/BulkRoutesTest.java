package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lachan.web.Problems.assertProblem;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.InfoResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.bulk.OperationType;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import tools.jackson.databind.JsonNode;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;

class BulkRoutesTest {
    @TempDir
    Path dir;

    TestServer server;
    OpenSearchTransport transport;
    OpenSearchClient client;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        transport = ApacheHttpClient5TransportBuilder.builder(new HttpHost("http", "127.0.0.1", server.port))
                .setMapper(new JacksonJsonpMapper())
                // the form Elasticsearch outputs send: ApiKey base64(id:key)
                .setDefaultHeaders(new Header[] {
                    new BasicHeader(
                            "Authorization",
                            "ApiKey "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    ("beats:" + server.adminToken).getBytes(StandardCharsets.UTF_8)))
                })
                .build();
        client = new OpenSearchClient(transport);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        server.close();
    }

    @Test
    void theOpenSearchClientBulksDocumentsAndEachBecomesARecordOfItsIndex() throws Exception {
        BulkRequest request = new BulkRequest.Builder()
                .operations(op -> op.index(i -> i.index("logs-fw").document(Map.of("message", "deny tcp", "n", 1))))
                .operations(
                        op -> op.create(c -> c.index("logs-dns").id("given-id").document(Map.of("q", "a.vn"))))
                .operations(op -> op.index(i -> i.index("logs-fw").document(Map.of("message", "allow udp"))))
                .build();

        BulkResponse response = client.bulk(request);

        assertThat(response.errors()).isFalse();
        List<BulkResponseItem> items = response.items();
        assertThat(items)
                .extracting(BulkResponseItem::operationType)
                .containsExactly(OperationType.Index, OperationType.Create, OperationType.Index);
        assertThat(items).extracting(BulkResponseItem::index).containsExactly("logs-fw", "logs-dns", "logs-fw");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(201);
            assertThat(item.result()).isEqualTo("created");
            assertThat(item.error()).isNull();
        });
        assertThat(items.get(1).id()).isEqualTo("given-id");
        assertThat(items.get(0).id()).hasSize(20).isNotEqualTo(items.get(2).id());

        List<RawRecord> records = server.intake.records();
        assertThat(records).extracting(RawRecord::source).containsExactly("logs-fw", "logs-dns", "logs-fw");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.input()).isEqualTo("bulk");
            assertThat(r.format()).isEqualTo("json");
            assertThat(r.peer()).isEqualTo("127.0.0.1");
        });
        JsonNode first = TestServer.JSON.readTree(records.getFirst().payload());
        assertThat(first.get("message").asString()).isEqualTo("deny tcp");
        assertThat(first.get("n").asInt()).isEqualTo(1);
    }

    @Test
    void theClientSeesAnOpenSearchTwoNode() throws Exception {
        InfoResponse info = client.info();

        assertThat(info.version().distribution()).isEqualTo("opensearch");
        assertThat(info.version().number()).startsWith("2.");
        assertThat(info.clusterName()).isEqualTo("lachan");
        assertThat(server.send(server.request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(TestServer.json(server.get("/_cluster/health")).get("status").asString())
                .isEqualTo("green");
        assertProblem(server.get("/_license"), 404);
    }

    @Test
    void updateDeleteAndMalformedLinesAreRefusedPerItemWhileTheOthersAreTaken() throws Exception {
        String body = String.join(
                "\n",
                "{\"index\":{}}",
                "{\"message\":\"one\"}",
                "{\"update\":{\"_id\":\"1\"}}",
                "{\"doc\":{\"a\":1}}",
                "{\"delete\":{\"_index\":\"other\",\"_id\":\"2\"}}",
                "this is not an action",
                "{\"create\":{\"_index\":\"audit\"}}",
                "not json either",
                "{\"index\":{\"_index\":\"audit\"}}",
                "{\"message\":\"two\"}",
                "");

        HttpResponse<String> response = server.post("/logs-app/_bulk", "application/x-ndjson", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = TestServer.json(response);
        assertThat(json.get("errors").asBoolean()).isTrue();
        assertThat(json.get("took").isIntegralNumber()).isTrue();
        JsonNode items = json.get("items");
        assertThat(items.size()).isEqualTo(6);
        assertThat(status(items.get(0), "index")).isEqualTo(201);
        assertThat(status(items.get(1), "update")).isEqualTo(400);
        assertThat(status(items.get(2), "delete")).isEqualTo(400);
        assertThat(items.get(2).get("delete").get("_index").asString()).isEqualTo("other");
        assertThat(status(items.get(3), "index")).isEqualTo(400);
        assertThat(items.get(3).get("index").get("error").get("type").asString())
                .isEqualTo("parse_exception");
        assertThat(items.get(3).get("index").get("error").get("reason").asString())
                .contains("line 6");
        assertThat(status(items.get(4), "create")).isEqualTo(400);
        assertThat(items.get(4).get("create").get("error").get("type").asString())
                .isEqualTo("mapper_parsing_exception");
        assertThat(status(items.get(5), "index")).isEqualTo(201);

        List<RawRecord> records = server.intake.records();
        assertThat(records).extracting(RawRecord::source).containsExactly("logs-app", "audit");
        assertThat(records.get(1).payload()).isEqualTo("{\"message\":\"two\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentWithoutAnyIndexIsRefused() throws Exception {
        HttpResponse<String> response = server.post("/_bulk", "application/x-ndjson", "{\"index\":{}}\n{\"a\":1}\n");

        JsonNode item = TestServer.json(response).get("items").get(0).get("index");
        assertThat(item.get("status").asInt()).isEqualTo(400);
        assertThat(item.get("error").get("reason").asString()).contains("index is missing");
        assertThat(server.intake.records()).isEmpty();
    }

    @Test
    void aFullIntakeRefusesTheWholeBulkWith429() throws Exception {
        server.intake.answer(Admission.FULL);

        HttpResponse<String> response =
                server.post("/logs/_bulk", "application/x-ndjson", "{\"index\":{}}\n{\"a\":1}\n");

        assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    private static int status(JsonNode item, String action) {
        assertThat(item.has(action)).as(item.toString()).isTrue();
        return item.get(action).get("status").asInt();
    }
}
