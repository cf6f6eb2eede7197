package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lachan.app.Cli;
import vn.lachan.security.envelope.RecipientKeyFiles;

/**
 * Runs the whole path an encrypted export takes: a recipient key from {@code lachan backup-key} registered in the
 * configuration, {@code lachan serve} exporting to it, {@code lachan envelope open} reading the file back to the
 * plain export's bytes, and the audit trail naming the recipient.
 */
class EncryptedExportTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EVENTS = 400;

    @TempDir
    Path dir;

    @Test
    void anExportEncryptedToARegisteredRecipientOpensWithTheCliToThePlainExport() throws Exception {
        Path keys = dir.resolve("custodian");
        Cli.Run key = Cli.run("backup-key", "--out", keys.toString(), "--name", "national-soc");
        assertThat(key.code()).as(key.all()).isZero();
        Path config = dir.resolve("lachan.yml");
        Files.writeString(config, "exports:\n  recipients:\n    national-soc: custodian/national-soc.pub\n");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path data = dir.resolve("data");

        try (ServeProcess serve =
                ServeProcess.start(data, rules, dir.resolve("serve.log"), List.of("--config", config.toString()))) {
            HttpResponse<String> ingest = serve.post("/api/v1/ingest?format=json", "application/x-ndjson", events());
            assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(202);
            String plain = awaitStored(serve);
            Path sealed = dir.resolve("events.ndjson.lce");
            HttpResponse<Path> response = serve.postToFile(
                    "/api/v1/events/export?recipient=national-soc", "application/json", "{\"query\": \"*\"}", sealed);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Lachan-Export-Recipients"))
                    .hasValue(RecipientKeyFiles.readPublic(keys.resolve("national-soc.pub"))
                            .fingerprint());

            Path signer = data.resolve("keys").resolve("export-signing.mldsa.pub");
            Path opened = dir.resolve("opened.ndjson");
            Cli.Run open = open(keys.resolve("national-soc.key"), signer, sealed, opened);
            assertThat(open.code()).as(open.all()).isZero();
            assertThat(open.out()).contains("lachan-export/1 format=ndjson");
            assertThat(Files.readString(opened, StandardCharsets.UTF_8)).isEqualTo(plain);

            byte[] bytes = Files.readAllBytes(sealed);
            bytes[bytes.length - 10] ^= 0x40;
            Path altered = dir.resolve("altered.lce");
            Files.write(altered, bytes);
            Path none = dir.resolve("none.ndjson");
            Cli.Run refused = open(keys.resolve("national-soc.key"), signer, altered, none);
            assertThat(refused.code()).as(refused.all()).isEqualTo(1);
            assertThat(refused.err()).contains("refused, nothing written");
            assertThat(none).doesNotExist();
            assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".partial")))
                    .isEmpty();

            JsonNode audit =
                    JSON.readTree(serve.get("/api/v1/audit?action=event.export").body());
            List<String> recipients = audit.get("items")
                    .valueStream()
                    .map(r -> r.get("details").get("recipients").asString())
                    .toList();
            assertThat(recipients).anyMatch(r -> r.startsWith("national-soc "));
            assertThat(recipients).anyMatch(r -> r.startsWith("none"));
        }
    }

    private static Cli.Run open(Path key, Path signer, Path in, Path out) {
        return Cli.run(
                "envelope",
                "open",
                "--key",
                key.toString(),
                "--trust",
                signer.toString(),
                in.toString(),
                out.toString());
    }

    private static String events() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            body.append(JSON.writeValueAsString(Map.of(
                            "@timestamp",
                            Instant.now().toString(),
                            "host",
                            Map.of("name", "ws-" + (i % 9) + ".so-tttt.gov.vn"),
                            "message",
                            "đăng nhập thành công " + i,
                            "seq",
                            i)))
                    .append('\n');
        }
        return body.toString();
    }

    /** Waits until every event is stored and returns the plain export of them all. */
    private static String awaitStored(ServeProcess serve) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String export = "";
        while (System.nanoTime() < deadline) {
            export = serve.post("/api/v1/events/export", "application/json", "{\"query\": \"*\"}")
                    .body();
            if (export.lines().count() == EVENTS) {
                return export;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not all events were stored within 2 minutes; the export has "
                + export.lines().count() + " lines");
    }
}
