package vn.lachan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.lachan.web.Problems.assertProblem;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.lachan.core.intake.Admission;
import vn.lachan.core.intake.RawRecord;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

class IngestRoutesTest {
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

    private static List<String> payloads(List<RawRecord> records) {
        return records.stream()
                .map(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void ndjsonLinesBecomeRecordsAndALineThatIsNotJsonIsKeptRaw() throws Exception {
        String body = "{\"a\":1}\r\n\n{\"b\": [1, 2]}\nnot json at all\n";
        HttpResponse<String> response =
                server.post("/api/v1/ingest?source=fw-01&format=json", "application/x-ndjson", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(TestServer.json(response).get("accepted").asInt()).isEqualTo(3);
        List<RawRecord> records = server.intake.records();
        assertThat(payloads(records)).containsExactly("{\"a\":1}", "{\"b\": [1, 2]}", "not json at all");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.input()).isEqualTo("http");
            assertThat(r.peer()).isEqualTo("127.0.0.1");
            assertThat(r.source()).isEqualTo("fw-01");
            assertThat(r.format()).isEqualTo("json");
            assertThat(r.problem()).isEmpty();
        });
    }

    @Test
    void anAgencysTokenBindsItsRecordsToTheAgencyAndTheCentersDoesNot() throws Exception {
        String officer = server.security.token(Role.ORG_SECURITY_OFFICER, "SO-YT", Set.of(Scope.INGEST));
        for (String path : List.of("/api/v1/ingest", "/logs-yt/_bulk")) {
            String body = path.endsWith("_bulk") ? "{\"index\":{}}\n{\"a\":1}\n" : "{\"a\":1}\n";
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri(path))
                    .header("Authorization", "Bearer " + officer)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 202);
        }
        assertThat(server.post("/api/v1/ingest", "application/x-ndjson", "{\"b\":2}\n")
                        .statusCode())
                .isEqualTo(202);

        assertThat(server.intake.records())
                .extracting(RawRecord::input, RawRecord::origin)
                .containsExactly(tuple("http", "SO-YT"), tuple("bulk", "SO-YT"), tuple("http", ""));
    }

    @Test
    void arrayElementsKeepTheirTextAndHeadersGiveSourceAndFormat() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/v1/ingest")
                .header("Content-Type", "application/json")
                .header("X-Lachan-Source", "edr")
                .header("X-Lachan-Format", "cef")
                .POST(HttpRequest.BodyPublishers.ofString("[ {\"x\" : 1},\n  {\"y\": \"z\"}, 3 ]")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(payloads(server.intake.records())).containsExactly("{\"x\" : 1}", "{\"y\": \"z\"}", "3");
        assertThat(server.intake.records()).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("edr");
            assertThat(r.format()).isEqualTo("cef");
        });
    }

    @Test
    void onePrettyPrintedObjectIsOneRecordWithTheAutoFormat() throws Exception {
        HttpResponse<String> response =
                server.post("/api/v1/ingest", "application/json", "{\n  \"message\": \"hello\",\n  \"n\": 2\n}\n");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(payloads(server.intake.records())).containsExactly("{\n  \"message\": \"hello\",\n  \"n\": 2\n}");
        assertThat(server.intake.records().getFirst().format()).isEqualTo(RawRecord.AUTO);
    }

    @Test
    void arrayElementsAreCutAtTheirOwnBoundsWhateverTheyHold() throws Exception {
        List<String> elements = List.of(
                "{\"a\": \"x,]y\", \"b\": [1, {\"c\": \"}\"}]}",
                "[1,2 , [3]]",
                "\"s\\\"q, ]\"",
                "-1.5e3",
                "{\"\u00e9\":\"\\u00e9\",\"d\":{\"d\":1},\"d\":2}",
                "null",
                "{}");
        String body = "\r\n[ " + String.join(" ,\n\t", elements) + "\n]  \n";
        HttpResponse<String> response = server.post("/api/v1/ingest", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(payloads(server.intake.records())).containsExactlyElementsOf(elements);
    }

    @Test
    void anArrayOrAnObjectAfterAByteOrderMarkIsSplitAsOne() throws Exception {
        String bom = "\uFEFF";
        HttpResponse<String> array =
                server.post("/api/v1/ingest", "application/json", bom + "[\n  {\"a\": 1},\n  {\"b\": 2}\n]\n");
        HttpResponse<String> object = server.post("/api/v1/ingest", "application/json", bom + "{\n  \"c\": 3\n}");

        assertThat(array.statusCode()).as(array.body()).isEqualTo(202);
        assertThat(object.statusCode()).as(object.body()).isEqualTo(202);
        assertThat(payloads(server.intake.records())).containsExactly("{\"a\": 1}", "{\"b\": 2}", "{\n  \"c\": 3\n}");
    }

    @Test
    void anArrayFollowedByMoreIsABadRequest() throws Exception {
        JsonNode problem = assertProblem(server.post("/api/v1/ingest", "application/json", "[{\"a\":1}] [2]"), 400);

        assertThat(problem.get("detail").asString()).contains("more after its array");
        assertThat(server.intake.records()).isEmpty();
    }

    @Test
    void aBrokenArrayIsABadRequestAndNothingIsOffered() throws Exception {
        JsonNode problem = assertProblem(server.post("/api/v1/ingest", "application/json", "[{\"a\":1}, {"), 400);

        assertThat(problem.get("detail").asString()).contains("not valid JSON", "line 1");
        assertThat(server.intake.records()).isEmpty();
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        assertProblem(server.post("/api/v1/ingest", "application/x-ndjson", "\n \n"), 400);
    }

    @Test
    void aFormatThatIsNotAParserNameIsABadRequestNamingTheField() throws Exception {
        JsonNode problem = assertProblem(server.post("/api/v1/ingest?format=Bad%20Format", "text/plain", "x"), 400);

        assertThat(problem.get("field").asString()).isEqualTo("format");
    }

    @Test
    void aFullIntakeIsTooManyRequestsWithRetryAfter() throws Exception {
        server.intake.answer(Admission.FULL);

        HttpResponse<String> response = server.post("/api/v1/ingest", "application/x-ndjson", "{\"a\":1}\n");

        JsonNode problem = assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(problem.get("detail").asString()).contains("disk budget");
        assertThat(server.intake.records()).isEmpty();
    }

    @Test
    void aClosedIntakeIsServiceUnavailable() throws Exception {
        server.intake.answer(Admission.CLOSED);

        assertProblem(server.post("/api/v1/ingest", "application/x-ndjson", "{\"a\":1}\n"), 503);
    }

    @Test
    void aBodyOverTheLimitIsContentTooLarge() throws Exception {
        String line = "{\"pad\":\"" + "x".repeat(1000) + "\"}\n";
        String body = line.repeat((int) (TestServer.MAX_BODY / line.length()) + 2);

        JsonNode problem = assertProblem(server.post("/api/v1/ingest", "application/x-ndjson", body), 413);

        assertThat(problem.get("max_bytes").asLong()).isEqualTo(TestServer.MAX_BODY);
        assertThat(server.intake.records()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsContentTooLargeToo() throws Exception {
        byte[] chunk = "{\"a\":\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"}\n".getBytes(StandardCharsets.UTF_8);
        int copies = (int) (TestServer.MAX_BODY / chunk.length) + 2;
        HttpResponse<String> response = server.send(server.request("/api/v1/ingest")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        java.util.Collections.enumeration(java.util.Collections.nCopies(copies, chunk).stream()
                                .map(java.io.ByteArrayInputStream::new)
                                .toList())))));

        assertProblem(response, 413);
    }
}
