package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.app.Cli;
import vn.lachan.app.security.Foundation;
import vn.lachan.pipeline.Pipeline;
import vn.lachan.pipeline.PipelineStats;
import vn.lachan.security.access.Role;
import vn.lachan.security.access.Scope;

/**
 * Imports files into a platform that is running on the data folder: through its ingest, journal and rules,
 * each event stored as its file spells it.
 */
class ImportIntoRunningPlatformTest {
    private static final Path SYSMON = Path.of("../samples/events/stc-kt-pc12-sysmon.jsonl");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path data;

    @TempDir
    Path files;

    @Test
    void findsTheRunningPlatformByItsDataFolderAndDetectsWhatItSends() throws IOException, InterruptedException {
        long lines = Files.readAllLines(SYSMON, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .count();
        ServeConfig config = ConfigReader.read(
                null,
                new ConfigReader.Overrides(data, "127.0.0.1:0", "127.0.0.1:0", List.of(Path.of("../samples/rules"))));
        try (Platform platform = Platform.start(config)) {
            assertThat(Endpoint.running(data)).contains(platform.baseUrl());

            Cli.Run anonymous = Cli.run("import", "--data", data.toString(), "--token", " ", SYSMON.toString());
            assertThat(anonymous.code()).isEqualTo(2);
            assertThat(anonymous.err()).contains("wants an API token with the ingest scope");
            Foundation foundation = Objects.requireNonNull(platform.foundation());
            String token = foundation
                    .tokens()
                    .issue(
                            "import-test",
                            Role.SOC_ANALYST,
                            foundation.monitoringCenter().id(),
                            Set.of(Scope.INGEST, Scope.EVENTS_READ),
                            null,
                            null)
                    .secret();

            Cli.Run run = Cli.run("import", "--data", data.toString(), "--token", token, SYSMON.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).contains(lines + " events accepted by the platform at " + platform.baseUrl());
            Pipeline pipeline = Objects.requireNonNull(platform.pipeline());
            assertThat(pipeline.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            PipelineStats stats = pipeline.stats();
            assertThat(stats.stored()).isEqualTo(lines);
            assertThat(stats.detections()).isPositive();

            sendsEachTextAsRead(platform, token);
        }
        assertThat(Endpoint.running(data)).isEmpty();
    }

    /** Imports lines whose spelling a JSON round trip would change; the platform must store them as they are. */
    private void sendsEachTextAsRead(Platform platform, String token) throws IOException, InterruptedException {
        String time =
                Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> odd = List.of(
                "{ \"@timestamp\" : \"" + time + "\",  \"host.name\":\"raw-fed\" , \"n\" : 1.0e3 }",
                "{\"@timestamp\":\"" + time + "\",\"host.name\":\"raw-fed\",\"user\":\"Jos\\u00e9\",\"p\":10.50}",
                "{\"@timestamp\":\"" + time + "\",\"host.name\":\"raw-fed\",\"dup\":\"first\",\"dup\":\"second\"}");
        String crOnly = "{\r  \"@timestamp\": \"" + time + "\",\r  \"host.name\": \"raw-fed\"\r}";
        Path lines = Files.writeString(files.resolve("odd.jsonl"), String.join("\r\n", odd) + "\r\n" + crOnly + "\n");
        String prettyText =
                "{\n  \"@timestamp\": \"" + time + "\",\n  \"host.name\": \"raw-fed\",\n  \"pretty\": true\n}\n";
        Path pretty = Files.writeString(files.resolve("pretty.json"), prettyText);

        Cli.Run run =
                Cli.run("import", "--data", data.toString(), "--token", token, lines.toString(), pretty.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Objects.requireNonNull(platform.pipeline()).awaitCaughtUp(Duration.ofSeconds(60)))
                .isTrue();
        List<String> raws = searchRaws(platform.baseUrl(), token).stream()
                .filter(r -> r.contains("raw-fed"))
                .toList();
        // the pretty document travels in a JSON array body, whose elements the platform keeps as sent
        assertThat(raws).hasSize(5).containsAll(odd).contains(crOnly, prettyText.strip());
    }

    private static List<String> searchRaws(String base, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/events/search"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"*\",\"size\":500}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> raws = new ArrayList<>();
        JSON.readTree(response.body())
                .get("hits")
                .forEach(hit -> raws.add(hit.get("raw").asString()));
        return raws;
    }

    @Test
    void saysWhereToImportWhenNeitherDataNorServerIsGiven() {
        Cli.Run run = Cli.run("import", SYSMON.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--data DIR").contains("--server URL");
    }

    @Test
    void namesTheServerItCannotReach() {
        Cli.Run run = Cli.run("import", "--server", "http://127.0.0.1:1", "--token", "lcn_x", SYSMON.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the platform at http://127.0.0.1:1");
    }
}
